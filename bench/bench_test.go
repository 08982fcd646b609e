//go:build bench

// The benchmark of issue 8, run by `make bench` (never by `make test`):
// it builds what it compares, measures the widget beside a bare go-app
// baseline and beside nginx serving the static export, in the same run,
// prints one table with a pass/fail per target, and writes
// bench/results.json. Every target is a ratio against a baseline measured
// in this run, because absolute times drift on a shared machine.
package bench

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"amzwidget/bench/baseline"
	"amzwidget/internal/browsertest"

	"github.com/andybalholm/brotli"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	goapp "github.com/maxence-charriere/go-app/v10/pkg/app"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

type row struct {
	Name   string  `json:"name"`
	Widget float64 `json:"widget"`
	Base   float64 `json:"baseline"`
	Unit   string  `json:"unit"`
	Ratio  float64 `json:"ratio,omitempty"`
	Target string  `json:"target,omitempty"`
	Pass   *bool   `json:"pass,omitempty"`
	Note   string  `json:"note,omitempty"`
}

var (
	rowsMu sync.Mutex
	rows   []row
)

func add(r row) {
	if r.Base != 0 {
		r.Ratio = r.Widget / r.Base
	}
	rowsMu.Lock()
	rows = append(rows, r)
	rowsMu.Unlock()
}

// target marks r against a ratio target (widget ≤ max × baseline).
func target(r row, max float64, desc string) row {
	r.Target = desc
	if r.Base != 0 {
		r.Ratio = r.Widget / r.Base
	}
	ok := r.Base != 0 && r.Ratio <= max
	r.Pass = &ok
	return r
}

// absolute marks r against an absolute target (widget ≤ max).
func absolute(r row, max float64, desc string) row {
	r.Target = desc
	ok := r.Widget <= max
	r.Pass = &ok
	return r
}

func sizes(b []byte) (raw, gz, br int) {
	var g bytes.Buffer
	w, _ := gzip.NewWriterLevel(&g, gzip.BestCompression)
	w.Write(b)
	w.Close()
	var bb bytes.Buffer
	bw := brotli.NewWriterLevel(&bb, brotli.BestCompression)
	bw.Write(b)
	bw.Close()
	return len(b), g.Len(), bb.Len()
}

func run(t *testing.T, dir string, env []string, name string, args ...string) string {
	t.Helper()
	cmd := exec.Command(name, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), env...)
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("%s %v: %v\n%s", name, args, err, out)
	}
	return string(out)
}

func freePort(t *testing.T) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return strconv.Itoa(ln.Addr().(*net.TCPAddr).Port)
}

func waitUp(t *testing.T, u string) {
	for i := 0; i < 100; i++ {
		if res, err := http.Get(u); err == nil {
			res.Body.Close()
			return
		}
		time.Sleep(100 * time.Millisecond)
	}
	t.Fatalf("%s never answered", u)
}

// loadMetrics are read in the page by a script DevTools adds before any
// of the page's own: first contentful paint, largest contentful paint and
// whether its element is content, and when go-app removed its loader.
const probe = `(() => {
  window.__m = {};
  new PerformanceObserver(l => { for (const e of l.getEntries()) if (e.name === "first-contentful-paint") window.__m.fcp = e.startTime; }).observe({type: "paint", buffered: true});
  new PerformanceObserver(l => { const e = l.getEntries().at(-1); window.__m.lcp = e.startTime;
    window.__m.lcpContent = !!(e.element && e.element.closest && e.element.closest(".card, .value, main, .page, p") && !e.element.closest("#app-wasm-loader")); }).observe({type: "largest-contentful-paint", buffered: true});
  const mo = new MutationObserver(() => { if (!document.getElementById("app-wasm-loader") && document.querySelector(".value") && !window.__m.ready) window.__m.ready = performance.now(); });
  document.addEventListener("DOMContentLoaded", () => mo.observe(document.body, {childList: true, subtree: true}));
})();`

