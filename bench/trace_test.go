//go:build profile

package bench

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"math"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/tracing"
	"github.com/chromedp/chromedp"
)

// TestTrace records a Chromium trace of a page's load and of a 40-step
// slider drag started TRACE_WAIT ms after the loader's removal, and
// prints each task of the page's main thread over 50 ms: when it started
// (from the drag's start), how long it took, and the longest events in
// it, with its wall time and its thread (CPU) time. A tool for finding
// what a long task is made of, not a test:
//
//	TRACE_URL=http://127.0.0.1:8000/embed/capex TRACE_SEL='#slider-capex_2026' TRACE_WAIT=300 \
//	  go test -tags profile -count=1 -run TestTrace -v ./bench
//
// It first prints a summary line: the long tasks from the drag's start,
// and the CPU time of V8's background top-tier (TurboFan) compilation
// before and from the drag's start. On a 2-core machine that compilation
// is what stretches a task: a first slider step of 25 ms of CPU took
// 90 ms of wall time while three compiler threads ran.
//
// TRACE_FUNCS=1 adds, for each long task, the Go functions V8 compiled
// on their first call (wasm.CompileLazy, by function index: a name
// section names them) and what the other threads were doing meanwhile,
// and the top-tier compilation in 250 ms buckets; TRACE_FUNCS=all lists
// every lazy compilation; TRACE_TIERUP_FILE=f writes every background
// wasm compilation event to f. TRACE_WINDOW=amz:go-main,amz:board-mounted
// prints what the main thread did between the page's two marks (the first
// of each): the time some event covered, V8's compilations of Go functions on their first
// call (how many, how long: wasm.CompileLazy), and the events that took
// the most time, by name, counting each moment once, at the innermost
// event over 0.1 ms; TRACE_WINDOW_FILE=f writes those compilations to f,
// a line each: the function's index and the compilation's µs.
// traceEvent is an event of a Chromium trace, as TestTrace reads it.
type traceEvent struct {
	Name, Ph, Cat string
	Pid, Tid      int64
	Ts, Dur, TDur float64
	Args          map[string]any
}

