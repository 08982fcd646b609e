// Offers a new version of the widget once its service worker has installed
// it, and switches every open page over at once when the reader accepts, so
// that no page mixes the old client with the new one. Plain script from our
// origin; does nothing where service workers are unavailable (opaque-origin
// frames, old browsers).
(function () {
  "use strict";
  var sw;
  try {
    sw = navigator.serviceWorker;
  } catch (e) {
    return;
  }
  if (!sw) return;
  var reloading = false;
  // A first visit gains its first controller: nothing to reload. A page
  // that had one switches with every other page when a new version takes
  // over, so none of them keeps running the old client.
  var hadController = !!sw.controller;
  sw.addEventListener("controllerchange", function () {
    if (reloading || !hadController) return;
    reloading = true;
    location.reload();
  });

  function offer(worker) {
    if (!sw.controller || document.getElementById("update-banner")) return;
    var bar = document.createElement("div");
    bar.id = "update-banner";
    bar.className = "update-banner";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "A new version is ready. ";
    var button = document.createElement("button");
    button.type = "button";
    button.id = "update-reload";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      worker.postMessage({ type: "amzwidget:activate" });
    });
    bar.appendChild(text);
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  function watch(reg) {
    if (reg.waiting) offer(reg.waiting);
    reg.addEventListener("updatefound", function () {
      var w = reg.installing;
      if (!w) return;
      w.addEventListener("statechange", function () {
        if (w.state === "installed") offer(w);
      });
    });
  }

  window.addEventListener("load", function () {
    sw.getRegistration().then(function (reg) {
      if (reg) watch(reg);
    }).catch(function () {});
  });
})();