// load is one page load's timings, in ms from the navigation's start:
// first and largest contentful paint, the loader removed (ready), and the
// start-up's stages (see breakdown).
type load struct {
	fcp, lcp, ready float64
	bd              breakdown
}

// breakdown is a start-up in stages, each in ms from the navigation's
// start: the HTML received, the wasm request sent and its response fully
// received (Resource Timing), Go's package initialisation starting
// (go-init, after the wasm was compiled and instantiated), Go's main
// starting (go-main: package initialisation done), and the first
// component mounted (marks of amzwidget/internal/startmark). WasmFetches
// counts app.wasm's resource entries: more than one means the preload was
// not reused.
type breakdown struct {
	HTML, WasmRequest, WasmEnd, GoInit, GoMain, Mounted float64
	WasmFetches                                         int
}

const breakdownJS = `(() => {
  const nav = performance.getEntriesByType("navigation")[0] || {};
  const w = performance.getEntriesByType("resource").filter(e => e.name.includes("/app.wasm"));
  const mark = n => (performance.getEntriesByName(n)[0] || {}).startTime || 0;
  return JSON.stringify({HTML: nav.responseEnd || 0, WasmRequest: w.length ? (w[0].requestStart || w[0].startTime) : 0,
    WasmEnd: w.length ? w[0].responseEnd : 0, GoInit: mark("amz:go-init"), GoMain: mark("amz:go-main"),
    Mounted: mark("amz:board-mounted"), WasmFetches: w.length});
})()`

// measureLoads loads u n times and returns each load's timings. fresh
// starts each load in a new browser context (a cold load); setup, when
// set, runs on each new tab before its first load.
func measureLoads(t *testing.T, u string, n int, fresh, needReady bool, setup func(*browsertest.Tab), opts ...browsertest.Option) (cold []load, lcpContent bool) {
	lcpContent = true
	var tab *browsertest.Tab
	// Each tab is closed once measured: left open, its service worker's
	// install and its idle collection ran during the next measurements.
	defer func() {
		if tab != nil {
			tab.Close()
		}
	}()
	for i := 0; i < n; i++ {
		if fresh || tab == nil {
			if tab != nil {
				tab.Close()
			}
			o := append([]browsertest.Option{browsertest.Fresh()}, opts...)
			tab = browsertest.New(t, o...)
			browsertest.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe})
			if setup != nil {
				setup(tab)
			}
			if !fresh {
				// Warm loads: a first visit, then every load under the
				// service worker it installs.
				tab.Navigate(u)
				tab.WaitFor("the service worker to control the page", func() (bool, string) {
					return browsertest.Eval[bool](tab, `!!(navigator.serviceWorker && navigator.serviceWorker.controller)`), ""
				})
			}
		}
		tab.Navigate(u)
		tab.WaitFor("metrics", func() (bool, string) {
			ok := browsertest.Eval[bool](tab, `!!(window.__m && window.__m.fcp && window.__m.lcp)`)
			if needReady {
				ok = ok && browsertest.Eval[bool](tab, `!!window.__m.ready`)
			}
			return ok, ""
		})
		var m struct {
			FCP, LCP, Ready float64
			LCPContent      bool
		}
		b := browsertest.Eval[string](tab, `JSON.stringify({FCP: __m.fcp, LCP: __m.lcp, Ready: __m.ready || 0, LCPContent: !!__m.lcpContent})`)
		json.Unmarshal([]byte(b), &m)
		lcpContent = lcpContent && m.LCPContent
		l := load{fcp: m.FCP, lcp: m.LCP, ready: m.Ready}
		if needReady {
			json.Unmarshal([]byte(browsertest.Eval[string](tab, breakdownJS)), &l.bd)
		}
		cold = append(cold, l)
	}
	return cold, lcpContent
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}

func pick(ls []load, f func(load) float64) []float64 {
	var out []float64
	for _, l := range ls {
		out = append(out, f(l))
	}
	return out
}

