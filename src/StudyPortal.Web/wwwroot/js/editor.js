// Structure editor: each correction is posted in the background and the editor is redrawn from the page the server
// answers with, so a long section does not jump back to the top after every edit. Without script (or if anything
// unexpected comes back) the forms post as ordinary forms.
(function () {
  if (!document.getElementById('structure-editor') || !window.fetch || !window.DOMParser) return;
  var busy = false;

  document.addEventListener('submit', function (ev) {
    var form = ev.target;
    if (!(form instanceof HTMLFormElement) || !form.closest('#structure-editor')) return;
    ev.preventDefault();
    if (busy) return;
    busy = true;
    var main = document.getElementById('main');
    var before = location.href;
    var y = window.scrollY;
    main.setAttribute('aria-busy', 'true');
    fetch(form.action, { method: 'POST', body: new FormData(form), credentials: 'same-origin' })
      .then(function (response) {
        return response.text().then(function (html) { return { url: response.url, html: html }; });
      })
      .then(function (answer) {
        var page = new DOMParser().parseFromString(answer.html, 'text/html');
        var next = page.getElementById('main');
        if (!next || !page.getElementById('structure-editor')) throw new Error('not the editor');
        main.innerHTML = next.innerHTML;
        document.title = page.title;
        // A redirect names the section the edit took effect in; an answer with an error keeps the address.
        if (answer.url.indexOf('?handler=') < 0 && answer.url.indexOf('&handler=') < 0 && answer.url !== before) history.pushState(null, '', answer.url);
        window.scrollTo(0, location.href === before ? y : 0);
        var notice = main.querySelector('[role=alert], [role=status]');
        if (notice) { notice.setAttribute('tabindex', '-1'); notice.focus({ preventScroll: true }); }
      })
      .catch(function () { HTMLFormElement.prototype.submit.call(form); })
      .then(function () { busy = false; main.removeAttribute('aria-busy'); });
  });

  window.addEventListener('popstate', function () { location.reload(); });
})();
