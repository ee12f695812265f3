/* 复制链接 on a case page: the page's address to the clipboard, with no network at all. The
   button is hidden until this runs (without script it would do nothing). Delegated from the
   document: material's instant navigation swaps pages without running this file again. */
(function () {
  "use strict";

  function show() {
    document.querySelectorAll("[data-bx-share][hidden]").forEach(function (box) {
      box.hidden = false;
    });
  }

  function said(button, text) {
    var status = button.parentNode.querySelector(".bx-copy-link__status");
    if (status) status.textContent = text;
  }

  function byHand(address) {
    var field = document.createElement("textarea");
    field.value = address;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (e) { done = false; }
    document.body.removeChild(field);
    return done;
  }

  function copy(button) {
    var address = button.getAttribute("data-bx-copy") || location.href.split("#")[0];
    var fallback = function () {
      said(button, byHand(address) ? "已复制：" + address : "请长按复制：" + address);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(address).then(function () {
        said(button, "已复制：" + address);
      }, fallback);
    } else {
      fallback();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-bx-copy]");
    if (button) copy(button);
  });
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(show);
  } else {
    document.addEventListener("DOMContentLoaded", show);
  }
})();