// inputLatency types into sel 50 times and measures, in the page, the time
// from the input event to the DOM change of result, and to the next frame.
func inputLatency(t *testing.T, tab *browsertest.Tab, sel, result string, values []string) (p50dom, p95dom, p50paint, p95paint float64) {
	js := fmt.Sprintf(`(async () => {
	  const inp = document.querySelector(%q), out = () => document.querySelector(%q);
	  const vals = %s, dom = [], paint = [];
	  for (let i = 0; i < 50; i++) {
	    const target = out();
	    const changed = new Promise(res => { const mo = new MutationObserver(() => { mo.disconnect(); res(performance.now()); });
	      mo.observe(document.body, {childList: true, subtree: true, characterData: true}); });
	    const t0 = performance.now();
	    inp.value = vals[i %% vals.length];
	    inp.dispatchEvent(new Event("input", {bubbles: true}));
	    const t1 = await Promise.race([changed, new Promise(r => setTimeout(() => r(-1), 1000))]);
	    const t2 = await new Promise(r => requestAnimationFrame(() => r(performance.now())));
	    if (t1 > 0) { dom.push(t1 - t0); paint.push(t2 - t0); }
	    await new Promise(r => setTimeout(r, 30));
	  }
	  return JSON.stringify({dom, paint});
	})()`, sel, result, mustJSON(values))
	var r struct{ Dom, Paint []float64 }
	json.Unmarshal([]byte(browsertest.Eval[string](tab, js)), &r)
	if len(r.Dom) < 40 {
		t.Errorf("only %d of 50 inputs changed %s", len(r.Dom), result)
	}
	q := func(xs []float64, p float64) float64 {
		s := slices.Clone(xs)
		slices.Sort(s)
		if len(s) == 0 {
			return 0
		}
		return s[min(len(s)-1, int(p*float64(len(s))))]
	}
	return q(r.Dom, .5), q(r.Dom, .95), q(r.Paint, .5), q(r.Paint, .95)
}

// addBreakdown adds the median start-up stages of ours and the baseline's
// loads.
func addBreakdown(what string, ours, base []load) {
	stages := []struct {
		name string
		f    func(breakdown) float64
	}{
		{"HTML received", func(b breakdown) float64 { return b.HTML }},
		{"wasm request sent", func(b breakdown) float64 { return b.WasmRequest }},
		{"wasm received", func(b breakdown) float64 { return b.WasmEnd }},
		{"compiled, Go init starts", func(b breakdown) float64 { return b.GoInit }},
		{"Go main starts", func(b breakdown) float64 { return b.GoMain }},
		{"first render mounted", func(b breakdown) float64 { return b.Mounted }},
	}
	for _, st := range stages {
		f := func(l load) float64 { return st.f(l.bd) }
		add(row{Name: "  " + what + ": " + st.name, Widget: median(pick(ours, f)), Base: median(pick(base, f)), Unit: "ms"})
	}
	add(row{Name: "  " + what + ": loader removed (interactive)", Widget: median(pick(ours, func(l load) float64 { return l.ready })),
		Base: median(pick(base, func(l load) float64 { return l.ready })), Unit: "ms"})
	fetches := 0
	for _, l := range ours {
		fetches = max(fetches, l.bd.WasmFetches)
	}
	r := row{Name: "  " + what + ": app.wasm fetches per load", Widget: float64(fetches), Unit: "count"}
	ok := fetches == 1
	r.Pass, r.Target = &ok, "1 (the preload is reused)"
	rowsMu.Lock()
	rows = append(rows, r)
	rowsMu.Unlock()
}

// drags are the sliders the benchmark drags: one on the dashboard and one
// on each embed, with the result that shows the slider's effect.
var drags = []struct{ page, slider, result string }{
	{"/", "#slider-workforce", "#cmp-cut_share_total .value"},
	{"/embed/workforce", "#slider-workforce", "#cmp-cut_share_total .value"},
	{"/embed/capex", "#slider-capex_2026", "#cmp-capex_vs_estimate_diff .value"},
	{"/embed/growth", "#slider-aws_growth", "#cmp-aws_vs_azure_growth .value"},
}

// dragRuns is how many times the benchmark drags each slider.
const dragRuns = 3

