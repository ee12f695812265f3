/* Filtering of the activity log and the honours (学习交流, 荣誉成果) by unit, kind and level, in
   the browser only. Each box [data-bx-filter] holds a form whose selects name the data-
   attributes of its rows [data-bx-item]; `unit` matches any of the row's data-units. Runs on
   material's document$ so it works after instant navigation too. */
(function () {
  "use strict";

  function matches(row, chosen) {
    return Object.keys(chosen).every(function (name) {
      var wanted = chosen[name];
      if (!wanted) return true;
      if (name === "unit") return (row.getAttribute("data-units") || "").split(" ").indexOf(wanted) >= 0;
      return row.getAttribute("data-" + name) === wanted;
    });
  }

  function apply(root, form) {
    var chosen = {};
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      chosen[select.name] = select.value;
    });
    var rows = root.querySelectorAll("[data-bx-item]");
    var shown = 0;
    Array.prototype.forEach.call(rows, function (row) {
      var show = matches(row, chosen);
      row.hidden = !show;
      if (show) shown += 1;
    });
    var word = root.getAttribute("data-word") || "";
    form.querySelector(".bx-log-count").textContent =
      shown === rows.length ? "共 " + rows.length + " " + word : "显示 " + shown + " / " + rows.length + " " + word;
    root.querySelector(".bx-log-empty").hidden = shown > 0;
  }

  function setUp(root) {
    var form = root.querySelector(".bx-log-filter");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "1";
    form.hidden = false;
    form.addEventListener("change", function () { apply(root, form); });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () { setTimeout(function () { apply(root, form); }); });
  }

  function setUpAll() {
    document.querySelectorAll("[data-bx-filter]").forEach(setUp);
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setUpAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUpAll);
  } else {
    setUpAll();
  }
})();
