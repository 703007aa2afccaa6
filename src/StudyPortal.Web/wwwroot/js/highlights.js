// Highlights and notes in the reader, for signed-in readers. The chapter page is shared by every reader, so what is
// personal is asked for after it loads: /api/highlights for this section (one's own and one's groups'), the form
// token from /api/me, and one's groups only when sharing. Select text with the mouse, a finger or the keyboard:
// a toolbar offers four colours, a note, a citation to copy and sharing with a group.
(function () {
  var article = document.querySelector('article.chapter[data-key]');
  var toolbar = document.getElementById('highlight-toolbar');
  var sheet = document.getElementById('highlight-note');
  if (!article || !toolbar || !sheet || !window.fetch || !window.StudyPortal || !window.getSelection) return;
  var key = article.getAttribute('data-key');
  var text = function (name) { return toolbar.getAttribute('data-text-' + name) || ''; };
  var items = [];
  var pending = null;   // the selection the toolbar acts on: { paragraph, start, end, exact }
  var editing = null;   // the item whose note is open

  function paragraphElement(node) {
    var el = node && (node.nodeType === 1 ? node : node.parentElement);
    return el && el.closest('[data-paragraph]');
  }
  function offsetIn(el, node, offset) {
    var r = document.createRange();
    r.setStart(el, 0);
    r.setEnd(node, offset);
    return r.toString().length;
  }
  // The DOM range covering [start, end) of an element's text.
  function rangeOf(el, start, end) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), n, at = 0, r = document.createRange(), begun = false;
    while ((n = walker.nextNode())) {
      var len = n.nodeValue.length;
      if (!begun && start <= at + len) { r.setStart(n, start - at); begun = true; }
      if (begun && end <= at + len) { r.setEnd(n, end - at); return r; }
      at += len;
    }
    return null;
  }

  function send(method, url, body) {
    return window.StudyPortal.me().then(function (me) {
      return fetch(url, {
        method: method, credentials: 'same-origin',
        headers: { 'Content-Type': 'application/json', 'Accept': 'application/json', 'RequestVerificationToken': me.token },
        body: body ? JSON.stringify(body) : undefined
      });
    }).then(function (r) {
      if (r.status === 204) return null;
      return r.json().then(function (json) { if (!r.ok) throw new Error(json.detail || String(r.status)); return json; });
    });
  }
  function say(message) {
    var status = document.getElementById('highlight-status');
    status.textContent = message;
    status.hidden = !message;
  }

  // Drawing: each item's passage wrapped in <mark>, a margin note (desktop) or a marker that opens the sheet (phone).
  function clear() {
    article.querySelectorAll('mark.hl').forEach(function (m) {
      var parent = m.parentNode;
      while (m.firstChild) parent.insertBefore(m.firstChild, m);
      parent.removeChild(m);
      parent.normalize();
    });
    article.querySelectorAll('.hl-note, .hl-pins').forEach(function (n) { n.remove(); });
  }
  function noteLabel(item) {
    if (item.assignmentId) return text('pinned').replace('{0}', item.assignmentTitle || '');
    if (item.mine) return text('mynote');
    return item.author ? text('groupnoteby').replace('{0}', item.author) : text('groupnote');
  }
  // A note's label (whose, or the leader's pin) and its text, as text nodes: nothing a note says is read as markup.
  function noteParts(item) {
    var label = document.createElement('span');
    label.className = 'hl-note-label';
    label.textContent = noteLabel(item);
    var body = document.createElement('span');
    body.className = 'hl-note-text';
    body.textContent = item.note;
    return [label, body];
  }
  // A leader's pinned notes also stand at the top of the chapter, each linking to its passage.
  function drawPins() {
    var pinned = items.filter(function (item) { return item.assignmentId && item.note; });
    if (pinned.length === 0) return;
    var box = document.createElement('aside');
    box.className = 'hl-pins';
    var title = document.createElement('p');
    title.className = 'hl-pins-title';
    title.textContent = text('pins');
    box.appendChild(title);
    pinned.forEach(function (item) {
      var line = document.createElement('p');
      var link = document.createElement('a');
      link.href = '#p-' + item.paragraph;
      link.textContent = '“' + item.exact + '”';
      var parts = noteParts(item);
      line.appendChild(parts[0]); line.appendChild(link); line.appendChild(parts[1]);
      box.appendChild(line);
    });
    var heading = article.querySelector('h1, h2');
    if (heading) heading.insertAdjacentElement('afterend', box); else article.insertBefore(box, article.firstChild);
  }
  function draw() {
    clear();
    article.classList.toggle('has-notes', items.some(function (item) { return !!item.note; }));
    items.forEach(function (item) {
      var el = article.querySelector('[data-paragraph="' + item.paragraph + '"]');
      var r = el && rangeOf(el, item.start, item.end);
      if (!r || r.toString() !== item.exact) return;
      var mark = document.createElement('mark');
      mark.className = 'hl hl-' + item.color + (item.mine ? ' hl-mine' : ' hl-group');
      mark.setAttribute('data-id', String(item.id));
      if (!item.mine) mark.setAttribute('data-count', String(item.count));
      mark.title = item.mine ? text('mine') : text('group').replace('{0}', String(item.count));
      try { r.surroundContents(mark); } catch (e) { mark.appendChild(r.extractContents()); r.insertNode(mark); }
      if (item.note) {
        var note = document.createElement('aside');
        note.className = 'hl-note' + (item.mine ? '' : ' hl-note-group') + (item.assignmentId ? ' hl-note-pinned' : '');
        note.setAttribute('data-id', String(item.id));
        noteParts(item).forEach(function (part) { note.appendChild(part); });
        el.insertAdjacentElement('afterend', note);
      }
    });
    drawPins();
  }
  function load() {
    fetch('/api/highlights?section=' + encodeURIComponent(key), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(function (list) { items = list; draw(); })
      .catch(function () { /* the chapter reads the same without them */ });
  }

  // The toolbar follows the selection inside one paragraph.
  function hideToolbar() { toolbar.hidden = true; pending = null; }
  document.addEventListener('selectionchange', function () {
    var s = window.getSelection();
    if (!s || s.rangeCount === 0 || s.isCollapsed) { if (!toolbar.contains(document.activeElement)) hideToolbar(); return; }
    var r = s.getRangeAt(0);
    var el = paragraphElement(r.startContainer);
    if (!el || el !== paragraphElement(r.endContainer) || !article.contains(el)) { hideToolbar(); return; }
    var start = offsetIn(el, r.startContainer, r.startOffset), end = offsetIn(el, r.endContainer, r.endOffset);
    var exact = r.toString();
    if (end <= start || !exact.trim()) { hideToolbar(); return; }
    pending = { paragraph: parseInt(el.getAttribute('data-paragraph'), 10), start: start, end: end, exact: exact };
    var box = r.getBoundingClientRect();
    toolbar.hidden = false;
    toolbar.style.top = (window.scrollY + box.bottom + 8) + 'px';
    toolbar.style.left = Math.max(8, Math.min(window.scrollX + box.left, window.scrollX + document.documentElement.clientWidth - toolbar.offsetWidth - 8)) + 'px';
  });

  function create(extra) {
    if (!pending) return Promise.resolve(null);
    var body = { sectionKey: key, paragraph: pending.paragraph, start: pending.start, end: pending.end, exact: pending.exact, color: 'yellow', note: null, groupId: null };
    Object.keys(extra || {}).forEach(function (k) { body[k] = extra[k]; });
    hideToolbar();
    window.getSelection().removeAllRanges();
    // A passage already marked answers with its highlight (200), which replaces itself in the list.
    return send('POST', '/api/highlights', body).then(function (item) {
      items = items.filter(function (x) { return x.id !== item.id; }).concat([item]); draw(); say(''); return item;
    })
      .catch(function (e) { say(e.message); return null; });
  }
  var groupList = null;
  function groups() {
    if (!groupList) groupList = fetch('/api/me/groups', { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; }).catch(function () { return []; });
    return groupList;
  }
  // The assignments of this section whose group the reader leads: what a note may be pinned to.
  var pinList = null;
  function pinnable() {
    if (!pinList) pinList = fetch('/api/me/assignments?section=' + encodeURIComponent(key), { credentials: 'same-origin', headers: { 'Accept': 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : []; }).then(function (list) { return list.filter(function (a) { return a.leader; }); })
      .catch(function () { return []; });
    return pinList;
  }
  function option(select, value, label) {
    var o = document.createElement('option'); o.value = value; o.textContent = label; select.appendChild(o);
  }
  var groupSelect = sheet.querySelector('#highlight-note-group');
  var pinSelect = sheet.querySelector('#highlight-note-pin');
  var named = sheet.querySelector('#highlight-note-named');
  function syncSharing() {
    named.disabled = !groupSelect.value;
    if (!groupSelect.value) named.checked = false;
    var pin = pinSelect.selectedOptions[0];
    if (pin && pin.value && pin.getAttribute('data-group') !== groupSelect.value) pinSelect.value = '';
  }
  groupSelect.addEventListener('change', syncSharing);
  pinSelect.addEventListener('change', function () {
    var pin = pinSelect.selectedOptions[0];
    if (pin && pin.value) groupSelect.value = pin.getAttribute('data-group');
    syncSharing();
  });
  function openNote(item) {
    editing = item;
    sheet.querySelector('textarea').value = item.note || '';
    sheet.querySelector('.hl-quote').textContent = item.exact;
    Promise.all([groups(), pinnable()]).then(function (lists) {
      groupSelect.innerHTML = '';
      option(groupSelect, '', text('private'));
      lists[0].forEach(function (g) { option(groupSelect, String(g.id), g.name); });
      groupSelect.value = item.groupId ? String(item.groupId) : '';
      pinSelect.innerHTML = '';
      option(pinSelect, '', text('nopin'));
      lists[1].forEach(function (a) { option(pinSelect, String(a.id), a.title + ' · ' + a.groupName); pinSelect.lastChild.setAttribute('data-group', String(a.groupId)); });
      pinSelect.value = item.assignmentId ? String(item.assignmentId) : '';
      sheet.querySelector('.hl-pin').hidden = lists[1].length === 0;
      named.checked = !!item.named;
      syncSharing();
      sheet.hidden = false;
      sheet.querySelector('textarea').focus();
    });
  }
  function citation(exact) {
    var date = article.getAttribute('data-date');
    return exact + '\n——《' + article.getAttribute('data-document') + '》，' + article.getAttribute('data-article') + (date ? '，' + date : '');
  }

  toolbar.addEventListener('mousedown', function (e) { e.preventDefault(); });   // keep the selection while clicking
  toolbar.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button) return;
    var action = button.getAttribute('data-hl');
    if (action === 'color') create({ color: button.getAttribute('data-color') });
    else if (action === 'note') create({}).then(function (item) { if (item) openNote(item); });
    else if (action === 'copy' && pending) {
      var quote = citation(pending.exact);
      (navigator.clipboard ? navigator.clipboard.writeText(quote) : Promise.reject()).then(function () { say(text('copied')); }, function () { say(quote); });
      hideToolbar();
    } else if (action === 'share') {
      groups().then(function (list) {
        if (list.length === 0) { say(text('nogroup')); hideToolbar(); return; }
        create({ groupId: list[0].id }).then(function (item) { if (item) openNote(item); });
      });
    }
  });

  // The sheet: a note's text and its sharing; saved with PUT, or the highlight removed.
  sheet.addEventListener('click', function (e) {
    var button = e.target.closest('button');
    if (!button || !editing) return;
    var action = button.getAttribute('data-hl');
    if (action === 'save') {
      var group = groupSelect.value, pin = pinSelect.value;
      send('PUT', '/api/highlights/' + editing.id, {
        color: editing.color, note: sheet.querySelector('textarea').value, groupId: group ? parseInt(group, 10) : null,
        named: named.checked, assignmentId: pin ? parseInt(pin, 10) : null
      })
        .then(function (item) { items = items.map(function (x) { return x.id === item.id ? item : x; }); draw(); sheet.hidden = true; say(''); })
        .catch(function (err) { say(err.message); });
    } else if (action === 'remove') {
      send('DELETE', '/api/highlights/' + editing.id).then(function () {
        items = items.filter(function (x) { return x.id !== editing.id; }); draw(); sheet.hidden = true;
      }).catch(function (err) { say(err.message); });
    } else if (action === 'close') {
      sheet.hidden = true;
    }
  });
  // One's own mark opens its note; a group's mark says how many marked it (its title).
  article.addEventListener('click', function (e) {
    var mark = e.target.closest('mark.hl-mine, .hl-note');
    if (!mark) return;
    var id = parseInt(mark.getAttribute('data-id'), 10);
    var item = items.filter(function (x) { return x.id === id && x.mine; })[0];
    if (item && !(window.getSelection() && !window.getSelection().isCollapsed)) openNote(item);
  });
  document.addEventListener('keydown', function (e) {
    if (e.key === 'Escape') { hideToolbar(); sheet.hidden = true; }
  });

  load();
})();