// drag presses the mouse on slider's thumb in a fresh tab at 1280 × 900
// and moves it in 40 steps, one every 16 ms, to the far end of the
// slider, then releases it. It returns the long tasks (> 50 ms) seen
// from the press to one second after the release, the longest, the time
// from the last step's input event to the result's last change, and
// whether the result's text then was its final one, and the Go garbage
// collections (package idlegc's "amz:gc-cycle" marks) from the press to
// the last step.
func drag(t *testing.T, u, slider, result string) (n int, worst, lag float64, final bool, gcs int) {
	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(1280, 900))
	defer tab.Close()
	q := "?controls=open"
	if strings.HasSuffix(u, "/") {
		q = ""
	}
	tab.Navigate(u + q)
	tab.WaitFor("wasm", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!document.getElementById("app-wasm-loader")`), ""
	})
	var box struct{ X, Y, L, W float64 }
	json.Unmarshal([]byte(browsertest.Eval[string](tab, fmt.Sprintf(`(async () => {
	  const s = document.querySelector(%q); s.scrollIntoView({block: "center"});
	  await new Promise(r => setTimeout(r, 300));
	  window.__lt = []; new PerformanceObserver(l => { for (const e of l.getEntries()) __lt.push(e.duration); }).observe({type: "longtask"});
	  window.__lastInput = 0; window.__lastChange = 0; window.__pressed = performance.now();
	  s.addEventListener("input", () => { __lastInput = performance.now(); });
	  new MutationObserver(() => { __lastChange = performance.now(); window.__seen = document.querySelector(%q).textContent; })
	    .observe(document.querySelector(%q).closest("[id]") || document.body, {childList: true, subtree: true, characterData: true});
	  const r = s.getBoundingClientRect();
	  const f = (+s.value - +s.min) / (+s.max - +s.min);
	  return JSON.stringify({X: r.left + 8 + f * (r.width - 16), Y: r.top + r.height / 2, L: r.left, W: r.width});
	})()`, slider, result, result))), &box)
	mouse := func(typ input.DispatchMouseEventType, x float64, buttons int64) {
		p := input.DispatchMouseEventParams{Type: typ, X: x, Y: box.Y, Button: input.MouseButtonLeft, Buttons: buttons}
		if typ != input.DispatchMouseEventTypeMouseMoved {
			p.ClickCount = 1
		}
		browsertest.Call(tab, input.DispatchMouseEvent, p)
	}
	mouse(input.DispatchMouseEventTypeMousePressed, box.X, 1)
	// Towards the farther end.
	end := box.L + box.W - 8
	if box.X > box.L+box.W/2 {
		end = box.L + 8
	}
	for i := 1; i <= 40; i++ {
		t0 := time.Now()
		mouse(input.DispatchMouseEventTypeMouseMoved, box.X+(end-box.X)*float64(i)/40, 1)
		time.Sleep(16*time.Millisecond - time.Since(t0))
	}
	// The last step's update lands before the release (which commits).
	browsertest.Eval[bool](tab, `new Promise(r => setTimeout(() => r(true), 100))`)
	var m struct {
		Lag       float64
		Seen, Now string
		GC        int
	}
	json.Unmarshal([]byte(browsertest.Eval[string](tab, fmt.Sprintf(`JSON.stringify({Lag: __lastChange - __lastInput, Seen: window.__seen || "", Now: document.querySelector(%q).textContent,
	  GC: performance.getEntriesByName("amz:gc-cycle").filter(m => m.startTime >= __pressed).length})`, result))), &m)
	mouse(input.DispatchMouseEventTypeMouseReleased, end, 0)
	browsertest.Eval[bool](tab, `new Promise(r => setTimeout(() => r(true), 1000))`)
	for _, d := range browsertest.Eval[[]float64](tab, `__lt`) {
		n++
		worst = max(worst, d)
	}
	return n, worst, m.Lag, m.Seen != "" && m.Seen == m.Now, m.GC
}

func mustJSON(v any) string { b, _ := json.Marshal(v); return string(b) }

// throughput runs conns connections for d against u and returns requests/s
// and the p99 latency in ms.
func throughput(u string, conns int, d time.Duration) (rps, p99 float64, errs int) {
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	var mu sync.Mutex
	var lat []float64
	end := time.Now().Add(d)
	var wg sync.WaitGroup
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for time.Now().Before(end) {
				req, _ := http.NewRequest("GET", u, nil)
				req.Header.Set("Accept-Encoding", "br, gzip")
				t0 := time.Now()
				res, err := c.Do(req)
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					if res.StatusCode != 200 {
						err = fmt.Errorf("%d", res.StatusCode)
					}
				}
				mu.Lock()
				if err != nil {
					errs++
				} else {
					lat = append(lat, float64(time.Since(t0).Microseconds())/1000)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	slices.Sort(lat)
	if len(lat) == 0 {
		return 0, 0, errs
	}
	return float64(len(lat)) / d.Seconds(), lat[min(len(lat)-1, len(lat)*99/100)], errs
}

var benchLine = regexp.MustCompile(`BenchmarkEvaluate(Float64)?(?:-\d+)?\s+\d+\s+([\d.]+) ns/op\s+([\d.]+) B/op\s+([\d.]+) allocs/op`)

func engine(t *testing.T, root string, js bool) (exact, float, allocs float64) {
	args := []string{"test", "-run", "^$", "-bench", "^BenchmarkEvaluate", "-benchmem", "-benchtime", "2s", "./calc"}
	var env []string
	if js {
		goroot := strings.TrimSpace(run(t, root, nil, "go", "env", "GOROOT"))
		env = []string{"GOOS=js", "GOARCH=wasm"}
		args = []string{"test", "-exec", filepath.Join(goroot, "lib/wasm/go_js_wasm_exec"), "-run", "^$", "-bench", "^BenchmarkEvaluate", "-benchmem", "-benchtime", "2s", "./calc"}
	}
	out := run(t, root, env, "go", args...)
	if !benchLine.MatchString(out) {
		t.Errorf("no benchmark result (js=%v):\n%s", js, out)
	}
	for _, m := range benchLine.FindAllStringSubmatch(out, -1) {
		v, _ := strconv.ParseFloat(m[2], 64)
		if m[1] == "" {
			exact = v
			allocs, _ = strconv.ParseFloat(m[4], 64)
		} else {
			float = v
		}
	}
	return exact, float, allocs
}

func TestBench(t *testing.T) {
	root, _ := filepath.Abs("..")
	tmp, err := os.MkdirTemp("", "amzwidget-bench-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(tmp, 0o755)
	defer os.RemoveAll(tmp)

	// 1. Build: the widget (make build's artefacts), the baseline, the export.
	run(t, root, nil, "make", "build")
	baseWeb := filepath.Join(tmp, "base", "web")
	os.MkdirAll(baseWeb, 0o755)
	run(t, root, []string{"GOOS=js", "GOARCH=wasm"}, "go", "build", "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(baseWeb, "app.wasm"), "./bench/baseline/wasm")
	dist := filepath.Join(tmp, "dist")
	run(t, root, nil, "go", "run", "./internal/cmd/static", "-out", dist)

	ours, _ := os.ReadFile(filepath.Join(root, "web/app.wasm"))
	base, _ := os.ReadFile(filepath.Join(baseWeb, "app.wasm"))
	or, og, ob := sizes(ours)
	br, bg, bb := sizes(base)
	add(row{Name: "app.wasm raw", Widget: float64(or), Base: float64(br), Unit: "bytes"})
	add(row{Name: "app.wasm gzip -9", Widget: float64(og), Base: float64(bg), Unit: "bytes"})
	add(target(row{Name: "app.wasm brotli -q 11", Widget: float64(ob), Base: float64(bb), Unit: "bytes"}, 1.15, "≤ 1.15 × baseline"))

	// 2. Servers: the real binary, the baseline through go-app's Handler,
	// nginx serving the static export.
	port := freePort(t)
	srv := exec.Command(filepath.Join(root, "bin/amzwidget"), "-addr", "127.0.0.1:"+port, "-web", filepath.Join(root, "web"))
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { srv.Process.Signal(syscall.SIGTERM); srv.Wait() }()
	ourURL := "http://127.0.0.1:" + port
	waitUp(t, ourURL+"/healthz")

	baseline.Routes()
	cp, _ := os.ReadFile(filepath.Join(root, "web/icon-192.png"))
	os.WriteFile(filepath.Join(baseWeb, "icon-192.png"), cp, 0o644)
	bh := &goapp.Handler{Name: "baseline", Version: "baseline-1",
		Icon: goapp.Icon{Default: "/web/icon-192.png", Large: "/web/icon-192.png", SVG: "/web/icon-192.png", Maskable: "/web/icon-192.png"}}
	bmux := http.NewServeMux()
	bmux.Handle("/web/", http.FileServer(http.Dir(filepath.Dir(baseWeb))))
	// The baseline's wasm is served brotli-compressed, as ours is: over
	// an emulated link an uncompressed 7 MB baseline would flatter us.
	run(t, root, nil, "go", "run", "./internal/cmd/compress", "-dir", baseWeb, "-commit", "baseline")
	bmux.HandleFunc("/web/app.wasm", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/wasm")
		w.Header().Set("Vary", "Accept-Encoding")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "br") {
			w.Header().Set("Content-Encoding", "br")
			http.ServeFile(w, r, filepath.Join(baseWeb, "app.wasm.br"))
			return
		}
		http.ServeFile(w, r, filepath.Join(baseWeb, "app.wasm"))
	})
	bmux.Handle("/", bh)
	bsrv := httptest.NewServer(bmux)
	defer bsrv.Close()

	nport := freePort(t)
	conf, _ := os.ReadFile(filepath.Join(root, "testdata/nginx/nginx.conf"))
	ntmp := filepath.Join(tmp, "nginx")
	os.MkdirAll(ntmp, 0o755)
	os.WriteFile(filepath.Join(ntmp, "nginx.conf"), []byte(strings.NewReplacer("PORT", nport, "ROOT", dist, "TMP", ntmp).Replace(string(conf))), 0o644)
	ng := exec.Command("nginx", "-p", ntmp, "-c", filepath.Join(ntmp, "nginx.conf"))
	if err := ng.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { ng.Process.Signal(syscall.SIGQUIT); ng.Wait() }()
	ngURL := "http://127.0.0.1:" + nport
	waitUp(t, ngURL+"/")

	// Prerendered HTML and CSS, compressed as served.
	for _, p := range []string{"/", "/embed/capex"} {
		var all []byte
		for _, part := range []string{p, "/app.css", "/web/widget.css"} {
			res, err := http.Get(ourURL + part)
			if err != nil {
				t.Fatal(err)
			}
			b, _ := io.ReadAll(res.Body)
			res.Body.Close()
			all = append(all, b...)
		}
		raw, gz, brs := sizes(all)
		add(row{Name: "HTML+CSS " + p + " (raw/gzip/brotli)", Widget: float64(brs), Unit: "bytes brotli", Note: fmt.Sprintf("raw %d, gzip %d", raw, gz)})
	}

	// 3. Loads in Chromium: 7 cold (fresh profile) of each, ours, the
	// baseline's and nginx's in turn, so that the machine's drift over the
	// run falls on all three alike (all of ours first, then all of the
	// baseline's, moved the ratio by up to 0.2 between runs); 5 warm
	// (service worker).
	var oc, bc, nc []load
	ourLCP := true
	for range 7 {
		o, lcpOK := measureLoads(t, ourURL+"/", 1, true, true, nil)
		b, _ := measureLoads(t, bsrv.URL+baseline.Path, 1, true, true, nil)
		n, _ := measureLoads(t, ngURL+"/", 1, true, false, nil, browsertest.NoScripts())
		oc, bc, nc = append(oc, o...), append(bc, b...), append(nc, n...)
		ourLCP = ourLCP && lcpOK
	}
	ow, _ := measureLoads(t, ourURL+"/", 5, false, true, nil)
	bw, _ := measureLoads(t, bsrv.URL+baseline.Path, 5, false, true, nil)
	fcp := func(l load) float64 { return l.fcp }
	lcp := func(l load) float64 { return l.lcp }
	ready := func(l load) float64 { return l.ready }
	add(row{Name: "cold FCP", Widget: median(pick(oc, fcp)), Base: median(pick(bc, fcp)), Unit: "ms"})
	vis := target(row{Name: "cold numbers visible (LCP) vs nginx static FCP", Widget: median(pick(oc, lcp)), Base: median(pick(nc, fcp)), Unit: "ms"}, 1.2, "≤ 1.2 × nginx static FCP, LCP is content")
	if !ourLCP {
		f := false
		vis.Pass = &f
		vis.Note = "the largest contentful paint was not content"
	}
	add(vis)
	add(target(row{Name: "cold wasm interactive", Widget: median(pick(oc, ready)), Base: median(pick(bc, ready)), Unit: "ms"}, 1.3, "≤ 1.3 × baseline"))
	add(row{Name: "warm (service worker) interactive", Widget: median(pick(ow, ready)), Base: median(pick(bw, ready)), Unit: "ms"})
	addBreakdown("cold, loopback", oc, bc)

	// 3b. Cold loads over a 20/5 Mbit/s link with 40 ms latency (DevTools
	// network emulation), ours and the baseline alternately.
	slow := func(tab *browsertest.Tab) {
		browsertest.Call(tab, network.EmulateNetworkConditionsByRule, network.EmulateNetworkConditionsByRuleParams{
			MatchedNetworkConditions: []*network.Conditions{{Latency: 40, DownloadThroughput: 20e6 / 8, UploadThroughput: 5e6 / 8}},
		})
	}
	var os3, bs3 []load
	for range 3 {
		o, _ := measureLoads(t, ourURL+"/", 1, true, true, slow)
		b, _ := measureLoads(t, bsrv.URL+baseline.Path, 1, true, true, slow)
		os3, bs3 = append(os3, o...), append(bs3, b...)
	}
	add(row{Name: "20/5 Mbit/s 40 ms: numbers visible (LCP)", Widget: median(pick(os3, lcp)), Base: median(pick(bs3, lcp)), Unit: "ms"})
	add(target(row{Name: "20/5 Mbit/s 40 ms: cold interactive", Widget: median(pick(os3, ready)), Base: median(pick(bs3, ready)), Unit: "ms"}, 1.0, "≤ 1.0 × baseline"))
	addBreakdown("20/5 Mbit/s", os3, bs3)

	// 4. Input to update, 50 samples each.
	tab := browsertest.New(t)
	tab.Navigate(ourURL + "/")
	tab.WaitFor("wasm", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!document.getElementById("app-wasm-loader")`), ""
	})
	d50, d95, p50, p95 := inputLatency(t, tab, "#in-workforce", "#cmp-cut_share_total .value", []string{"300000", "350000", "320000", "280000"})
	tab.Close()
	btab := browsertest.New(t)
	btab.Navigate(bsrv.URL + baseline.Path)
	btab.WaitFor("wasm", func() (bool, string) {
		return browsertest.Eval[bool](btab, `!document.getElementById("app-wasm-loader")`), ""
	})
	bd50, bd95, bp50, bp95 := inputLatency(t, btab, "#in-b", "#result", []string{"300000", "350000", "320000", "280000"})
	btab.Close()
	add(row{Name: "input→DOM p50", Widget: d50, Base: bd50, Unit: "ms"})
	add(absolute(row{Name: "input→DOM p95", Widget: d95, Base: bd95, Unit: "ms"}, 16, "≤ 16 ms"))
	add(row{Name: "input→next frame p50", Widget: p50, Base: bp50, Unit: "ms"})
	add(row{Name: "input→next frame p95", Widget: p95, Base: bp95, Unit: "ms"})

	// 4b. A 60 Hz mouse drag of 40 steps on a slider of the dashboard and
	// of each embed, dragRuns times each in a fresh tab: long tasks, and
	// how long after the last step the result showed its final value. On
	// a 2-core machine one drag's count swings with what V8 compiles in
	// the background meanwhile (see TestTrace), so the row shows the
	// worst run, the note every run, and it passes only if every run does.
	for _, d := range drags {
		var most, gcs int
		var worst, lag float64
		final := true
		var counts []string
		for range dragRuns {
			n, w, l, f, g := drag(t, ourURL+d.page, d.slider, d.result)
			most, worst, lag, gcs = max(most, n), max(worst, w), max(lag, l), gcs+g
			final = final && f
			counts = append(counts, strconv.Itoa(n))
		}
		r := row{Name: "60 Hz drag " + d.page + ": long tasks (> 50 ms)", Widget: float64(most), Unit: "count",
			Note: fmt.Sprintf("runs %s; longest %.0f ms; last step → final value ≤ %.1f ms; %d Go collections mid-drag",
				strings.Join(counts, ","), worst, lag, gcs)}
		ok := most == 0 && final && lag <= 1000.0/60
		if !final {
			r.Note += "; the result did not show the final value"
		}
		r.Pass, r.Target = &ok, "0 long tasks in every run, final value ≤ 1 frame after the last step"
		rowsMu.Lock()
		rows = append(rows, r)
		rowsMu.Unlock()
	}

	// 5. Engine, native and in wasm (Node), beside float64.
	ex, fl, al := engine(t, root, false)
	add(absolute(row{Name: "recompute all, native (exact vs float64)", Widget: ex / 1000, Base: fl / 1000, Unit: "µs", Note: fmt.Sprintf("%.0f allocs/op", al)}, 100, "≤ 100 µs native"))
	jex, jfl, _ := engine(t, root, true)
	add(row{Name: "recompute all, GOOS=js (exact vs float64)", Widget: jex / 1000, Base: jfl / 1000, Unit: "µs"})

	// 6. Server against nginx, same files, same run.
	for _, p := range []string{"/embed/capex", "/web/app.wasm"} {
		rps, p99, e1 := throughput(ourURL+p, 32, 5*time.Second)
		nrps, np99, e2 := throughput(ngURL+p+map[bool]string{true: "/", false: ""}[p == "/embed/capex"], 32, 5*time.Second)
		r := row{Name: "throughput " + p, Widget: rps, Base: nrps, Unit: "req/s", Note: fmt.Sprintf("errors %d / %d", e1, e2)}
		r.Ratio = rps / nrps
		ok := r.Ratio >= 1.0 && p99 <= 2*np99
		if ok {
			r.Note += "; p99 within 2 × nginx"
		} else if p99 > 2*np99 {
			r.Note += fmt.Sprintf("; p99 %.1f ms vs nginx %.1f ms", p99, np99)
		}
		r.Pass, r.Target = &ok, "≥ 1.0 × nginx, p99 ≤ 2 × nginx"
		rowsMu.Lock()
		rows = append(rows, r)
		rowsMu.Unlock()
		add(row{Name: "p99 " + p, Widget: p99, Base: np99, Unit: "ms"})
	}

	// The table.
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-52s %14s %14s %8s  %s\n", "measure", "widget", "baseline", "ratio", "target")
	for _, r := range rows {
		verdict := ""
		if r.Pass != nil {
			verdict = map[bool]string{true: "PASS ", false: "FAIL "}[*r.Pass] + r.Target
		}
		ratio := ""
		if r.Ratio != 0 {
			ratio = fmt.Sprintf("%.2f", r.Ratio)
		}
		fmt.Fprintf(&b, "%-52s %14.1f %14.1f %8s  %s %s %s\n", r.Name, r.Widget, r.Base, ratio, r.Unit, verdict, r.Note)
	}
	fmt.Println(b.String())
	j, _ := json.MarshalIndent(rows, "", "  ")
	os.WriteFile(filepath.Join(root, "bench/results.json"), j, 0o644)
}
