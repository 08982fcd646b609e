package main

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/input"
)

// TestBrowserMouseDragKeepsTheSliderStill drags each slider of the
// dashboard with the mouse, as issue 18 found it: press on the thumb,
// move 5 px right, then 5 px more. The first move changes the value, and
// with it shows the "changed" badge and the Reset button; nothing may
// move or resize the slider under the pointer, so the second 5 px moves
// the value about as much as the first (it jumped 24 → 28.4 → 66.9 when
// the badge shrank the slider from 243 to 175 px).
func TestBrowserMouseDragKeepsTheSliderStill(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t, browsertest.Viewport(1280, 900))
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	ids := browsertest.Eval[[]string](tab, `[...document.querySelectorAll("input.slider")].map(s => s.id)`)
	if len(ids) < 4 {
		t.Fatalf("only %d sliders on the dashboard", len(ids))
	}
	type state struct {
		Left, Top, Width, Height, Value, Min, Max, Step float64
	}
	read := func(id string) state {
		var s state
		json.Unmarshal([]byte(browsertest.Eval[string](tab, fmt.Sprintf(`(() => {
			const s = document.getElementById(%q), r = s.getBoundingClientRect();
			return JSON.stringify({Left: r.left, Top: r.top, Width: r.width, Height: r.height,
				Value: +s.value, Min: +s.min, Max: +s.max, Step: +s.step});
		})()`, id))), &s)
		return s
	}
	mouse := func(typ input.DispatchMouseEventType, x, y float64, buttons int64) {
		p := input.DispatchMouseEventParams{Type: typ, X: x, Y: y, Button: input.MouseButtonLeft, Buttons: buttons}
		if typ != input.DispatchMouseEventTypeMouseMoved {
			p.ClickCount = 1
		}
		browsertest.Call(tab, input.DispatchMouseEvent, p)
	}
	for _, id := range ids {
		browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { document.getElementById(%q).scrollIntoView({block: "center"}); return true; })()`, id))
		s0 := read(id)
		// The thumb's centre: the track runs between half a thumb (about
		// 8 px) from each end.
		f := (s0.Value - s0.Min) / (s0.Max - s0.Min)
		x := s0.Left + 8 + f*(s0.Width-16)
		y := s0.Top + s0.Height/2
		mouse(input.DispatchMouseEventTypeMousePressed, x, y, 1)
		mouse(input.DispatchMouseEventTypeMouseMoved, x+5, y, 1)
		tab.WaitFor(id+" to change after the first move", func() (bool, string) {
			return read(id).Value != s0.Value, ""
		})
		// Let the first change's redraw (badge, Reset) land before moving on.
		browsertest.Eval[bool](tab, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
		s1 := read(id)
		mouse(input.DispatchMouseEventTypeMouseMoved, x+10, y, 1)
		browsertest.Eval[bool](tab, `new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))`)
		s2 := read(id)
		mouse(input.DispatchMouseEventTypeMouseReleased, x+10, y, 0)

		if s1.Left != s0.Left || s1.Width != s0.Width || s1.Top != s0.Top {
			t.Errorf("%s moved under the pointer mid-drag: left %.1f → %.1f, width %.1f → %.1f, top %.1f → %.1f",
				id, s0.Left, s1.Left, s0.Width, s1.Width, s0.Top, s1.Top)
		}
		// 5 px of a track (width − 16 px) wide covers this much of the
		// span; each move may land up to a step (and a pixel's rounding)
		// off.
		per5 := 5 / (s0.Width - 16) * (s0.Max - s0.Min)
		tol := per5/2 + 2*s0.Step
		// The low end of a range stops at the high end's value (a thumb at
		// the end of its track), rather than being refused and snapping
		// back under the pointer.
		limit := math.Inf(1)
		if strings.HasSuffix(id, "_low") {
			limit = browsertest.Eval[float64](tab, fmt.Sprintf(`+document.getElementById(%q).value`, strings.TrimSuffix(id, "_low")+"_high"))
		}
		want1, want2 := math.Min(s0.Value+per5, limit), math.Min(s0.Value+2*per5, limit)
		if math.Abs(s1.Value-want1) > tol || math.Abs(s2.Value-want2) > tol {
			t.Errorf("%s: two 5 px moves took the value %g → %g → %g, want about %g → %g (±%g; the range's high end is %g)",
				id, s0.Value, s1.Value, s2.Value, want1, want2, tol, limit)
		}
	}
}
