// Tells a page that stayed open while a new release took over that it is
// out of date, and offers a reload. It never reloads by itself: the
// service worker takes over as soon as a release is installed, and every
// navigation after that gets the new release from the network, so the
// reader's next visit is current without a click; an open page keeps
// what the reader is doing until they choose. Plain script from our
// origin; does nothing where service workers are unavailable
// (opaque-origin frames, old browsers).
(function () {
  "use strict";
  var sw;
  try {
    sw = navigator.serviceWorker;
  } catch (e) {
    return;
  }
  if (!sw) return;
  var meta = document.querySelector('meta[name="amzwidget-version"]');
  var mine = meta ? meta.content : "";

  // workerVersion asks the controlling worker which release it runs.
  function workerVersion(worker, done) {
    var ch = new MessageChannel();
    var answered = false;
    ch.port1.onmessage = function (e) {
      answered = true;
      done(String(e.data || ""));
    };
    worker.postMessage({ type: "amzwidget:version" }, [ch.port2]);
    setTimeout(function () {
      if (!answered) done("");
    }, 3000);
  }

  function offer() {
    if (document.getElementById("update-banner")) return;
    var bar = document.createElement("div");
    bar.id = "update-banner";
    bar.className = "update-banner";
    bar.setAttribute("role", "status");
    var text = document.createElement("span");
    text.textContent = "This page has been updated since you opened it. ";
    var button = document.createElement("button");
    button.type = "button";
    button.id = "update-reload";
    button.textContent = "Reload";
    button.addEventListener("click", function () {
      location.reload();
    });
    bar.appendChild(text);
    bar.appendChild(button);
    document.body.appendChild(bar);
  }

  // A page of one release under the worker of another, once that worker
  // has taken over: offer the reload. (A page fetched from the network
  // while the old worker still ran is of the new release, and gets no
  // offer when its own release's worker takes over.)
  function check() {
    if (!sw.controller || !mine) return;
    workerVersion(sw.controller, function (v) {
      if (v && v !== mine) offer();
    });
  }
  sw.addEventListener("controllerchange", check);
})();
