//go:build profile

package bench

import (
	"cmp"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/profiler"
)

// TestProfile records a CPU profile in Chromium and prints the functions
// with the most self and inclusive time (wasm functions by their Go names:
// build app.wasm without -s -w for them). It is a tool for finding where
// the time goes, not a test; run it against a running server:
//
//	PROF_URL=http://127.0.0.1:8000/ PROF_MODE=load go test -tags profile -run TestProfile -v ./bench
//	PROF_URL=http://127.0.0.1:8000/ PROF_SEL='#slider-workforce' PROF_MODE=drag go test -tags profile -run TestProfile -v ./bench
//
// In drag mode it waits PROF_WAIT ms (1000) after the loader's removal,
// drags PROF_REPEAT times (1; back and forth), and also prints each
// drag's long tasks (duration@start from the drag's start), the marks
// since then, and the long animation frames (with their script and
// style/layout parts).
// dragSteps is JavaScript that moves the slider s (in scope) in 40 input
// events 16 ms apart, from its min towards its max, or back when back is
// true, as a drag at 60 Hz would.
const dragSteps = `for (let i = 1; i <= 40; i++) {
	  s.value = String(+s.min + (+s.max - +s.min) * (back ? 41 - i : i) / 41);
	  s.dispatchEvent(new Event("input", {bubbles: true}));
	  await new Promise(r => setTimeout(r, 16));
	}`

func TestProfile(t *testing.T) {
	u := os.Getenv("PROF_URL")
	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(1280, 900))
	browsertest.Call(tab, profiler.Enable, cdp.Empty{})
	browsertest.Call(tab, profiler.SetSamplingInterval, profiler.SetSamplingIntervalParams{Interval: 200})
	if os.Getenv("PROF_MODE") == "load" {
		browsertest.Call(tab, profiler.Start, cdp.Empty{})
		tab.Navigate(u)
		tab.WaitFor("wasm", func() (bool, string) {
			return browsertest.Eval[bool](tab, `!document.getElementById("app-wasm-loader")`), ""
		})
	} else {
		tab.Navigate(u)
		tab.WaitFor("wasm", func() (bool, string) {
			return browsertest.Eval[bool](tab, `!document.getElementById("app-wasm-loader")`), ""
		})
		browsertest.Eval[bool](tab, `new Promise(r => setTimeout(() => r(true), `+cmp.Or(os.Getenv("PROF_WAIT"), "1000")+`))`)
		browsertest.Call(tab, profiler.Start, cdp.Empty{})
		sel := os.Getenv("PROF_SEL")
		fmt.Println(browsertest.Eval[string](tab, `(async () => {
		  window.__lt = []; new PerformanceObserver(l => { for (const e of l.getEntries()) __lt.push(Math.round(e.duration) + "@" + Math.round(e.startTime - window.__t0)); }).observe({type: "longtask"});
		  window.__loaf = []; new PerformanceObserver(l => { for (const e of l.getEntries()) if (e.duration > 40) __loaf.push({d: Math.round(e.duration), block: Math.round(e.blockingDuration), style: Math.round(e.renderStart ? e.startTime + e.duration - e.styleAndLayoutStart : 0), render: Math.round(e.renderStart ? e.startTime+e.duration-e.renderStart : 0), scripts: e.scripts.map(s => s.invoker + ":" + Math.round(s.duration) + "/fsl" + Math.round(s.forcedStyleAndLayoutDuration))}); }).observe({type: "long-animation-frame"});
		  const s = document.querySelector(`+"`"+sel+"`"+`);
		  let out = "";
		  for (let rep = 0; rep < `+cmp.Or(os.Getenv("PROF_REPEAT"), "1")+`; rep++) {
		    __lt.length = 0; __loaf.length = 0; window.__t0 = performance.now();
		    const back = rep % 2 == 1;
		    `+dragSteps+`
		    window.__tc = Math.round(performance.now() - __t0); s.dispatchEvent(new Event("change", {bubbles: true}));
		    await new Promise(r => setTimeout(r, 1500));
		    out += "drag " + (rep + 1) + ": change@" + __tc + " longtasks " + JSON.stringify(__lt) + " marks " + JSON.stringify(performance.getEntriesByType("mark").filter(m => m.startTime > __t0 - 500).map(m => m.name + "@" + Math.round(m.startTime - __t0))) + "\nloaf " + JSON.stringify(__loaf) + "\n";
		  }
		  return out;
		})()`))
	}
	p := browsertest.Call(tab, profiler.Stop, cdp.Empty{})
	self := map[string]float64{}
	byID := map[int64]*profiler.ProfileNode{}
	for _, n := range p.Profile.Nodes {
		byID[n.ID] = n
	}
	counts := map[int64]int{}
	for _, s := range p.Profile.Samples {
		counts[s]++
	}
	total := 0
	parent := map[int64]int64{}
	for _, n := range p.Profile.Nodes {
		for _, c := range n.Children {
			parent[c] = n.ID
		}
	}
	incl := map[string]float64{}
	for id, c := range counts {
		n := byID[id]
		total += c
		self[n.CallFrame.FunctionName] += float64(c)
		seen := map[string]bool{}
		for x := id; x != 0; x = parent[x] {
			f := byID[x].CallFrame.FunctionName
			if !seen[f] {
				incl[f] += float64(c)
				seen[f] = true
			}
		}
	}
	dump := func(m map[string]float64, title string) {
		type kv struct {
			k string
			v float64
		}
		var kvs []kv
		for k, v := range m {
			kvs = append(kvs, kv{k, v})
		}
		slices.SortFunc(kvs, func(a, b kv) int { return int(b.v - a.v) })
		fmt.Println("==", title, "samples", total, "(200µs each)")
		for _, x := range kvs[:min(120, len(kvs))] {
			if strings.TrimSpace(x.k) == "" {
				x.k = "(anon)"
			}
			fmt.Printf("%7.1f ms  %s\n", x.v*0.2, x.k)
		}
	}
	dump(self, "self")
	dump(incl, "inclusive")
}
