package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
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

// slowWorkerScript delays /app-worker.js by 4 s.
func slowWorkerScript(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/app-worker.js" {
			select {
			case <-time.After(4 * time.Second):
			case <-r.Context().Done():
				return
			}
		}
		h.ServeHTTP(w, r)
	})
}

// recordWasmETag makes every later page of the tab note the ETag of the
// app.wasm it runs (go-app's app.js fetches it with the global fetch; a
// response from the worker's cache keeps the headers it was cached with).
const recordWasmETag = `(() => {
  const f = window.fetch;
  window.fetch = function (input) {
    const p = f.apply(this, arguments);
    if (String((input && input.url) || input).includes("app.wasm")) {
      p.then((r) => { window.__wasmETag = r.headers.get("ETag") || ""; }).catch(() => {});
    }
    return p;
  };
})();`

// wasmTag is the start of app.wasm's ETag for the file's bytes (the
// server adds "-br" or "-gzip" for a compressed body).
func wasmTag(t *testing.T, file string) string {
	t.Helper()
	raw, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(raw)
	return `"` + hex.EncodeToString(sum[:8])
}

// secondRelease writes a web directory for another release: web/'s files
// and an app.wasm with other bytes (a custom section naming the release
// appended: the module is as valid and runs the same), so that which
// release's client a page runs shows in the wasm's ETag.
func secondRelease(t *testing.T, name string) string {
	t.Helper()
	dir := t.TempDir()
	entries, err := os.ReadDir("web")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, "app.wasm.") || n == "version.txt" {
			continue // no precompressed copies: they would be of release one
		}
		b, err := os.ReadFile(filepath.Join("web", n))
		if err != nil {
			t.Fatal(err)
		}
		if n == "app.wasm" {
			payload := append([]byte{byte(len(name))}, name...)
			b = append(append(b, 0, byte(len(payload))), payload...) // section id 0, size, name
		}
		if err := os.WriteFile(filepath.Join(dir, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// pageState is which release a page's HTML and client are of.
func pageState(tab *browsertest.Tab) (version, wasmETag string) {
	version = browsertest.Eval[string](tab, `(document.querySelector('meta[name="amzwidget-version"]') || {}).content || ""`)
	wasmETag = browsertest.Eval[string](tab, `window.__wasmETag || ""`)
	return version, wasmETag
}

// A release is what the reader sees on the next navigation, without a
// click and with another tab of the widget open; no page runs the HTML of
// one release with the client of another, online or offline; the open
// tab keeps running and is offered a reload (issue 19, item 1).
func TestBrowserUpdateFlow(t *testing.T) {
	one := startRelease(t, "", release{version: "release-one"})
	addr := one.addr
	oneWasm := wasmTag(t, "web/app.wasm")
	twoDir := secondRelease(t, "release-two")
	twoWasm := wasmTag(t, filepath.Join(twoDir, "app.wasm"))
	if oneWasm == twoWasm {
		t.Fatal("the two releases' clients have the same bytes")
	}

	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Timeout(3*time.Minute))
	watchFirstPaint(tab)
	browsertest.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: recordWasmETag})
	tab.Navigate(one.url() + "/embed/capex")
	wasmReady(tab)
	swControls(tab)
	if v, w := pageState(tab); v != "release-one" || !strings.HasPrefix(w, oneWasm) {
		t.Fatalf("release one: page %q, client %q (want %s…)", v, w, oneWasm)
	}
	other := browsertest.New(t, browsertest.Beside(tab))
	other.Navigate(one.url() + "/")
	wasmReady(other)
	browsertest.Eval[bool](other, `window.__stayed = true`)

	one.stop()
	// Release two's worker script comes late, so that release one's
	// worker surely serves the whole next visit (else which worker serves
	// the page's files is a race, and the test would not always see how
	// the old worker does).
	two := startRelease(t, addr, release{version: "release-two", webDir: twoDir, wrap: slowWorkerScript})

	// The next visit, with release one's worker still in charge: release
	// two, HTML and client, the link's scenario in the first paint.
	tab.Navigate(two.url() + "/embed/capex?theme=dark&capex_2026=250")
	if fp := firstPaintOf(t, tab); fp.Version != "release-two" || !strings.Contains(fp.Diff, "101.14") || !fp.Dark {
		t.Errorf("next visit after the release: first paint %+v, want release two with the link's scenario", fp)
	}
	wasmReady(tab)
	if v, w := pageState(tab); v != "release-two" || !strings.HasPrefix(w, twoWasm) {
		t.Errorf("next visit: page %q with client %q, want release-two with %s…", v, w, twoWasm)
	}
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", "101.14")

	// Release two's worker takes over with the other tab open, and release
	// one's cache goes.
	tab.WaitFor("release two's worker to take over", func() (bool, string) {
		keys := browsertest.Eval[[]string](tab, `caches.keys()`)
		return len(keys) == 1 && keys[0] == "amzwidget-release-two", strings.Join(keys, ",")
	})
	// The open tab was not reloaded under the reader; it is offered one.
	other.WaitText("#update-banner", "updated since you opened it")
	if !browsertest.Eval[bool](other, `window.__stayed === true`) {
		t.Error("the open tab was reloaded by itself")
	}
	if v, _ := pageState(tab); v != "release-two" {
		t.Errorf("the current tab got an offer or changed: %q", v)
	}
	if browsertest.Eval[bool](tab, `!!document.getElementById("update-banner")`) {
		t.Error("a page of the current release was offered a reload")
	}
	other.Run(chromedp.Click(chromedp.CSS("#update-reload")))
	other.WaitFor("the open tab to run release two after its reload", func() (bool, string) {
		v, err := chromedp.Run(other.Ctx, chromedp.Evaluate[string](`(document.querySelector('meta[name="amzwidget-version"]') || {}).content || ""`))
		return err == nil && v == "release-two", v
	})
	wasmReady(other)

	// Offline: release two from its cache, HTML and client alike.
	two.stop()
	for _, path := range []string{"/embed/capex?capex_2026=250", "/embed/capex"} {
		tab.Navigate(two.url() + path)
		wasmReady(tab)
		if v, w := pageState(tab); v != "release-two" || !strings.HasPrefix(w, twoWasm) {
			t.Errorf("offline %s: page %q with client %q, want release-two with %s…", path, v, w, twoWasm)
		}
	}
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", "51.14")
}

