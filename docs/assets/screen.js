/* Bixue screen (大屏): scales the 1920×1080 canvas to the display, rotates the slides and pages
   their long lists, and reloads only when the site has been rebuilt, keeping the last board on
   screen while the server is away.
   Only the current slide's body is in the page: the others are fetched from their data-src when
   the rotation reaches them (and the next one ahead of time), kept as text for when the server
   is away, and emptied again when their slide leaves, so neither the page nor the heap grows
   with the campaign. A list longer than the slide has time for shows its first page and then
   the next pages in turn, further on each round of the rotation (top ten, then the next ten …).
   Keys, from a keyboard or a TV remote: → / ↓ / PageDown / next-track next, ← / ↑ / PageUp /
   previous-track previous, OK (Enter) / space / play-pause pause, back resumes a paused board.
   The pointer hides while the mouse is still. Charts are SVG made at build time.
   Written for the TVs offices have: Chromium / Android WebView 52 and up, ES5 only (no
   URLSearchParams, NodeList.forEach, fetch options; tests/test_old_browsers.py checks it).
   URL: ?slide=ranking (a slide name or its number), ?interval=5 (seconds for every slide),
   ?reload=60 (seconds between checks for a new build). */
(function () {
  "use strict";

  var WIDTH = 1920;
  var HEIGHT = 1080;
  var TICK_MS = 250;
  var OFFLINE_RETRY_S = 30;
  var IDLE_POINTER_MS = 3000;
  var MIN_PAGE_MS = 5000;

  var canvas = document.querySelector(".sc-canvas");
  var deck = document.querySelector(".sc-slides");
  if (!canvas || !deck) return;
  var slides = Array.prototype.slice.call(deck.querySelectorAll(".sc-slide"));
  if (!slides.length) return;

  var params = queryOf(window.location.search);
  var intervalOverride = positive(params.get("interval"));
  var reloadSeconds = positive(params.get("reload")) || positive(deck.dataset.reload) || 300;
  var ui = {
    timer: canvas.querySelector(".sc-timer__fill"),
    clock: canvas.querySelector(".sc-clock"),
    date: canvas.querySelector(".sc-date"),
    count: canvas.querySelector(".sc-status__count"),
    paused: canvas.querySelector(".sc-status__paused"),
    offline: canvas.querySelector(".sc-status__offline"),
    offlineText: canvas.querySelector(".sc-status__offline .sc-status__text"),
  };
  var state = { index: -1, elapsed: 0, duration: 1, paused: false, last: Date.now(), changes: 0 };
  var build = { known: null, offlineSince: null };
  var bodies = {};
  var cursors = {};

  // URLSearchParams arrived in Chromium 49 and is missing in some TV WebViews.
  function queryOf(search) {
    var found = {};
    search.replace(/^\?/, "").split("&").forEach(function (pair) {
      var at = pair.indexOf("=");
      if (!pair) return;
      var name = decodeParam(at < 0 ? pair : pair.slice(0, at));
      if (!(name in found)) found[name] = decodeParam(at < 0 ? "" : pair.slice(at + 1));
    });
    return {
      get: function (name) {
        return Object.prototype.hasOwnProperty.call(found, name) ? found[name] : null;
      },
    };
  }

  function decodeParam(text) {
    try {
      return decodeURIComponent(text.replace(/\+/g, " "));
    } catch (error) {
      return text;
    }
  }

  function each(list, callback) {
    Array.prototype.forEach.call(list, callback);
  }

  function positive(text) {
    var number = Number(text);
    return isFinite(number) && number > 0 ? number : 0;
  }

  function pad(number) {
    return (number < 10 ? "0" : "") + number;
  }

  /* ---- Fitting the canvas: scaled whole, centred, letterboxed in the page's own colour. ---- */

  function fit() {
    var width = document.documentElement.clientWidth || window.innerWidth;
    var height = document.documentElement.clientHeight || window.innerHeight;
    var scale = Math.min(width / WIDTH, height / HEIGHT);
    var left = (width - WIDTH * scale) / 2;
    var top = (height - HEIGHT * scale) / 2;
    canvas.style.transform =
      "translate(" + left + "px, " + top + "px) scale(" + scale + ")";
  }

  /* ---- Slides ---- */

  function secondsOf(slide) {
    return (
      intervalOverride || positive(slide.dataset.seconds) || positive(deck.dataset.interval) || 15
    );
  }

  function startIndex() {
    var wanted = params.get("slide");
    if (!wanted) return 0;
    for (var i = 0; i < slides.length; i += 1) {
      if (slides[i].dataset.slide === wanted) return i;
    }
    var number = parseInt(wanted, 10);
    return number >= 1 && number <= slides.length ? number - 1 : 0;
  }

  function show(index) {
    var count = slides.length;
    var next = ((index % count) + count) % count;
    if (state.index >= 0) leave(slides[state.index]);
    state.index = next;
    state.elapsed = 0;
    state.duration = secondsOf(slides[next]) * 1000;
    state.changes += 1;
    enter(slides[next]);
    canvas.dataset.slide = slides[next].dataset.slide;
    canvas.dataset.index = String(next);
    canvas.dataset.changes = String(state.changes);
    ui.count.textContent = next + 1 + " / " + count;
    paint();
  }

  function enter(slide) {
    slide.classList.add("is-current");
    if (slide.dataset.loaded === "true") ready(slide);
    else load(slide);
    var after = slides[(state.index + 1) % slides.length];
    if (after.dataset.src) fetchBody(after.dataset.src, ignore, ignore);
  }

  function ready(slide) {
    var index = slides.indexOf(slide);
    pagersOf(slide).forEach(function (pager) {
      pager.planned = visitPlan(pager, index + ":" + pager.dataset.pager);
      showPage(pager, pager.planned[0]);
    });
    canvas.dataset.ready = String(index);
  }

  function leave(slide) {
    slide.classList.remove("is-current");
    if (!slide.dataset.src) return;
    slide.querySelector(".sc-slide__body").textContent = "";
    slide.dataset.loaded = "false";
  }

  /* ---- Slide bodies, fetched when their turn comes ---- */

  function fetchBody(src, done, failed) {
    if (bodies[src]) return done(bodies[src]);
    request(
      src,
      false,
      function (text) {
        bodies[src] = text;
        canvas.dataset.kept = String(Object.keys(bodies).length);
        done(text);
      },
      failed
    );
  }

  function ignore() {}

  // XMLHttpRequest, not fetch: TV browsers before Chromium 64 ignore fetch's cache option, and
  // some lack fetch. `fresh` asks past every cache: a new query each time, and no-cache.
  function request(url, fresh, done, failed) {
    var xhr = new XMLHttpRequest();
    var address = fresh ? url + (url.indexOf("?") < 0 ? "?" : "&") + "t=" + Date.now() : url;
    xhr.open("GET", address);
    if (fresh) xhr.setRequestHeader("Cache-Control", "no-cache");
    xhr.timeout = 20000;
    xhr.onload = function () {
      if (xhr.status >= 200 && xhr.status < 300) done(xhr.responseText);
      else failed();
    };
    xhr.onerror = xhr.ontimeout = function () {
      failed();
    };
    xhr.send();
  }

  function load(slide) {
    var src = slide.dataset.src;
    slide.dataset.loaded = "loading";
    fetchBody(
      src,
      function (text) {
        if (slides[state.index] !== slide) return;
        place(slide, text, new URL(src, window.location.href));
        slide.dataset.loaded = "true";
        ready(slide);
      },
      function () {
        if (slides[state.index] !== slide) return;
        markOffline();
        slide.dataset.loaded = "missing";
        var note = document.createElement("p");
        note.className = "sc-empty";
        note.textContent = "服务器暂时无法访问，这张幻灯片稍后再显示。";
        slide.querySelector(".sc-slide__body").appendChild(note);
      }
    );
  }

  // Every body once, one after another, so the whole board stays on screen if the server goes.
  function prefetchAll(from) {
    for (var i = from; i < slides.length; i += 1) {
      var src = slides[i].dataset.src;
      if (src && !bodies[src]) {
        fetchBody(
          src,
          function () {
            prefetchAll(i + 1);
          },
          ignore
        );
        return;
      }
    }
  }

  // The body's addresses are relative to its own file, not to this page: make them whole.
  function place(slide, text, base) {
    var template = document.createElement("template");
    template.innerHTML = text;
    each(template.content.querySelectorAll("[src]"), function (element) {
      element.setAttribute("src", new URL(element.getAttribute("src"), base).href);
    });
    var body = slide.querySelector(".sc-slide__body");
    body.textContent = "";
    body.appendChild(document.importNode(template.content, true));
  }

  /* ---- Pages of long lists share the slide's time evenly: every page when there is time
     for each to stay MIN_PAGE_MS, else the first page and the next ones in turn. ---- */

  function visitPlan(pager, key) {
    var count = pager.querySelectorAll(".sc-page").length;
    var room = Math.max(2, Math.floor(state.duration / MIN_PAGE_MS));
    var plan = [];
    for (var i = 0; i < Math.min(count, room); i += 1) plan.push(i);
    if (count <= room) return plan;
    var next = cursors[key] || 1;
    for (var j = 1; j < room; j += 1) {
      plan[j] = next;
      next = next + 1 >= count ? 1 : next + 1;
    }
    cursors[key] = next;
    return plan;
  }

  function pagersOf(slide) {
    return Array.prototype.slice.call(slide.querySelectorAll(".sc-pages"));
  }

  function showPage(pager, number) {
    var pages = pager.querySelectorAll(".sc-page");
    for (var i = 0; i < pages.length; i += 1) {
      pages[i].classList.toggle("is-current", i === number);
    }
    var at = pager.querySelector(".sc-pages__at");
    if (at) at.textContent = String(number + 1);
    pager.dataset.page = String(number);
  }

  function turnPages(slide, done) {
    pagersOf(slide).forEach(function (pager) {
      var plan = pager.planned;
      if (!plan || !plan.length) return;
      var number = plan[Math.min(plan.length - 1, Math.floor(done * plan.length))];
      if (String(number) !== pager.dataset.page) showPage(pager, number);
    });
  }

  /* ---- Time: one steady tick moves the slide, its pages, the timer bar and the clock. ---- */

  function tick() {
    var now = Date.now();
    // A sleeping tab or a slow frame must not skip slides: count at most a second at once.
    var delta = Math.min(Math.max(now - state.last, 0), 1000);
    state.last = now;
    if (!state.paused) state.elapsed += delta;
    if (state.elapsed >= state.duration) show(state.index + 1);
    else paint();
    clock(new Date(now));
  }

  function paint() {
    var done = Math.min(state.elapsed / state.duration, 1);
    ui.timer.style.transform = "scaleX(" + (1 - done).toFixed(4) + ")";
    turnPages(slides[state.index], done);
  }

  var WEEKDAYS = "日一二三四五六";

  function clock(now) {
    var time = pad(now.getHours()) + ":" + pad(now.getMinutes()) + ":" + pad(now.getSeconds());
    if (ui.clock.textContent !== time) ui.clock.textContent = time;
    var day =
      now.getFullYear() + "年" + (now.getMonth() + 1) + "月" + now.getDate() + "日 星期" +
      WEEKDAYS.charAt(now.getDay());
    if (ui.date.textContent !== day) ui.date.textContent = day;
  }

  function togglePause() {
    state.paused = !state.paused;
    ui.paused.hidden = !state.paused;
    canvas.dataset.paused = state.paused ? "true" : "false";
  }

  function onKey(event) {
    var action = actionOf(event);
    if (!action || event.altKey || event.ctrlKey || event.metaKey) return;
    // OK on a focused link follows it; back on a running board is the TV's own (leave the page).
    if (action === "pause" && event.target && event.target.tagName === "A") return;
    if (action === "back" && !state.paused) return;
    if (action === "next") show(state.index + 1);
    else if (action === "previous") show(state.index - 1);
    else togglePause();
    event.preventDefault();
  }

  var KEYS = {
    next: ["ArrowRight", "Right", "ArrowDown", "Down", "PageDown", "MediaTrackNext",
      "MediaFastForward", "ChannelDown"],
    previous: ["ArrowLeft", "Left", "ArrowUp", "Up", "PageUp", "MediaTrackPrevious",
      "MediaRewind", "ChannelUp"],
    pause: [" ", "Spacebar", "Enter", "MediaPlayPause", "MediaPlay", "MediaPause"],
    back: ["Escape", "Esc", "Backspace", "GoBack", "BrowserBack"],
  };
  /* Remotes often send only keyCode (or "Unidentified" as key): 461 is webOS's back, 10009
     Tizen's, 4 an Android box's; 415/19 play and pause, 417/412 fast-forward and rewind. */
  var CODES = {
    next: [39, 40, 34, 176, 417, 428],
    previous: [37, 38, 33, 177, 412, 427],
    pause: [32, 13, 179, 415, 19, 10252],
    back: [27, 8, 461, 10009, 4, 166],
  };

  function actionOf(event) {
    for (var action in KEYS) {
      if (event.key && KEYS[action].indexOf(event.key) >= 0) return action;
    }
    var code = event.keyCode || event.which;
    for (var name in CODES) {
      if (CODES[name].indexOf(code) >= 0) return name;
    }
    return "";
  }

  /* ---- The pointer: hidden unless the mouse moved in the last few seconds ---- */

  var pointerTimer = 0;

  function onPointer() {
    document.body.classList.remove("sc-idle");
    window.clearTimeout(pointerTimer);
    pointerTimer = window.setTimeout(function () {
      document.body.classList.add("sc-idle");
    }, IDLE_POINTER_MS);
  }

  /* ---- New builds and a missing server ---- */

  function checkBuild() {
    request(
      canvas.dataset.stamp,
      true,
      function (text) {
        var stamp;
        try {
          stamp = JSON.parse(text);
        } catch (error) {
          markOffline();
          return scheduleCheck();
        }
        markOnline();
        if (build.known === null) build.known = stamp.build;
        else if (stamp.build !== build.known) reloadWhenServed();
        scheduleCheck();
      },
      function () {
        markOffline();
        scheduleCheck();
      }
    );
  }

  function scheduleCheck() {
    var seconds = build.offlineSince ? Math.min(reloadSeconds, OFFLINE_RETRY_S) : reloadSeconds;
    window.setTimeout(checkBuild, seconds * 1000);
  }

  // Reload only once the new page itself is served: never trade the board for an error page.
  function reloadWhenServed() {
    request(
      window.location.href.split("#")[0],
      true,
      function () {
        window.location.reload();
      },
      markOffline
    );
  }

  function markOffline() {
    if (build.offlineSince) return;
    build.offlineSince = new Date();
    var since = build.offlineSince;
    ui.offlineText.textContent =
      "离线，自 " + pad(since.getHours()) + ":" + pad(since.getMinutes()) + " 起显示最近一次数据";
    ui.offline.hidden = false;
    canvas.dataset.offline = "true";
  }

  function markOnline() {
    build.offlineSince = null;
    ui.offline.hidden = true;
    canvas.dataset.offline = "false";
  }

  /* ---- Start ---- */

  fit();
  window.addEventListener("resize", fit);
  document.addEventListener("keydown", onKey);
  document.addEventListener("mousemove", onPointer);
  onPointer();
  deck.classList.add("sc-live");
  canvas.dataset.paused = "false";
  show(startIndex());
  clock(new Date());
  window.setInterval(tick, TICK_MS);
  checkBuild();
  prefetchAll(0);
})();
