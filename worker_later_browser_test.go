package main

import (
	"encoding/json"
	"testing"
	"time"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/page"
)

// registerProbe records, in the page's own clock, each call of
// navigator.serviceWorker.register and the reader's last input event.
const registerProbe = `(() => {
  window.__reg = []; window.__lastInput = 0;
  addEventListener("input", () => { window.__lastInput = performance.now(); }, true);
  const sw = navigator.serviceWorker;
  if (!sw) return;
  const register = sw.register.bind(sw);
  sw.register = (...args) => { window.__reg.push(performance.now()); return register(...args); };
})()`

// TestBrowserWorkerWaitsForTheStartAndAPause: on a first visit the service
// worker is registered only once the page has started (amz:board-complete)
// and the reader has then been quiet for 2 s; a mouse drag right after the
// start pushes it back until 2 s after the drag's last step. The worker
// then takes the page over (so a first visit still works offline after),
// and on the next visit, which it controls, the page registers it at once,
// before Go starts, as go-app does. The times are the page's own clock, not
// the test's. Without pages.LaterWorker, the first register call comes as
// app.js starts, before the board completes.
func TestBrowserWorkerWaitsForTheStartAndAPause(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(1280, 900))
	browsertest.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: registerProbe})
	tab.Navigate(srv.URL + "/embed/capex?controls=open")
	wasmReady(tab)

	// A drag at once: 40 steps at about 60 Hz with the mouse.
	var box struct{ X, Y, W float64 }
	json.Unmarshal([]byte(browsertest.Eval[string](tab, `(() => {
	  const s = document.getElementById("slider-capex_2026"); s.scrollIntoView({block: "center"});
	  const r = s.getBoundingClientRect(), f = (+s.value - +s.min) / (+s.max - +s.min);
	  return JSON.stringify({X: r.left + 8 + f * (r.width - 16), Y: r.top + r.height / 2, W: r.width});
	})()`)), &box)
	mouse := func(typ input.DispatchMouseEventType, x float64, buttons int64) {
		p := input.DispatchMouseEventParams{Type: typ, X: x, Y: box.Y, Button: input.MouseButtonLeft, Buttons: buttons}
		if typ != input.DispatchMouseEventTypeMouseMoved {
			p.ClickCount = 1
		}
		browsertest.Call(tab, input.DispatchMouseEvent, p)
	}
	mouse(input.DispatchMouseEventTypeMousePressed, box.X, 1)
	for i := 1; i <= 40; i++ {
		t0 := time.Now()
		mouse(input.DispatchMouseEventTypeMouseMoved, box.X+float64((i%20)-10)*box.W/40, 1)
		time.Sleep(16*time.Millisecond - time.Since(t0))
	}
	mouse(input.DispatchMouseEventTypeMouseReleased, box.X, 0)

	tab.WaitFor("the page to register its service worker", func() (bool, string) {
		return browsertest.Eval[int](tab, `window.__reg.length`) > 0, ""
	})
	var got struct {
		Reg                 []float64
		Complete, LastInput float64
	}
	json.Unmarshal([]byte(browsertest.Eval[string](tab, `JSON.stringify({Reg: window.__reg, LastInput: window.__lastInput,
	  Complete: (performance.getEntriesByName("amz:board-complete")[0] || {startTime: -1}).startTime})`)), &got)
	if got.Complete < 0 {
		t.Fatal("no amz:board-complete mark: the page never completed")
	}
	if got.LastInput == 0 {
		t.Fatal("the drag sent no input event: the test tests nothing")
	}
	reg := got.Reg[0]
	if reg < got.Complete+2000 {
		t.Errorf("registered at %.0f ms, %.0f ms after the board completed; want 2 s after at least", reg, reg-got.Complete)
	}
	if reg < got.LastInput+2000 {
		t.Errorf("registered at %.0f ms, %.0f ms after the drag's last step; want 2 s after at least", reg, reg-got.LastInput)
	}
	if len(got.Reg) != 1 {
		t.Errorf("register called %d times (at %v); want once", len(got.Reg), got.Reg)
	}
	swControls(tab)

	// The next visit, under the worker: registered at once.
	tab.Navigate(srv.URL + "/embed/capex")
	wasmReady(tab)
	var again struct {
		Reg    []float64
		GoMain float64
	}
	json.Unmarshal([]byte(browsertest.Eval[string](tab, `JSON.stringify({Reg: window.__reg,
	  GoMain: (performance.getEntriesByName("amz:go-main")[0] || {startTime: -1}).startTime})`)), &again)
	if len(again.Reg) != 1 || again.GoMain < 0 || again.Reg[0] > again.GoMain {
		t.Errorf("under the worker: register calls at %v, Go's main at %.0f ms; want one call, before Go's main", again.Reg, again.GoMain)
	}
}
