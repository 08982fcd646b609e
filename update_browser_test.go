package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/page"
)

// weakETags stands for a proxy that compresses (nginx with gzip on): it
// turns every strong ETag into a weak one.
func weakETags(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(&weakeningWriter{ResponseWriter: w}, r)
	})
}

type weakeningWriter struct {
	http.ResponseWriter
	done bool
}

func (w *weakeningWriter) weaken() {
	if w.done {
		return
	}
	w.done = true
	if e := w.Header().Get("ETag"); e != "" && !strings.HasPrefix(e, "W/") {
		w.Header().Set("ETag", "W/"+e)
	}
}

func (w *weakeningWriter) WriteHeader(code int) { w.weaken(); w.ResponseWriter.WriteHeader(code) }

func (w *weakeningWriter) Write(b []byte) (int, error) { w.weaken(); return w.ResponseWriter.Write(b) }

// firstPaint is the page as parsed, before any script of ours or go-app's
// has run (the document's readyState turns "interactive" before deferred
// scripts run): what the reader sees first.
type firstPaint struct {
	Diff    string `json:"diff"`
	Dark    bool   `json:"dark"`
	Version string `json:"version"`
	Loader  bool   `json:"loader"`
}

const recordFirstPaint = `document.addEventListener("readystatechange", () => {
  if (document.readyState !== "interactive" || window.__firstPaint) return;
  const e = document.querySelector("#cmp-capex_vs_estimate_diff .value");
  window.__firstPaint = JSON.stringify({
    diff: e ? e.textContent : "",
    dark: !!document.querySelector(".theme-dark"),
    version: (document.querySelector('meta[name="amzwidget-version"]') || {}).content || "",
    loader: !!document.getElementById("app-wasm-loader"),
  });
});`

// watchFirstPaint makes every later page of the tab record its first paint.
func watchFirstPaint(tab *browsertest.Tab) {
	browsertest.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordFirstPaint})
}

// firstPaintOf reads what the current page recorded.
func firstPaintOf(t *testing.T, tab *browsertest.Tab) firstPaint {
	t.Helper()
	var fp firstPaint
	raw := browsertest.Eval[string](tab, `window.__firstPaint || ""`)
	if err := json.Unmarshal([]byte(raw), &fp); err != nil {
		t.Fatalf("first paint %q: %v", raw, err)
	}
	return fp
}

// A shared link opened where the worker already controls the site paints
// its own scenario and theme first, not the article's defaults, also
// behind a proxy that weakens the ETags (issue 19, item 2).
func TestBrowserNoFlashOfDefaults(t *testing.T) {
	s := startRelease(t, "", release{version: "noflash-one", wrap: weakETags})
	tab := browsertest.New(t, browsertest.Fresh())
	tab.Navigate(s.url() + "/embed/capex")
	wasmReady(tab)
	swControls(tab)
	watchFirstPaint(tab)
	for i := 0; i < 2; i++ { // the second time, the page may be in the HTTP cache
		tab.Navigate(s.url() + "/embed/capex?theme=dark&capex_2026=250")
		if !browsertest.Eval[bool](tab, `!!navigator.serviceWorker.controller`) {
			t.Fatal("the page is not under the service worker: the test tests nothing")
		}
		fp := firstPaintOf(t, tab)
		if !fp.Loader || !strings.Contains(fp.Diff, "101.14") || !fp.Dark || fp.Version != "noflash-one" {
			t.Errorf("visit %d: first paint %+v, want the link's scenario (250 − 148.86 = $101.14 billion) and the dark theme, before the wasm", i+1, fp)
		}
		wasmReady(tab)
		tab.WaitText("#cmp-capex_vs_estimate_diff .value", "101.14")
	}
}
