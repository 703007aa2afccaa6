// Reading progress for signed-in readers: the paragraph in view (to continue from) and whether the end was reached.
(function () {
  var article = document.querySelector('article.chapter[data-key]');
  if (!article || !window.fetch || !window.StudyPortal) return;
  var key = article.getAttribute('data-key');
  var last = -1, completed = false, timer = null, opened = true;
  var status = document.getElementById('reading-status');

  function send() {
    timer = null;
    var body = new URLSearchParams({ paragraph: String(Math.max(last, 0)), opened: String(opened), completed: String(completed) });
    opened = false;
    // The page is shared by every reader, so the form token comes from /api/me.
    window.StudyPortal.me().then(function (me) {
      return fetch('/read/' + encodeURIComponent(key) + '?handler=Progress', {
        method: 'POST', body: body, credentials: 'same-origin', keepalive: true,
        headers: { 'RequestVerificationToken': me.token }
      });
    }).then(function (r) {
      // 202: the end came sooner than the section can be read; it counts once the reader has stayed long enough.
      if (r.status !== 202) { if (status && r.ok) status.hidden = true; return; }
      return r.json().then(function (answer) {
        if (status) {
          status.textContent = status.getAttribute('data-text').replace('{0}', String(Math.ceil(answer.waitSeconds / 60)));
          status.hidden = false;
        }
        setTimeout(send, (answer.waitSeconds + 1) * 1000);
      });
    }).catch(function () { /* progress is best effort; reading goes on */ });
  }
  function later() { if (!timer) timer = setTimeout(send, 1500); }

  send();
  if (!('IntersectionObserver' in window)) return;
  var seen = new IntersectionObserver(function (entries) {
    entries.forEach(function (e) {
      if (!e.isIntersecting) return;
      var n = parseInt(e.target.id.slice(2), 10);
      if (n > last) { last = n; later(); }
    });
  });
  article.querySelectorAll('[id^="p-"]').forEach(function (el) { seen.observe(el); });
  // The end of the section is on screen: read to the end.
  var end = document.querySelector('.chapter-nav') || article;
  new IntersectionObserver(function (entries) {
    if (entries.some(function (e) { return e.isIntersecting; }) && !completed) { completed = true; send(); }
  }).observe(end);
})();
