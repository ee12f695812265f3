/* Table scrollers for the keyboard: a table box that scrolls sideways (on a phone) becomes a
   focusable, named region, so arrow keys scroll it; one that fits is left out of the tab order.
   Runs on material's document$ (instant navigation) and again when the window is resized. */
(function () {
  "use strict";
  var SELECTOR = ".bx-table-wrap, .bx-table-scroll";
  var timer = null;

  /* The table's caption, else the heading of its section, else the nearest heading before it. */
  function nameOf(box) {
    var caption = box.querySelector("caption");
    if (caption) return caption.textContent.trim();
    var section = box.closest("section, figure");
    var title = section && section.querySelector(".bx-figure__title, figcaption, h2, h3");
    if (title) return title.textContent.trim();
    for (var node = box.previousElementSibling; node; node = node.previousElementSibling) {
      if (/^H[2-4]$/.test(node.tagName)) return node.textContent.trim();
    }
    return document.title;
  }

  function mark(box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.setAttribute("tabindex", "0");
      box.setAttribute("role", "region");
      box.setAttribute("aria-label", nameOf(box) + "（表格，可左右滚动）");
    } else if (box.getAttribute("tabindex") === "0") {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  }

  function markAll() {
    document.querySelectorAll(SELECTOR).forEach(mark);
  }

  /* A closed <details> has no width: measure its table again when it is opened. */
  document.addEventListener("toggle", function (event) {
    if (event.target.open) event.target.querySelectorAll(SELECTOR).forEach(mark);
  }, true);
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(markAll, 150);
  });

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(markAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", markAll);
  } else {
    markAll();
  }
})();
