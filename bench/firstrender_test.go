//go:build profile

package bench

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/page"
)

// TestFirstRender times the start-up of pages served by one or more
// running servers, alternating between them load by load so that they
// share the machine's ups and downs, and prints each server's medians:
// Go's main starting, the board mounted, the loader removed, the board
// complete (everything drawn: amz:board-complete, else the loader's
// removal), the longest task, and the number of elements in the page,
// after the load and at the loader's removal. It is a tool for
// comparing two builds, not a test (FR_JS, a JavaScript expression that
// gives a string, is printed for each page's first load):
//
//	FR_SERVERS=http://127.0.0.1:18311,http://127.0.0.1:18312 FR_PATHS=/,/embed/capex FR_N=9 \
//	  go test -tags profile -run TestFirstRender -v ./bench
func TestFirstRender(t *testing.T) {
	servers := strings.Split(os.Getenv("FR_SERVERS"), ",")
	paths := strings.Split(cmp.Or(os.Getenv("FR_PATHS"), "/"), ",")
	n, _ := strconv.Atoi(cmp.Or(os.Getenv("FR_N"), "5"))
	const probe = `(() => {
  window.__fr = {long: 0};
  new PerformanceObserver(l => { for (const e of l.getEntries()) window.__fr.long = Math.max(window.__fr.long, e.duration); }).observe({type: "longtask", buffered: true});
  const mo = new MutationObserver(() => {
    if (!document.getElementById("app-wasm-loader") && !window.__fr.ready) { window.__fr.ready = performance.now(); window.__fr.readyNodes = document.body.getElementsByTagName("*").length; }
  });
  document.addEventListener("DOMContentLoaded", () => mo.observe(document.body, {childList: true, subtree: true}));
})();`
	type sample struct{ WasmEnd, GoInit, GoMain, Mounted, Ready, Complete, Long, Nodes, ReadyNodes float64 }
	res := map[string][]sample{}
	for i := 0; i < n; i++ {
		for _, p := range paths {
			for _, s := range servers {
				tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(1280, 900))
				browsertest.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: probe})
				tab.Navigate(s + p)
				tab.WaitFor("loader removed", func() (bool, string) {
					return browsertest.Eval[bool](tab, `!!(window.__fr && window.__fr.ready)`), ""
				})
				// Long tasks are reported after they end: give the last one
				// time to arrive.
				browsertest.Eval[bool](tab, `new Promise(r => setTimeout(() => r(true), 300))`)
				var x sample
				js := `JSON.stringify({WasmEnd: (performance.getEntriesByType("resource").find(e => e.name.endsWith("/app.wasm")) || {}).responseEnd || 0,
				  GoInit: (performance.getEntriesByName("amz:go-init")[0] || {}).startTime || 0,
				  GoMain: (performance.getEntriesByName("amz:go-main")[0] || {}).startTime || 0,
				  Mounted: (performance.getEntriesByName("amz:board-mounted")[0] || {}).startTime || 0,
				  Complete: (performance.getEntriesByName("amz:board-complete")[0] || {}).startTime || __fr.ready,
				  Ready: __fr.ready, Long: __fr.long, Nodes: document.body.getElementsByTagName("*").length, ReadyNodes: __fr.readyNodes})`
				if err := json.Unmarshal([]byte(browsertest.Eval[string](tab, js)), &x); err != nil {
					t.Fatal(err)
				}
				res[s+p] = append(res[s+p], x)
				if js := os.Getenv("FR_JS"); js != "" && i == 0 {
					fmt.Println(s+p, browsertest.Eval[string](tab, js))
				}
				// Closed before the next load: left open, a page's later
				// work (its service worker's install above all) fell on
				// the next load, another server's.
				tab.Close()
			}
		}
	}
	med := func(xs []sample, f func(sample) float64) float64 {
		v := make([]float64, len(xs))
		for i, x := range xs {
			v[i] = f(x)
		}
		slices.Sort(v)
		return v[len(v)/2]
	}
	fmt.Printf("%-40s %7s %7s %7s %7s %7s %8s %10s %9s %9s %7s %6s %6s\n", "page (median of "+strconv.Itoa(n)+")", "wasm", "go-init", "go-main", "mounted", "ready", "complete", "main→mount", "mount→rdy", "main→all", "longest", "nodes", "@ready")
	for _, p := range paths {
		for _, s := range servers {
			xs := res[s+p]
			fmt.Printf("%-40s %7.0f %7.0f %7.0f %7.0f %7.0f %8.0f %10.0f %9.0f %9.0f %7.0f %6.0f %6.0f\n", s+p,
				med(xs, func(x sample) float64 { return x.WasmEnd }),
				med(xs, func(x sample) float64 { return x.GoInit }),
				med(xs, func(x sample) float64 { return x.GoMain }),
				med(xs, func(x sample) float64 { return x.Mounted }),
				med(xs, func(x sample) float64 { return x.Ready }),
				med(xs, func(x sample) float64 { return x.Complete }),
				med(xs, func(x sample) float64 { return x.Mounted - x.GoMain }),
				med(xs, func(x sample) float64 { return x.Ready - x.Mounted }),
				med(xs, func(x sample) float64 { return x.Complete - x.GoMain }),
				med(xs, func(x sample) float64 { return x.Long }),
				med(xs, func(x sample) float64 { return x.Nodes }),
				med(xs, func(x sample) float64 { return x.ReadyNodes }))
		}
	}
}
