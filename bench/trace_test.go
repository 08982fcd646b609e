//go:build profile

package bench

import (
	"cmp"
	"encoding/json"
	"fmt"
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
// it. A tool for finding what a long task is made of, not a test:
//
//	TRACE_URL=http://127.0.0.1:8000/embed/capex TRACE_SEL='#slider-capex_2026' TRACE_WAIT=300 \
//	  go test -tags profile -run TestTrace -v ./bench
func TestTrace(t *testing.T) {
	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(1280, 900))
	type ev struct {
		Name, Ph, Cat string
		Pid, Tid      int64
		Ts, Dur       float64
		Args          map[string]any
	}
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
		"toplevel", "devtools.timeline", "disabled-by-default-devtools.timeline", "v8", "v8.wasm", "blink", "blink.user_timing", "loading",
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
	var marks []string
	for _, e := range evs {
		if e.Pid == main.pid && strings.HasPrefix(e.Cat, "blink.user_timing") && (e.Ph == "R" || e.Ph == "I" || e.Ph == "n" || e.Ph == "b") {
			marks = append(marks, fmt.Sprintf("%s@%.0f", e.Name, (e.Ts-t0)/1000))
		}
	}
	fmt.Println("marks:", strings.Join(marks, " "))
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
		fmt.Printf("task @%.0f ms: %.0f ms: %s\n", (task.Ts-t0)/1000, task.Dur/1000, strings.Join(parts, "; "))
	}
}
