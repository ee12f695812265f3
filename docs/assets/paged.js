/* Bixue: long tables and lists that grow with the units (hooks/bixue/pages/paged.py). The page
   holds the first rows; the JSON beside it holds every row's HTML, built by the same templates.
   It is fetched when the reader first asks for another page or types a filter. */
(function () {
  "use strict";
  var cache = {};

  function load(url) {
    cache[url] = cache[url] || fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
    return cache[url];
  }

  function controls(box, noun, total) {
    var bar = document.createElement("div");
    bar.className = "bx-paged-bar";
    bar.innerHTML = '<label>筛选 <input type="search" placeholder="输入单位名称等"></label>' +
      '<button type="button" data-page="prev" disabled>上一页</button>' +
      '<span class="bx-paged-page" role="status" aria-live="polite"></span>' +
      '<button type="button" data-page="next">下一页</button>';
    bar.querySelector(".bx-paged-page").textContent = "第 1 / " + Math.ceil(total / box.size) + " 页";
    box.el.appendChild(bar);
    return bar;
  }

  /* Row i as an element, made once: another script's filter (el.bxMatch) reads its attributes. */
  function node(data, i) {
    data.nodes = data.nodes || [];
    if (!data.nodes[i]) {
      var made = document.createElement("template");
      made.innerHTML = data.rows[i];
      data.nodes[i] = made.content.firstElementChild;
    }
    return data.nodes[i];
  }

  function draw(box, data, bar) {
    var words = box.filter.toLowerCase().split(/\s+/).filter(Boolean);
    var match = box.el.bxMatch;
    var chosen = [];
    data.rows.forEach(function (row, i) {
      var text = data.text[i].toLowerCase();
      if (!words.every(function (w) { return text.indexOf(w) >= 0; })) return;
      if (!match || match(node(data, i))) chosen.push(row);
    });
    var pages = Math.max(1, Math.ceil(chosen.length / box.size));
    box.page = Math.min(Math.max(1, box.page), pages);
    var start = (box.page - 1) * box.size;
    box.body.innerHTML = chosen.slice(start, start + box.size).join("");
    bar.querySelector(".bx-paged-page").textContent = chosen.length
      ? "第 " + box.page + " / " + pages + " 页，共 " + chosen.length + " " + box.noun
      : "没有符合条件的" + box.noun;
    bar.querySelector('[data-page="prev"]').disabled = box.page <= 1;
    bar.querySelector('[data-page="next"]').disabled = box.page >= pages;
    box.drawn = true;
    box.el.dispatchEvent(new CustomEvent("bx:paged", {
      bubbles: true, detail: {shown: chosen.length, total: data.rows.length}
    }));
  }

  function setUp(el) {
    if (el.hasAttribute("data-bx-ready")) return;
    var box = {
      el: el,
      body: el.querySelector("[data-bx-paged-body]") || el.querySelector("tbody"),
      size: parseInt(el.getAttribute("data-page-size"), 10) || 50,
      noun: el.getAttribute("data-noun") || "行",
      page: 1,
      filter: ""
    };
    var total = parseInt(el.getAttribute("data-total"), 10) || 0;
    var bar = controls(box, box.noun, total);
    var url = new URL(el.getAttribute("data-bx-paged"), location.href).href;
    var go = function (change) {
      load(url).then(function (data) {
        box.page += change;
        draw(box, data, bar);
      }, function () {
        bar.querySelector(".bx-paged-page").textContent = "完整数据未能载入";
      });
    };
    bar.querySelector('[data-page="prev"]').addEventListener("click", function () { go(-1); });
    bar.querySelector('[data-page="next"]').addEventListener("click", function () { go(1); });
    bar.querySelector("input").addEventListener("input", function (event) {
      box.filter = event.target.value.trim();
      box.page = 1;
      go(0);
    });
    /* Another script filters the rows too (exemplars.js: category, unit, tag): it sets
       el.bxMatch, a test of a row's element, and sends bx:filter, before or after this ran. */
    el.addEventListener("bx:filter", function () {
      if (!el.bxMatch && !box.drawn) return;
      box.page = 1;
      go(0);
    });
    el.querySelectorAll(".bx-paged-static").forEach(function (s) { s.hidden = true; });
    el.setAttribute("data-bx-ready", "");
    if (el.bxMatch) go(0);
  }

  function start() {
    document.querySelectorAll("[data-bx-paged]").forEach(setUp);
  }

  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
