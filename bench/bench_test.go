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

type load struct{ fcp, lcp, ready float64 }

func measureLoads(t *testing.T, u string, n int, fresh, needReady bool, opts ...browsertest.Option) (cold []load, lcpContent bool) {
	lcpContent = true
	var tab *browsertest.Tab
	for i := 0; i < n; i++ {
		if fresh || tab == nil {
			o := append([]browsertest.Option{browsertest.Fresh()}, opts...)
			tab = browsertest.New(t, o...)
			browsertest.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe})
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
		cold = append(cold, load{m.FCP, m.LCP, m.Ready})
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

	// 3. Loads in Chromium: 5 cold (fresh profile), 5 warm (service worker).
	oc, ourLCP := measureLoads(t, ourURL+"/", 5, true, true)
	bc, _ := measureLoads(t, bsrv.URL+baseline.Path, 5, true, true)
	nc, _ := measureLoads(t, ngURL+"/", 5, true, false, browsertest.NoScripts())
	ow, _ := measureLoads(t, ourURL+"/", 5, false, true)
	bw, _ := measureLoads(t, bsrv.URL+baseline.Path, 5, false, true)
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
	add(target(row{Name: "cold wasm interactive", Widget: median(pick(oc, ready)), Base: median(pick(bc, ready)), Unit: "ms"}, 1.15, "≤ 1.15 × baseline"))
	add(row{Name: "warm (service worker) interactive", Widget: median(pick(ow, ready)), Base: median(pick(bw, ready)), Unit: "ms"})

	// 4. Input to update, 50 samples each.
	tab := browsertest.New(t)
	tab.Navigate(ourURL + "/")
	tab.WaitFor("wasm", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!document.getElementById("app-wasm-loader")`), ""
	})
	d50, d95, p50, p95 := inputLatency(t, tab, "#in-workforce", "#cmp-cut_share_total .value", []string{"300000", "350000", "320000", "280000"})
	btab := browsertest.New(t)
	btab.Navigate(bsrv.URL + baseline.Path)
	btab.WaitFor("wasm", func() (bool, string) {
		return browsertest.Eval[bool](btab, `!document.getElementById("app-wasm-loader")`), ""
	})
	bd50, bd95, bp50, bp95 := inputLatency(t, btab, "#in-b", "#result", []string{"300000", "350000", "320000", "280000"})
	add(row{Name: "input→DOM p50", Widget: d50, Base: bd50, Unit: "ms"})
	add(absolute(row{Name: "input→DOM p95", Widget: d95, Base: bd95, Unit: "ms"}, 16, "≤ 16 ms"))
	add(row{Name: "input→next frame p50", Widget: p50, Base: bp50, Unit: "ms"})
	add(row{Name: "input→next frame p95", Widget: p95, Base: bp95, Unit: "ms"})

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