func TestTrace(t *testing.T) {
	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(1280, 900))
	type ev = traceEvent
	var (
		mu  sync.Mutex
		evs []ev
	)
	done := make(chan struct{})
	data := chromedp.Events(tab.Ctx, tracing.DataCollected)
	complete := chromedp.Events(tab.Ctx, tracing.TracingComplete)
	go func() {
		for d, err := range data {
			if err != nil {
				return
			}
			for _, v := range d.Value {
				var e ev
				b, _ := json.Marshal(v)
				json.Unmarshal(b, &e)
				mu.Lock()
				evs = append(evs, e)
				mu.Unlock()
			}
		}
	}()
	go func() {
		for range complete {
			close(done)
			return
		}
	}()
	browsertest.Call(tab, tracing.Start, tracing.StartParams{TraceConfig: &tracing.TraceConfig{IncludedCategories: []string{
		"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "disabled-by-default-v8.wasm.detailed", "disabled-by-default-v8.wasm.turbofan", "blink", "blink.user_timing", "loading",
	}}})
	tab.Navigate(os.Getenv("TRACE_URL"))
	tab.WaitFor("wasm", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!document.getElementById("app-wasm-loader")`), ""
	})
	sel := cmp.Or(os.Getenv("TRACE_SEL"), "#slider-workforce")
	browsertest.Eval[bool](tab, `(async () => {
	  await new Promise(r => setTimeout(r, `+cmp.Or(os.Getenv("TRACE_WAIT"), "300")+`));
	  performance.mark("drag-start");
	  const s = document.querySelector(`+"`"+sel+"`"+`), back = false;
	  `+dragSteps+`
	  s.dispatchEvent(new Event("change", {bubbles: true}));
	  performance.mark("drag-end");
	  await new Promise(r => setTimeout(r, 1000));
	  return true;
	})()`)
	browsertest.Call(tab, tracing.End, cdp.Empty{})
	select {
	case <-done:
	case <-time.After(30 * time.Second):
		t.Fatal("no trace")
	}
	// The events are read on their own subscription: give the last
	// buckets, sent before the completion, time to be read.
	time.Sleep(200 * time.Millisecond)
	mu.Lock()
	defer mu.Unlock()
	var main struct{ pid, tid int64 }
	var t0 float64
	for _, e := range evs {
		if e.Ph == "M" && e.Name == "thread_name" && e.Args["name"] == "CrRendererMain" {
			// The page's renderer: the one with the drag's mark.
			for _, m := range evs {
				if m.Name == "drag-start" && m.Pid == e.Pid {
					main.pid, main.tid, t0 = e.Pid, e.Tid, m.Ts
				}
			}
		}
	}
	threads := map[[2]int64]string{}
	for _, e := range evs {
		if e.Ph == "M" && e.Name == "thread_name" {
			threads[[2]int64{e.Pid, e.Tid}] = fmt.Sprint(e.Args["name"])
		}
	}
	var marks []string
	for _, e := range evs {
		if e.Pid == main.pid && strings.HasPrefix(e.Cat, "blink.user_timing") && (e.Ph == "R" || e.Ph == "I" || e.Ph == "n" || e.Ph == "b") {
			marks = append(marks, fmt.Sprintf("%s@%.0f", e.Name, (e.Ts-t0)/1000))
		}
	}
	fmt.Println("marks:", strings.Join(marks, " "))
	if os.Getenv("TRACE_FUNCS") != "" {
		// V8's background compilation of hot functions (TurboFan), in
		// 250 ms buckets from the drag's start.
		bucket := map[int]float64{}
		for _, e := range evs {
			if e.Ph == "X" && e.Pid == main.pid && e.Name == "wasm.TopTierCompilation" {
				bucket[int(math.Floor((e.Ts-t0)/250000))] += e.Dur
			}
		}
		var bs []string
		for _, k := range slices.Sorted(maps.Keys(bucket)) {
			bs = append(bs, fmt.Sprintf("%d:%.0f", k*250, bucket[k]/1000))
		}
		fmt.Println("top-tier compilation (ms per 250 ms from drag start):", strings.Join(bs, " "))
		if f := os.Getenv("TRACE_TIERUP_FILE"); f != "" {
			// Every function compiled by the top tier: when, how long, which.
			var out strings.Builder
			for _, e := range evs {
				if e.Ph == "X" && e.Pid == main.pid && e.Tid != main.tid && strings.Contains(e.Cat, "wasm") {
					fmt.Fprintf(&out, "%s %.0f %.1f %.1f %v\n", e.Name, (e.Ts-t0)/1000, e.Dur/1000, e.TDur/1000, e.Args)
				}
			}
			os.WriteFile(f, []byte(out.String()), 0o644)
		}
	}
	if w := os.Getenv("TRACE_WINDOW"); w != "" {
		traceWindow(w, evs, main.pid, main.tid)
	}
	// A summary, for comparing builds over several runs: the main
	// thread's long tasks from the drag's start, and the CPU time of V8's
	// top-tier (TurboFan) compilation in the background, before and from
	// the drag's start.
	var long int
	var longest, tierBefore, tierAfter float64
	for _, e := range evs {
		if e.Pid != main.pid || e.Ph != "X" {
			continue
		}
		switch {
		case e.Tid == main.tid && e.Name == "ThreadControllerImpl::RunTask" && e.Dur >= 50000 && e.Ts >= t0:
			long++
			longest = max(longest, e.Dur/1000)
		case e.Name == "wasm.TopTierCompilation" && e.Ts < t0:
			tierBefore += e.TDur / 1000
		case e.Name == "wasm.TopTierCompilation":
			tierAfter += e.TDur / 1000
		}
	}
	fmt.Printf("summary: %d long tasks from the drag's start, longest %.0f ms; top-tier compilation CPU %.0f ms before, %.0f ms from the drag's start\n", long, longest, tierBefore, tierAfter)
	for _, task := range evs {
		if task.Pid != main.pid || task.Tid != main.tid || task.Ph != "X" || task.Name != "ThreadControllerImpl::RunTask" || task.Dur < 50000 {
			continue
		}
		var in []ev
		for _, e := range evs {
			if e.Pid == main.pid && e.Tid == main.tid && e.Ph == "X" && e.Ts >= task.Ts && e.Ts+e.Dur <= task.Ts+task.Dur && e.Name != task.Name && e.Dur > 3000 {
				in = append(in, e)
			}
		}
		slices.SortFunc(in, func(a, b ev) int { return cmp.Compare(b.Dur, a.Dur) })
		var parts []string
		for _, e := range in[:min(10, len(in))] {
			parts = append(parts, fmt.Sprintf("%s %.0f", e.Name, e.Dur/1000))
		}
		fmt.Printf("task @%.0f ms: %.0f ms (thread %.0f ms): %s\n", (task.Ts-t0)/1000, task.Dur/1000, task.TDur/1000, strings.Join(parts, "; "))
		if os.Getenv("TRACE_FUNCS") != "" {
			// The functions compiled on first call in this task, and how
			// long each took, for a name section to name.
			var n int
			var sum float64
			var fs []string
			for _, e := range evs {
				if e.Pid == main.pid && e.Tid == main.tid && e.Name == "wasm.CompileLazy" && e.Ts >= task.Ts && e.Ts <= task.Ts+task.Dur {
					n++
					sum += e.Dur
					if e.Dur > 1000 || os.Getenv("TRACE_FUNCS") == "all" {
						fs = append(fs, fmt.Sprintf("%v:%.0f/%.0f", e.Args["func_index"], e.Dur/1000, e.TDur/1000))
					}
				}
			}
			fmt.Printf("  %d lazy compilations, %.0f ms: %s\n", n, sum/1000, strings.Join(fs, " "))
			// What the other threads were busy with meanwhile: the top
			// events of each, by the time spent within the task.
			busy := map[string]float64{}
			for _, e := range evs {
				if e.Ph != "X" || (e.Pid == main.pid && e.Tid == main.tid) || e.Dur < 1000 {
					continue
				}
				lo, hi := max(e.Ts, task.Ts), min(e.Ts+e.Dur, task.Ts+task.Dur)
				if hi > lo {
					busy[fmt.Sprintf("%s/%s", threads[[2]int64{e.Pid, e.Tid}], e.Name)] += hi - lo
				}
			}
			keys := slices.Collect(maps.Keys(busy))
			slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(busy[b], busy[a]) })
			for _, k := range keys[:min(8, len(keys))] {
				fmt.Printf("    %s %.0f\n", k, busy[k]/1000)
			}
		}
	}
}

// traceWindow prints what the main thread (pid, tid) did between the first
// events of two marks, "from,to" (see TestTrace).
func traceWindow(marks string, evs []traceEvent, pid, tid int64) {
	from, to, _ := strings.Cut(marks, ",")
	var lo, hi float64
	for _, e := range evs {
		if e.Pid != pid {
			continue
		}
		if e.Name == from && lo == 0 {
			lo = e.Ts
		}
		if e.Name == to && hi == 0 {
			hi = e.Ts
		}
	}
	if lo == 0 || hi <= lo {
		fmt.Printf("window %s: marks not found in order (%.0f, %.0f)\n", marks, lo, hi)
		return
	}
	var in []traceEvent
	var lazyN int
	var lazy float64
	var lazyList strings.Builder
	for _, e := range evs {
		if e.Pid != pid || e.Tid != tid || e.Ph != "X" || e.Ts+e.Dur < lo || e.Ts > hi {
			continue
		}
		in = append(in, e)
		if e.Name == "wasm.CompileLazy" {
			lazyN++
			lazy += min(e.Ts+e.Dur, hi) - max(e.Ts, lo)
			fmt.Fprintf(&lazyList, "%v %.0f\n", e.Args["func_index"], e.Dur)
		}
	}
	// Self time by name: each 0.1 ms step of the window goes to the
	// innermost (shortest) event over 0.1 ms covering it.
	self := map[string]float64{}
	var busy float64
	for t := lo; t < hi; t += 100 {
		best := -1
		for i, e := range in {
			if e.Dur >= 100 && e.Ts <= t && t < e.Ts+e.Dur && (best < 0 || e.Dur < in[best].Dur) {
				best = i
			}
		}
		if best >= 0 {
			self[in[best].Name] += 100
			busy += 100
		}
	}
	keys := slices.Collect(maps.Keys(self))
	slices.SortFunc(keys, func(a, b string) int { return cmp.Compare(self[b], self[a]) })
	var parts []string
	for _, k := range keys[:min(14, len(keys))] {
		parts = append(parts, fmt.Sprintf("%s %.1f", k, self[k]/1000))
	}
	if f := os.Getenv("TRACE_WINDOW_FILE"); f != "" {
		os.WriteFile(f, []byte(lazyList.String()), 0o644)
	}
	fmt.Printf("window %s: %.0f ms, main thread busy %.0f ms; %d lazy compilations, %.0f ms; by innermost event: %s\n",
		marks, (hi-lo)/1000, busy/1000, lazyN, lazy/1000, strings.Join(parts, "; "))
}
