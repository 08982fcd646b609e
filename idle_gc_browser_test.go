package main

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"amzwidget/internal/browsertest"
	"amzwidget/internal/idlegc"

	"github.com/chromedp/cdproto/input"
)

// TestBrowserCollectsGarbageWhileTheReaderPauses drags the capex slider
// with the mouse on a fresh embed, 40 steps at 60 Hz. Under Go's own
// pacing such a drag ran 8 to 10 collections, the first ones 80–140 ms
// each (package idlegc). It checks that none runs mid-drag, that one runs
// once the reader has been quiet for idlegc.Quiet and not before, and
// that the drag moved the slider.
func TestBrowserCollectsGarbageWhileTheReaderPauses(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(1280, 900))
	tab.Navigate(srv.URL + "/embed/capex?controls=open")
	wasmReady(tab)
	var box struct{ X, Y, W, Start float64 }
	json.Unmarshal([]byte(browsertest.Eval[string](tab, `(() => {
	  const s = document.getElementById("slider-capex_2026"); s.scrollIntoView({block: "center"});
	  const r = s.getBoundingClientRect(), f = (+s.value - +s.min) / (+s.max - +s.min);
	  return JSON.stringify({X: r.left + 8 + f * (r.width - 16), Y: r.top + r.height / 2, W: r.width, Start: +s.value});
	})()`)), &box)
	mouse := func(typ input.DispatchMouseEventType, x float64, buttons int64) {
		p := input.DispatchMouseEventParams{Type: typ, X: x, Y: box.Y, Button: input.MouseButtonLeft, Buttons: buttons}
		if typ != input.DispatchMouseEventTypeMouseMoved {
			p.ClickCount = 1
		}
		browsertest.Call(tab, input.DispatchMouseEvent, p)
	}
	now := func() float64 { return browsertest.Eval[float64](tab, `performance.now()`) }
	marks := func(name string, from, to float64) int {
		return browsertest.Eval[int](tab, fmt.Sprintf(`performance.getEntriesByName(%q).filter(m => m.startTime >= %f && m.startTime <= %f).length`, name, from, to))
	}
	pressed := now()
	mouse(input.DispatchMouseEventTypeMousePressed, box.X, 1)
	// Back and forth over the thumb's track, so that every step changes
	// the value.
	for i := 1; i <= 40; i++ {
		t0 := time.Now()
		x := box.X + float64((i%20)-10)*box.W/40
		mouse(input.DispatchMouseEventTypeMouseMoved, x, 1)
		time.Sleep(16*time.Millisecond - time.Since(t0))
	}
	mouse(input.DispatchMouseEventTypeMouseReleased, box.X+float64((40%20)-10)*box.W/40, 0)
	released := now()
	if n := marks("amz:gc-cycle", pressed, released); n != 0 {
		t.Errorf("%d collections ran mid-drag; want none", n)
	}
	value := browsertest.Eval[string](tab, `document.getElementById("slider-capex_2026").value`)
	if value == fmt.Sprint(box.Start) {
		t.Errorf("the drag left the slider at its start, %s", value)
	}
	// The collection comes once the reader has been quiet for Quiet.
	quiet := float64(idlegc.Quiet / time.Millisecond)
	tab.WaitFor("a collection after the drag", func() (bool, string) {
		n := marks("amz:gc", released, now())
		return n > 0, fmt.Sprintf("%d collections %.0f ms after the release", n, now()-released)
	})
	at := browsertest.Eval[float64](tab, fmt.Sprintf(`performance.getEntriesByName("amz:gc").find(m => m.startTime >= %f).startTime`, released))
	if at-released < quiet-200 {
		t.Errorf("the collection ran %.0f ms after the release, before the reader had been quiet for %.0f ms", at-released, quiet)
	}
	if n := marks("amz:gc-cycle", released, now()); n == 0 {
		t.Error("the collection after the drag is not counted as a cycle")
	}
}
