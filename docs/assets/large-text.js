/* Bixue 长辈版 (large text, after China's 适老化 guidance): the button in the bar at the top of
   every page switches the whole board to large type (body 24 px, tables, tiles and chart labels
   with it; large-text.css) and back. The choice is kept in localStorage, for the next page and
   the next visit; the head of every page applies it before the first paint (overrides/main.html),
   so a page never flashes small first. The button says its state (aria-pressed), and a polite
   live message says what changed. Material's instant navigation keeps <html> and its attribute;
   the button of each new page is brought in line on document$. */
(function () {
  "use strict";

  var KEY = "bixue.large";
  var ATTRIBUTE = "data-bx-large";
  var root = document.documentElement;

  function stored() {
    try {
      return window.localStorage.getItem(KEY) === "1";
    } catch (error) {
      return root.hasAttribute(ATTRIBUTE);
    }
  }

  function store(on) {
    try {
      if (on) window.localStorage.setItem(KEY, "1");
      else window.localStorage.removeItem(KEY);
    } catch (error) {
      /* Storage refused (private mode): the choice holds for this page only. */
    }
  }

  function apply(on) {
    if (on) root.setAttribute(ATTRIBUTE, "");
    else root.removeAttribute(ATTRIBUTE);
    var buttons = document.querySelectorAll("[data-bx-large-toggle]");
    for (var i = 0; i < buttons.length; i += 1) {
      buttons[i].setAttribute("aria-pressed", on ? "true" : "false");
    }
  }

  /* Emptied first: the same words twice in a row are announced again. */
  function announce(on) {
    var status = document.querySelector(".bx-large__status");
    if (!status) return;
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = on ? "已切换到长辈版：大字显示，再按一次恢复标准字号" : "已恢复标准字号";
    }, 50);
  }

  function onClick(event) {
    var target = event.target;
    var button = target && target.closest ? target.closest("[data-bx-large-toggle]") : null;
    if (!button) return;
    var on = !root.hasAttribute(ATTRIBUTE);
    store(on);
    apply(on);
    announce(on);
  }

  document.addEventListener("click", onClick);
  /* Switched in another tab of the board: follow it. */
  window.addEventListener("storage", function (event) {
    if (event.key === KEY) apply(event.newValue === "1");
  });
  apply(stored());
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () {
      apply(root.hasAttribute(ATTRIBUTE));
    });
  }
})();
