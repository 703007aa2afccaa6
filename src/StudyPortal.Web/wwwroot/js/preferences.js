// Applies the reader's saved theme and font size before the page paints (loaded in <head>, so there is no flash).
(function () {
    try {
        var root = document.documentElement;
        var theme = localStorage.getItem("sp-theme");
        if (theme === "dark" || theme === "light") root.setAttribute("data-theme", theme);
        var size = parseInt(localStorage.getItem("sp-font-size") || "", 10);
        if (size >= 14 && size <= 28) root.style.setProperty("--reader-font-size", size + "px");
    } catch (e) { /* storage may be disabled; the defaults apply */ }
})();
