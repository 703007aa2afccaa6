// Progressive enhancement only: every page reads without JavaScript.
(function () {
    var root = document.documentElement;
    var MIN = 14, MAX = 28, STEP = 2, DEFAULT = 18;

    function currentSize() {
        var v = parseInt(getComputedStyle(root).getPropertyValue("--reader-font-size"), 10);
        return isNaN(v) ? DEFAULT : v;
    }
    function setSize(px) {
        px = Math.max(MIN, Math.min(MAX, px));
        root.style.setProperty("--reader-font-size", px + "px");
        try { localStorage.setItem("sp-font-size", String(px)); } catch (e) { }
    }
    function isDark() {
        var t = root.getAttribute("data-theme");
        if (t) return t === "dark";
        return window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
    }
    function setTheme(theme) {
        root.setAttribute("data-theme", theme);
        try { localStorage.setItem("sp-theme", theme); } catch (e) { }
        var toggle = document.querySelector("[data-action='theme']");
        if (toggle) toggle.setAttribute("aria-pressed", theme === "dark" ? "true" : "false");
    }

    document.querySelectorAll("[data-requires-js]").forEach(function (el) { el.hidden = false; });
    document.addEventListener("click", function (e) {
        var button = e.target.closest("[data-action]");
        if (!button) return;
        var action = button.getAttribute("data-action");
        if (action === "font-larger") setSize(currentSize() + STEP);
        else if (action === "font-smaller") setSize(currentSize() - STEP);
        else if (action === "theme") setTheme(isDark() ? "light" : "dark");
        else if (action === "print") window.print();
    });
    var themeToggle = document.querySelector("[data-action='theme']");
    if (themeToggle) themeToggle.setAttribute("aria-pressed", isDark() ? "true" : "false");

    // ← and → turn sections in the reader, unless the reader is typing or on a control (a toolbar button, a link).
    document.addEventListener("keydown", function (e) {
        if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
        var t = e.target;
        if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|SUMMARY)$/.test(t.tagName))) return;
        var rel = e.key === "ArrowLeft" ? "prev" : e.key === "ArrowRight" ? "next" : null;
        if (!rel) return;
        var link = document.querySelector("a[rel='" + rel + "'][data-turn]");
        if (link) { e.preventDefault(); window.location.href = link.href; }
    });
})();

// A select marked data-autosubmit sends its form when changed (the form still has a button without script).
(function () {
    document.querySelectorAll("select[data-autosubmit]").forEach(function (select) {
        select.addEventListener("change", function () { select.form.submit(); });
    });
})();

// Filters shown before the search results are folded on a narrow screen, so the results are what a phone shows first.
(function () {
    if (!window.matchMedia("(max-width: 55.99rem)").matches) return;
    document.querySelectorAll("details[data-fold-narrow]").forEach(function (d) { d.removeAttribute("open"); });
})();

// Pages shared by every reader (a chapter, a quotation) leave out the name, the notices count and the form token;
// /api/me gives them, once per page, to the header here and to any script that posts (StudyPortal.me()).
window.StudyPortal = window.StudyPortal || {};
(function () {
    var me = null;
    window.StudyPortal.me = function () {
        if (!me) me = fetch("/api/me", { credentials: "same-origin", headers: { "Accept": "application/json" } })
            .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); });
        return me;
    };
    var menu = document.querySelector(".user-menu[data-me='pending']");
    if (!menu || !window.fetch) return;
    window.StudyPortal.me().then(function (who) {
        var name = menu.querySelector(".user-name");
        if (name) name.textContent = who.name;
        var bell = menu.querySelector(".bell");
        if (bell) {
            bell.setAttribute("aria-label", who.bell);
            bell.setAttribute("title", who.bell);
            if (who.unread > 0) {
                var count = document.createElement("span");
                count.className = "count";
                count.textContent = String(who.unread);
                bell.appendChild(count);
            }
        }
        menu.removeAttribute("data-me");
    }).catch(function () { /* the generic labels stay; every link still works */ });
})();

// A document's contents are shared by every reader too: the signed-in reader's 已读/在读 marks are asked for here.
(function () {
    var toc = document.querySelector(".toc[data-progress]");
    if (!toc || !window.fetch) return;
    fetch(toc.getAttribute("data-progress"), { credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (r) { if (!r.ok) throw new Error("HTTP " + r.status); return r.json(); })
        .then(function (marks) {
            toc.querySelectorAll(".progress-slot[data-section-key]").forEach(function (slot) {
                var state = marks[slot.getAttribute("data-section-key")];
                if (state !== "read" && state !== "reading") return;
                var mark = document.createElement("span");
                mark.className = state;
                mark.textContent = toc.getAttribute(state === "read" ? "data-label-read" : "data-label-reading");
                slot.replaceChildren(mark);
            });
        }).catch(function () { /* the contents read the same without the marks */ });
})();
