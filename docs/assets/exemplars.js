/* Filtering of the exemplar index (先进典型) by category, unit and tag, in the browser only.
   Runs on material's document$ so it works after instant navigation too; the choices live in
   the query string (?category=&unit=&tag=), so a filtered list can be shared as a link. */
(function () {
  "use strict";
  var FIELDS = ["category", "unit", "tag"];

  function matches(card, chosen) {
    if (chosen.category && card.dataset.category !== chosen.category) return false;
    if (chosen.unit && card.dataset.unit !== chosen.unit) return false;
    if (chosen.tag && JSON.parse(card.dataset.tags || "[]").indexOf(chosen.tag) < 0) return false;
    return true;
  }

  /* A long index is paged (paged.js): the page holds the newest cards, the JSON every card.
     Then paged.js draws the matching cards of the whole list and tells how many there are. */
  function apply(root, form) {
    var chosen = {};
    FIELDS.forEach(function (name) { chosen[name] = form.elements[name].value; });
    var cards = root.querySelectorAll(".bx-case-card");
    var shown = 0;
    cards.forEach(function (card) {
      var show = matches(card, chosen);
      card.hidden = !show;
      if (show) shown += 1;
    });
    var paged = root.querySelector("[data-bx-paged]");
    if (paged) {
      var any = FIELDS.some(function (name) { return chosen[name]; });
      var total = parseInt(paged.getAttribute("data-total"), 10);
      paged.bxMatch = any ? function (card) { return matches(card, chosen); } : null;
      if (!any) count(root, form, total, total);
      paged.dispatchEvent(new CustomEvent("bx:filter"));
    } else {
      count(root, form, shown, cards.length);
    }
    remember(chosen);
  }

  function count(root, form, shown, total) {
    form.querySelector(".bx-case-count").textContent =
      shown === total ? "共 " + total + " 个" : "显示 " + shown + " / " + total + " 个";
    root.querySelector(".bx-case-empty").hidden = shown > 0;
  }

  function remember(chosen) {
    var params = new URLSearchParams(location.search);
    FIELDS.forEach(function (name) {
      if (chosen[name]) params.set(name, chosen[name]); else params.delete(name);
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  function choose(form, params) {
    FIELDS.forEach(function (name) {
      var select = form.elements[name];
      var wanted = params.get(name) || "";
      var known = Array.prototype.some.call(select.options, function (o) { return o.value === wanted; });
      select.value = known ? wanted : "";
    });
  }

  function setUp(root) {
    var form = root.querySelector(".bx-case-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    choose(form, new URLSearchParams(location.search));
    form.addEventListener("change", function () { apply(root, form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(root, form); }); });
    root.querySelector(".bx-case-clear").addEventListener("click", function () { form.reset(); });
    root.addEventListener("bx:paged", function (event) {
      count(root, form, event.detail.shown, event.detail.total);
    });
    apply(root, form);
  }

  function setUpAll() {
    document.querySelectorAll("[data-bx-cases]").forEach(setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
