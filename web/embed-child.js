// The widget's side of embedding: tells the host page how tall the widget
// is, from first paint and on every change of its height, in the dialect of
// every common parent: Pym.js, Datawrapper, AMP, Embedly/Medium and
// WordPress. Plain script, no dependencies, served from our origin (CSP
// 'self'); it runs before the WebAssembly arrives.
(function () {
  "use strict";
  var parentWin;
  try {
    if (window.parent === window) return; // not framed
    parentWin = window.parent;
  } catch (e) {
    return;
  }
  // For the print styles: a frame prints as one block at its screen height.
  document.documentElement.classList.add("framed");
  var query = new URLSearchParams(location.search);
  var childId = query.get("childId");
  var secret = null;
  var m = /[#&?]secret=([A-Za-z0-9]{1,64})/.exec(location.hash);
  if (m) secret = m[1];
  var last = -1;

  function post(msg) {
    try { parentWin.postMessage(msg, "*"); } catch (e) { /* a gone parent */ }
  }

  // The document's height: the root element's box, rounded up (never
  // viewport units, so the frame's own height cannot feed back into it).
  function height() {
    var r = document.documentElement.getBoundingClientRect();
    return Math.ceil(r.height);
  }

  function send(force) {
    var h = height();
    if (h <= 0 || (!force && h === last)) return;
    last = h;
    if (childId) post("pymxPYMx" + childId + "xPYMxheightxPYMx" + h);
    var dw = {};
    dw[childId || "amzwidget"] = h;
    post({ "datawrapper-height": dw });
    post({ sentinel: "amp", type: "embed-size", height: h });
    post(JSON.stringify({ src: location.href, context: "iframe.resize", height: h }));
    if (secret) post({ message: "height", value: h, secret: secret });
  }

  window.addEventListener("message", function (e) {
    if (e.source !== parentWin) return;
    var d = e.data;
    if (typeof d === "string" && childId && d.indexOf("pymxPYMx" + childId + "xPYMxwidthxPYMx") === 0) {
      // Pym's parent resized: the layout reflows; report the new height.
      requestAnimationFrame(function () { send(true); });
    } else if (d && typeof d === "object" && d.message === "ready" && secret && d.secret === secret) {
      send(true);
    }
  });
  if (typeof ResizeObserver === "function") {
    new ResizeObserver(function () { send(false); }).observe(document.documentElement);
  }
  window.addEventListener("load", function () { send(true); });
  if (document.readyState !== "loading") send(true);
  else document.addEventListener("DOMContentLoaded", function () { send(true); });
})();