// The article of a host site with two embeds: after a release, the next
// visit to the article shows release two in both frames, with no click,
// while another tab of the article stays open.
func TestBrowserUpdateReachesEmbeds(t *testing.T) {
	one := startRelease(t, "", release{version: "embed-one"})
	addr := one.addr
	// The host's article, on another loopback origin.
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, `<!doctype html><html><body><h1>Host article</h1><p>Text.</p>
<iframe src="%[1]s/embed/capex?capex_2026=250" style="width:100%%;height:900px;border:0"></iframe>
<p>More text.</p>
<iframe src="%[1]s/embed/workforce?workforce=300000" style="width:100%%;height:900px;border:0"></iframe>
</body></html>`, "http://"+addr)
	}))
	defer host.Close()
	article := host.URL + "/article"
	version := `(document.querySelector('meta[name="amzwidget-version"]') || {}).content || ""`
	frameVersions := func(tab *browsertest.Tab, want string) {
		t.Helper()
		for _, f := range []string{"/embed/capex", "/embed/workforce"} {
			tab.WaitFor(f+" to be "+want, func() (bool, string) {
				v, err := browsertest.TryEvalInFrame[string](tab, f, version)
				return err == nil && v == want, v
			})
		}
	}

	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Timeout(3*time.Minute))
	tab.Navigate(article)
	childReady(t, tab, "/embed/capex")
	childReady(t, tab, "/embed/workforce")
	frameVersions(tab, "embed-one")
	tab.WaitFor("the worker to control the embeds", func() (bool, string) {
		ok, err := browsertest.TryEvalInFrame[bool](tab, "/embed/capex", `(async () => { const r = await navigator.serviceWorker.getRegistration(); return !!(navigator.serviceWorker.controller && r && r.active && !r.installing); })()`)
		return ok && err == nil, fmt.Sprint(err)
	})
	other := browsertest.New(t, browsertest.Beside(tab))
	other.Navigate(article)
	childReady(t, other, "/embed/capex")

	one.stop()
	startRelease(t, addr, release{version: "embed-two", wrap: slowWorkerScript})
	tab.Navigate(article)
	frameVersions(tab, "embed-two")
	childReady(t, tab, "/embed/capex")
	childReady(t, tab, "/embed/workforce")
	ready := time.Now()
	for _, c := range []struct{ frame, sel, want string }{
		{"/embed/capex", "#cmp-capex_vs_estimate_diff .value", "101.14"},
		{"/embed/workforce", "#cmp-cut_share_total .value", "10%"},
	} {
		var seen []string
		tab.WaitFor(c.frame+" to show its query's result "+c.want, func() (bool, string) {
			got, err := browsertest.TryEvalInFrame[string](tab, c.frame, `document.querySelector("`+c.sel+`").textContent`)
			if len(seen) == 0 || seen[len(seen)-1] != got {
				seen = append(seen, got)
			}
			return err == nil && strings.Contains(got, c.want), got
		})
		t.Logf("%s after the release: %q, %v after the wasm started", c.frame, seen, time.Since(ready).Round(10*time.Millisecond))
	}
	if v := browsertest.EvalInFrame[string](other, "/embed/capex", version); v != "embed-one" {
		t.Errorf("the other tab's embed changed by itself to %q", v)
	}
}
