//go:build !wasm

package pages

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
)

// workerCall is the line of go-app's app.js that registers the service
// worker as the script starts.
const workerCall = "\ngoappInitServiceWorker();\n"

// LaterWorkerJS replaces workerCall in app.js: on a first visit (no worker
// controls the page yet), the service worker is registered only once the
// page has started (the mark amz:board-complete, or 5 s after the load
// event if the client never gets there) and the reader has then been quiet
// for 2 s (no input, key, pointer press, wheel or touch). Its install
// precaches every page and app.wasm, which on a first visit competed for the
// two cores with the page's own start: the dashboard's loader went at 586
// ms with it, 493 ms without (TestFirstRender, loopback). Where a
// worker already controls the page, it is registered at once, as go-app
// does, so that a returning reader's update check is unchanged.
const LaterWorkerJS = `
amzInitServiceWorker();

// amzwidget (pages.LaterWorker): on a first visit the service worker is
// registered once the page has started and the reader has paused, not as
// this script starts, so that its precache does not compete with the start.
function amzInitServiceWorker() {
  if (!("serviceWorker" in navigator) || navigator.serviceWorker.controller) {
    goappInitServiceWorker();
    return;
  }
  const quiet = 2000;
  const events = ["input", "keydown", "pointerdown", "wheel", "touchstart"];
  const opts = { capture: true, passive: true };
  let timer = 0, armed = false, done = false;
  const register = () => {
    if (done) return;
    done = true;
    events.forEach((t) => removeEventListener(t, touch, opts));
    goappInitServiceWorker();
  };
  const touch = () => {
    if (!armed || done) return;
    clearTimeout(timer);
    timer = setTimeout(register, quiet);
  };
  const arm = () => {
    if (armed) return;
    armed = true;
    timer = setTimeout(register, quiet);
  };
  events.forEach((t) => addEventListener(t, touch, opts));
  try {
    new PerformanceObserver((list, obs) => {
      if (list.getEntriesByName("amz:board-complete").length) {
        obs.disconnect();
        arm();
      }
    }).observe({ type: "mark", buffered: true });
  } catch (err) {
    arm();
  }
  addEventListener("load", () => setTimeout(arm, 5000));
}
`

// LaterWorker serves h, with go-app's /app.js changed to register the
// service worker on a first visit once the page has started (see
// LaterWorkerJS). Every other path is h's as it is. Should go-app's app.js
// no longer hold workerCall, it is served unchanged (and
// TestLaterWorkerRewritesAppJS fails).
func LaterWorker(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/app.js" {
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := rec.Body.Bytes()
		if rec.Code == http.StatusOK {
			body = bytes.Replace(body, []byte(workerCall), []byte(LaterWorkerJS), 1)
		}
		for k, vs := range rec.Header() {
			w.Header()[k] = vs
		}
		if rec.Header().Get("Content-Length") != "" {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(rec.Code)
		w.Write(body)
	})
}
