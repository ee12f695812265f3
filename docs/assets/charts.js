/* Bixue charts: draws every .bx-chart with the site's own plotly.js, on the first page and after
   material's instant navigation, in the light or dark palette, and purges the charts of pages left. */
(function () {
  "use strict";

  var PLOTLY_URL = new URL("plotly.min.js", document.currentScript.src).href;
  /* Okabe–Ito first: the first six (a ranking's criteria) stay apart under protanopia,
     deuteranopia and tritanopia (tests/test_colour_vision.py). */
  var LIGHT = ["#0072b2", "#d55e00", "#009e73", "#e69f00", "#cc79a7",
               "#56b4e9", "#6d4c41", "#3949ab", "#c0ca33", "#d81b60"];
  var DARK = ["#56b4e9", "#e69f00", "#009e73", "#ff7f50", "#cc79a7",
              "#f0e442", "#bcaaa4", "#9fa8da", "#e6ee9c", "#f48fb1"];
  /* No mode bar and no zoom: on a phone a drag must scroll the page, not zoom the chart. */
  var CONFIG = { responsive: true, displayModeBar: false, scrollZoom: false, showTips: false };
  var loading = null;
  var drawn = [];

  function loadPlotly() {
    if (window.Plotly) return Promise.resolve(window.Plotly);
    if (!loading) {
      loading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = PLOTLY_URL;
        script.onload = function () { keepPlotlyStyles(); resolve(window.Plotly); };
        script.onerror = function () { loading = null; reject(new Error("无法加载 " + PLOTLY_URL)); };
        /* In body, not head: instant navigation prunes head nodes the next page does not have. */
        document.body.appendChild(script);
      });
    }
    return loading;
  }

  /* plotly.js injects its rules once, into a <style> in head, which instant navigation removes:
     keep a copy as an adopted stylesheet, which lives as long as the document. */
  function keepPlotlyStyles() {
    var source = document.getElementById("plotly.js-style-global");
    if (!source || !source.sheet || !document.adoptedStyleSheets) return;
    var text = Array.prototype.map.call(source.sheet.cssRules, function (rule) {
      return rule.cssText;
    }).join("\n");
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(text);
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  }

  /* Material's colours are CSS variables (hsla(var(--md-hue), …) in slate): let the browser
     resolve them to rgb() that plotly understands. */
  function cssColor(name, fallback) {
    var probe = document.createElement("span");
    probe.style.color = "var(" + name + ", " + fallback + ")";
    document.body.appendChild(probe);
    var color = getComputedStyle(probe).color;
    probe.remove();
    return color;
  }

  /* 长辈版 (large-text.js): chart labels grow with the page's text. */
  function textScale() {
    return document.documentElement.hasAttribute("data-bx-large") ? 1.5 : 1;
  }

  function themeTemplate() {
    var dark = document.body.getAttribute("data-md-color-scheme") === "slate";
    var size = Math.round(13 * textScale());
    var text = cssColor("--md-default-fg-color", dark ? "#e2e4e9" : "#333");
    var grid = cssColor("--md-default-fg-color--lightest", "#ddd");
    var family = getComputedStyle(document.body).getPropertyValue("--md-text-font-family").trim();
    var axis = {
      gridcolor: grid, linecolor: grid, zerolinecolor: cssColor("--md-default-fg-color--lighter", "#999"),
      automargin: true, fixedrange: true, title: { standoff: 8 },
    };
    return {
      layout: {
        font: { family: family || "sans-serif", color: text, size: size },
        paper_bgcolor: "rgba(0,0,0,0)",
        plot_bgcolor: "rgba(0,0,0,0)",
        colorway: dark ? DARK : LIGHT,
        margin: { l: 8, r: 24, t: 24, b: 8, pad: 2 },
        dragmode: false,
        hoverlabel: { font: { family: family || "sans-serif", size: size } },
        xaxis: axis,
        yaxis: axis,
        shapedefaults: { line: { color: text }, label: { font: { color: text } } },
        annotationdefaults: { font: { color: text } },
      },
    };
  }

  function themed(layout, width) {
    var copy = JSON.parse(JSON.stringify(layout || {}));
    copy.template = themeTemplate();
    scaleLabels(copy, textScale());
    if (width && width < NARROW) fitNarrow(copy);
    return copy;
  }

  /* The few labels a figure sizes itself (reference lines, notes) grow with the rest. */
  function scaleLabels(layout, scale) {
    if (scale === 1) return;
    (layout.shapes || []).forEach(function (shape) {
      var font = shape.label && shape.label.font;
      if (font && font.size) font.size = Math.round(font.size * scale);
    });
    (layout.annotations || []).forEach(function (note) {
      if (note.font && note.font.size) note.font.size = Math.round(note.font.size * scale);
    });
  }

  /* On a phone the labels of reference lines (目标, 序时进度) sat on the bars' own value labels,
     and value labels shrunk to fit a thin bar could not be read. There, the lines' labels go
     under the title, saying which line is which, and a value label under 10 px is left out:
     the table beside every chart has the values. */
  var NARROW = 560;

  function fitNarrow(layout) {
    var keys = [];
    (layout.shapes || []).forEach(function (shape) {
      if (!shape.label || !shape.label.text) return;
      var solid = !shape.line || !shape.line.dash || shape.line.dash === "solid";
      keys.push((solid ? "实线：" : "虚线：") + shape.label.text);
      delete shape.label;
    });
    if (keys.length) {
      /* The chart's title is the figure's caption (charts/embed.py): the plot has none. */
      var key = '<span style="font-size:' + Math.round(12 * textScale()) + 'px">' +
        keys.join("；") + "</span>";
      var title = layout.title && layout.title.text ? layout.title.text + "<br>" : "";
      layout.title = { text: title + key, x: 0.02, xanchor: "left" };
      layout.margin = Object.assign({}, layout.margin, { t: title ? 72 : 40 });
    }
    layout.uniformtext = { mode: "hide", minsize: 10 };
  }

  /* Larger labels need more room: 长辈版 charts are a third taller than the page made them. */
  function fitHeight(element) {
    if (element.bxHeight === undefined) element.bxHeight = element.style.height;
    var base = parseFloat(element.bxHeight);
    if (!base) return;
    element.style.height = textScale() === 1 ? element.bxHeight : Math.round(base * 1.3) + "px";
  }

  function draw(Plotly, element) {
    if (element.getAttribute("data-drawn") === "1") return null;
    fitHeight(element);
    var figure = JSON.parse(element.getAttribute("data-figure"));
    element.bxFigure = figure;
    element.setAttribute("data-drawn", "1");
    drawn.push(element);
    return Plotly.newPlot(element, figure.data, themed(figure.layout, element.clientWidth), CONFIG);
  }

  /* Charts of a page left by instant navigation: free plotly's listeners and memory. */
  function purgeLeft() {
    drawn = drawn.filter(function (element) {
      if (element.isConnected) return true;
      if (window.Plotly) window.Plotly.purge(element);
      return false;
    });
  }

  /* Charts not drawn yet, drawn one a task: the browser paints between them, so the first chart
     shows without waiting for the page's last (ten on the pairs page), those in view first. */
  var pending = [];

  function inView(element) {
    var box = element.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  }

  function drawNext(Plotly) {
    var element = pending.shift();
    while (element && !element.isConnected) element = pending.shift();
    if (!element) return;
    var done;
    try { done = Promise.resolve(draw(Plotly, element)); } catch (error) { done = Promise.reject(error); }
    done.catch(function (error) { console.warn(error); }).then(function () {
      setTimeout(function () { drawNext(Plotly); }, 0);
    });
  }

  /* Printing needs every chart now: draw those left, at once. */
  function drawAll() {
    if (!window.Plotly) return;
    while (pending.length) {
      var element = pending.shift();
      if (element.isConnected) draw(window.Plotly, element);
    }
  }

  function renderPage() {
    purgeLeft();
    var charts = Array.prototype.slice.call(document.querySelectorAll(".bx-chart[data-figure]"));
    if (!charts.length) return;
    loadPlotly().then(function (Plotly) {
      var waiting = !pending.length;
      pending = charts.filter(inView).concat(charts.filter(function (c) { return !inView(c); }));
      if (waiting) drawNext(Plotly);
    }, function (error) {
      charts.forEach(function (element) { element.classList.add("bx-chart--failed"); });
      console.warn(error.message);
    });
  }

  window.addEventListener("beforeprint", drawAll);

  function retheme() {
    if (!window.Plotly) return;
    drawn.forEach(function (element) {
      if (!element.isConnected) return;
      var figure = element.bxFigure;
      fitHeight(element);
      window.Plotly.react(element, figure.data, themed(figure.layout, element.clientWidth), CONFIG);
    });
  }

  new MutationObserver(retheme).observe(document.body, {
    attributes: true, attributeFilter: ["data-md-color-scheme"],
  });
  new MutationObserver(retheme).observe(document.documentElement, {
    attributes: true, attributeFilter: ["data-bx-large"],
  });

  /* A page opened with charts starts fetching and compiling plotly.js now, while the rest of the
     page loads, not after it (DOMContentLoaded came 0.5–1 s later at 500 units). */
  if (document.querySelector(".bx-chart[data-figure]")) loadPlotly().catch(function () {});

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(renderPage);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderPage);
  } else {
    renderPage();
  }
})();
