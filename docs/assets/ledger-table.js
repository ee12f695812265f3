/* Bixue: the whole ledger as a table in the browser. The page holds the first rows; every row
   comes from rectification/ledger.json (its Markdown already rendered and sanitised at build).
   Filters, search, sort and page live in the URL (?unit=…&status=…&q=…&page=2), so a link can be
   shared. Rows are drawn like hooks/bixue/templates/ledger_items.html draws them. */
(function () {
  "use strict";
  var STATUS = {
    todo: ["○", "未启动"], doing: ["◐", "整改中"], done: ["●", "已完成"],
    verified: ["✔", "已销号"], ongoing: ["∞", "长期坚持"]
  };
  var FIELDS = ["unit", "status", "source", "category", "overdue", "soon", "q", "sort"];
  var cache = {};

  function esc(text) {
    return String(text == null ? "" : text).replace(/[&<>"']/g, function (c) {
      return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
    });
  }

  function status(code) {
    var s = STATUS[code];
    return '<span class="bx-status bx-status--' + code + '"><span aria-hidden="true">' + s[0] +
      "</span> " + s[1] + "</span>";
  }

  function flag(row) {
    if (row.od != null) return '<span class="bx-flag bx-flag--overdue">⚠ 逾期 ' + row.od + " 天</span>";
    if (row.dl != null) {
      return '<span class="bx-flag bx-flag--due-soon">◷ ' +
        (row.dl === 0 ? "今天到期" : "剩 " + row.dl + " 天") + "</span>";
    }
    return "";
  }

  function date(label, value, fallback) {
    return '<span class="bx-ledger-date"><span class="bx-ledger-sub">' + label + "</span> " +
      (value ? "<time>" + value + "</time>" : fallback) + "</span>";
  }

  function updates(row) {
    var list = row.up || [];
    if (!list.length) return "";
    var item = function (u) { return "<li><time>" + u[0] + "</time>" + u[1] + "</li>"; };
    var html = '<ol class="bx-ledger-updates">' + item(list[0]) + "</ol>";
    if (list.length > 1) {
      html += '<details class="bx-ledger-older"><summary><span>更早的 ' + (list.length - 1) +
        ' 条进展</span></summary><ol class="bx-ledger-updates">' + list.slice(1).map(item).join("") +
        "</ol></details>";
    }
    return html;
  }

  function photos(row, base) {
    if (!row.ph) return "";
    return '<div class="bx-ledger-photos">' + row.ph.filter(Boolean).map(function (p) {
      return '<figure class="bx-ledger-photo"><a href="' + esc(base + p[1]) + '" title="查看原图"><img src="' +
        esc(base + p[0]) + '" width="' + p[2] + '" height="' + p[3] + '" loading="lazy" alt="' +
        esc(row.id + " " + p[4]) + '"></a><figcaption>' + p[4] + "</figcaption></figure>";
    }).join("") + "</div>";
  }

  function rowHtml(row, data, table) {
    var unit = data.units[row.u];
    var cls = row.od != null ? "bx-row--overdue" : row.dl != null ? "bx-row--due-soon" : "";
    var progress = updates(row) + photos(row, table.siteBase);
    return '<tr id="item-' + esc(row.id) + '" class="' + cls + '" data-item="' + esc(row.id) +
      '" data-status="' + row.st + '">' +
      '<th scope="row" class="bx-ledger-id-cell"' + (row.src ? ' title="来源：' + esc(row.src) +
        '" data-source="' + esc(row.src) + '"' : "") + ">" + esc(row.id) + "</th>" +
      '<td><span data-field="unit"><a class="bx-unit" href="' + esc(table.unitsUrl + unit[0] + "/") +
      '">' + esc(unit[1]) + '</a></span><br><span class="bx-ledger-sub" data-field="owner">' +
      esc(row.o || "—") + "</span></td>" +
      '<td><span data-field="category">' + esc(row.c || "—") +
      '</span><br><span class="bx-ledger-sub" data-field="source">' + esc(row.s || "—") + "</span></td>" +
      '<td class="bx-text bx-ledger-text" data-field="problem">' + row.p + "</td>" +
      '<td class="bx-text bx-ledger-text" data-field="measures">' + (row.m || "—") + "</td>" +
      '<td class="bx-ledger-dates">' + date("发现", row.f, "—") + date("时限", row.d, "长期") +
      (row.x ? date("完成", row.x, "") : "") +
      (row.late ? '<span class="bx-flag bx-flag--late" data-late>逾期完成</span>' : "") + "</td>" +
      '<td class="bx-ledger-status-cell" data-field="status">' + status(row.st) +
      (flag(row) ? "<br>" + flag(row) : "") + "</td>" +
      '<td class="bx-ledger-progress" data-field="updates">' + (progress || "—") + "</td></tr>";
  }

  function plain(html) {
    return html ? html.replace(/<[^>]*>/g, "") : "";
  }

  function matches(row, state, data) {
    if (state.unit && data.units[row.u][0] !== state.unit) return false;
    if (state.status && row.st !== state.status) return false;
    if (state.source && row.s !== state.source) return false;
    if (state.category && row.c !== state.category) return false;
    if (state.overdue && row.od == null) return false;
    if (state.soon && row.dl == null) return false;
    if (!state.q) return true;
    if (!row._text) {
      row._text = [row.id, data.units[row.u][1], row.o, row.c, row.s, plain(row.p), plain(row.m)]
        .concat((row.up || []).map(function (u) { return plain(u[1]); })).join(" ").toLowerCase();
    }
    return state.q.toLowerCase().split(/\s+/).filter(Boolean).every(function (word) {
      return row._text.indexOf(word) >= 0;
    });
  }

  var SORTS = {
    deadline: function (a, b) { return (a.row.d || "9999").localeCompare(b.row.d || "9999") || a.i - b.i; },
    found: function (a, b) { return (b.row.f || "").localeCompare(a.row.f || "") || a.i - b.i; },
    overdue: function (a, b) { return (b.row.od || -1) - (a.row.od || -1) || a.i - b.i; },
    unit: function (a, b) { return a.row.u - b.row.u || a.i - b.i; }
  };

  function readState(form) {
    var params = new URLSearchParams(location.search);
    var state = {page: Math.max(1, parseInt(params.get("page"), 10) || 1)};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;  // no sources or no categories in this ledger
      var value = params.get(name) || "";
      if (field.type === "checkbox") {
        field.checked = value === "1";
      } else {
        field.value = value;
        if (field.value !== value) field.value = "";  // a value no option has: ignore it
      }
    });
    return state;
  }

  function formState(form, page) {
    var state = {page: page};
    FIELDS.forEach(function (name) {
      var field = form.elements[name];
      if (!field) return;  // no sources or no categories in this ledger
      state[name] = field.type === "checkbox" ? (field.checked ? "1" : "") : field.value.trim();
    });
    return state;
  }

  function writeUrl(state) {
    var params = new URLSearchParams(location.search);
    FIELDS.concat(["page"]).forEach(function (name) {
      var value = name === "page" ? (state.page > 1 ? String(state.page) : "") : state[name];
      if (value) params.set(name, value); else params.delete(name);
    });
    var query = params.toString();
    history.replaceState(history.state, "", location.pathname + (query ? "?" + query : "") + location.hash);
  }

  // Phones read the ledger as records (ledger.css, same breakpoint): what is still open comes
  // first, soonest deadline first, and 已销号 items are folded behind a button, unless the reader
  // chose a sort or asked for 已销号 items. Desktop keeps the chosen order (编号 by default).
  var PHONE = "(max-width: 44.9375em)";
  var OPENNESS = {todo: 0, doing: 0, ongoing: 0, done: 1, verified: 2};

  function openFirst(a, b) {
    return OPENNESS[a.row.st] - OPENNESS[b.row.st] || SORTS.deadline(a, b);
  }

  function ordered(table, data, state) {
    var chosen = [];
    data.rows.forEach(function (row, i) { if (matches(row, state, data)) chosen.push({row: row, i: i}); });
    var phone = window.matchMedia(PHONE).matches;
    if (SORTS[state.sort]) chosen.sort(SORTS[state.sort]);
    else if (phone) chosen.sort(openFirst);
    var verified = chosen.filter(function (c) { return c.row.st === "verified"; }).length;
    var foldable = phone && state.status !== "verified" && verified > 0;
    if (foldable && !table.unfolded) {
      chosen = chosen.filter(function (c) { return c.row.st !== "verified"; });
    }
    return {rows: chosen, verified: foldable ? verified : 0};
  }

  function drawFold(table, verified) {
    table.fold.hidden = !verified;
    table.fold.setAttribute("aria-expanded", table.unfolded ? "true" : "false");
    table.fold.textContent = (table.unfolded ? "收起已销号 " : "显示已销号 ") + verified + " 项";
  }

  function draw(table, data, state) {
    var found = ordered(table, data, state);
    var chosen = found.rows;
    var pages = Math.max(1, Math.ceil(chosen.length / table.size));
    state.page = Math.min(state.page, pages);
    var start = (state.page - 1) * table.size;
    var shown = chosen.slice(start, start + table.size);
    table.body.innerHTML = shown.map(function (c) { return rowHtml(c.row, data, table); }).join("");
    table.status.textContent = chosen.length
      ? "符合条件 " + chosen.length + " 项，显示第 " + (start + 1) + "–" + (start + shown.length) + " 项"
      : "没有符合条件的事项";
    drawFold(table, found.verified);
    table.pageLabel.textContent = "第 " + state.page + " / " + pages + " 页";
    table.prev.disabled = state.page <= 1;
    table.next.disabled = state.page >= pages;
    writeUrl(state);
  }

  function setUp(section) {
    var form = section.querySelector(".bx-lt-controls");
    var pager = section.querySelector(".bx-lt-pager");
    var src = section.getAttribute("data-bx-ledger-table");
    var table = {
      body: section.querySelector("#bx-ledger-table tbody"),
      status: section.querySelector(".bx-lt-status"),
      pageLabel: pager.querySelector(".bx-lt-page"),
      prev: pager.querySelector('[data-page="prev"]'),
      next: pager.querySelector('[data-page="next"]'),
      fold: section.querySelector(".bx-lt-fold"),
      unfolded: false,
      size: parseInt(section.getAttribute("data-page-size"), 10) || 50,
      unitsUrl: section.getAttribute("data-units-url"),
      siteBase: section.getAttribute("data-units-url").replace(/units\/$/, "")
    };
    var url = new URL(src, location.href).href;
    cache[url] = cache[url] || fetch(url).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
    cache[url].then(function (data) {
      var state = readState(form);
      form.hidden = pager.hidden = table.status.hidden = false;
      section.querySelectorAll(".bx-lt-static").forEach(function (el) { el.hidden = true; });
      var redraw = function (page) { state = formState(form, page); draw(table, data, state); };
      form.addEventListener("input", function () { redraw(1); });
      form.addEventListener("change", function () { redraw(1); });
      form.addEventListener("submit", function (event) { event.preventDefault(); redraw(1); });
      form.addEventListener("reset", function () { setTimeout(function () { redraw(1); }, 0); });
      table.prev.addEventListener("click", function () { redraw(state.page - 1); });
      table.next.addEventListener("click", function () { redraw(state.page + 1); });
      table.fold.addEventListener("click", function () {
        table.unfolded = !table.unfolded;
        redraw(state.page);
      });
      var phone = window.matchMedia(PHONE);
      var relayout = function () { redraw(1); };
      if (phone.addEventListener) phone.addEventListener("change", relayout);
      else if (phone.addListener) phone.addListener(relayout);  // older Safari and Chromium
      state = Object.assign(formState(form, state.page), {page: state.page});
      var jump = function () {
        var id = decodeURIComponent(location.hash.replace(/^#item-/, ""));
        if (id === location.hash || table.body.querySelector('[data-item="' + CSS.escape(id) + '"]')) return;
        FIELDS.forEach(function (name) {  // not form.reset(): its handler would draw page 1
          var field = form.elements[name];
          if (!field) return;
          if (field.type === "checkbox") field.checked = false; else field.value = "";
        });
        state = formState(form, 1);
        var row = data.rows.find(function (r) { return r.id === id; });
        if (row && row.st === "verified") table.unfolded = true;
        var index = ordered(table, data, state).rows.findIndex(function (c) { return c.row.id === id; });
        state.page = index < 0 ? 1 : Math.floor(index / table.size) + 1;
        draw(table, data, state);
        var target = document.getElementById("item-" + id);
        if (target) target.scrollIntoView();
      };
      window.addEventListener("hashchange", jump);
      draw(table, data, state);
      if (location.hash.indexOf("#item-") === 0) jump();
      section.setAttribute("data-bx-ready", "");
    }).catch(function (error) {
      if (window.console) console.warn("ledger table:", error);
      table.status.hidden = false;
      table.status.textContent = "完整台账未能载入，表中为前 " + table.body.rows.length + " 项；可下载完整台账。";
    });
  }

  function start() {
    document.querySelectorAll("[data-bx-ledger-table]").forEach(setUp);
  }

  if (window.document$) window.document$.subscribe(start);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
