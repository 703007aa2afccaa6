// Upload page: drop files onto the zone, list them, and send them with a progress bar (large PDFs take a while).
(function () {
  var form = document.getElementById('upload-form');
  if (!form) return;
  var input = form.querySelector('input[type=file]');
  var zone = document.getElementById('drop-zone');
  var list = document.getElementById('chosen-files');
  var bar = document.getElementById('upload-progress');

  function show() {
    list.textContent = '';
    Array.prototype.forEach.call(input.files, function (f) {
      var li = document.createElement('li');
      li.textContent = f.name + ' (' + Math.max(1, Math.round(f.size / 1024)) + ' KB)';
      list.appendChild(li);
    });
  }
  input.addEventListener('change', show);
  ['dragenter', 'dragover'].forEach(function (e) {
    zone.addEventListener(e, function (ev) { ev.preventDefault(); zone.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (e) {
    zone.addEventListener(e, function () { zone.classList.remove('over'); });
  });
  zone.addEventListener('drop', function (ev) {
    ev.preventDefault();
    if (ev.dataTransfer && ev.dataTransfer.files.length) { input.files = ev.dataTransfer.files; show(); }
  });

  form.addEventListener('submit', function (ev) {
    if (!window.XMLHttpRequest || !window.FormData) return;
    ev.preventDefault();
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action || window.location.pathname);
    bar.hidden = false;
    xhr.upload.addEventListener('progress', function (p) {
      if (p.lengthComputable) bar.value = Math.round(p.loaded * 100 / p.total);
    });
    xhr.addEventListener('load', function () {
      // The server answers with the results page; show it as a normal navigation would.
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.addEventListener('error', function () { bar.hidden = true; form.submit(); });
    xhr.send(new FormData(form));
  });
})();
