// Reading inside an assignment. The chapter page is shared by every reader, so the assignment this section is read
// for is asked for after load (/api/study/reading): its title and due date, where the section stands in it, whether
// it is read; 上一节 / 下一节 then follow the assignment's sections, and after the last one the reader is offered 去打卡.
(function () {
  var article = document.querySelector('article.chapter[data-key]');
  var bar = document.getElementById('assignment-bar');
  if (!article || !bar || !window.fetch) return;
  var text = function (name) { return bar.getAttribute('data-text-' + name) || ''; };
  var asked = new URLSearchParams(window.location.search).get('assignment');
  var url = '/api/study/reading?section=' + encodeURIComponent(article.getAttribute('data-key')) +
    (asked && /^[0-9]+$/.test(asked) ? '&assignment=' + asked : '');

  function span(className, content) {
    var el = document.createElement('span');
    el.className = className;
    el.textContent = content;
    return el;
  }
  // A turn link of the chapter's own navigation, made to point within the assignment.
  function turn(nav, rel, label, href, title) {
    var link = nav.querySelector('a[rel=' + rel + ']');
    if (!link) {
      link = document.createElement('a');
      link.rel = rel;
      link.className = rel;
      link.setAttribute('data-turn', '');
      if (rel === 'prev') nav.insertBefore(link, nav.firstChild); else nav.appendChild(link);
    }
    link.href = href;
    link.textContent = '';
    link.appendChild(span('label', rel === 'prev' ? '← ' + label : label + ' →'));
    link.appendChild(span('', title));
    return link;
  }

  fetch(url, { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
    .then(function (r) { return r.status === 200 ? r.json() : null; })
    .then(function (a) {
      if (!a) return;
      var title = document.createElement('a');
      title.href = a.studyUrl;
      title.className = 'assignment-title';
      title.textContent = a.title;
      bar.appendChild(span('assignment-label', bar.getAttribute('aria-label')));
      bar.appendChild(title);
      bar.appendChild(span('muted', a.due));
      bar.appendChild(span('assignment-position', text('position').replace('{0}', a.position).replace('{1}', a.count)));
      bar.appendChild(span('assignment-state ' + (a.read ? 'read' : 'unread'), text(a.read ? 'read' : 'unread')));
      bar.hidden = false;

      var nav = document.querySelector('.chapter-nav');
      if (!nav) return;
      var within = function (key) { return '/read/' + encodeURIComponent(key) + '?assignment=' + a.id; };
      var prev = nav.querySelector('a[rel=prev]');
      if (a.previous) turn(nav, 'prev', text('previous'), within(a.previous.key), a.previous.label);
      else if (prev) prev.remove();
      if (a.next) turn(nav, 'next', text('next'), within(a.next.key), a.next.label);
      else turn(nav, 'next', a.checkedIn ? text('checkedin') : text('checkin'), a.studyUrl + '#check-in', a.title).classList.add('check-in');
    })
    .catch(function () { /* the chapter reads the same without it */ });
})();
