package widget

import (
	"strconv"
	"strings"

	"amzwidget/data"
	"amzwidget/internal/startmark"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// At start, in the browser, the board's first render draws only what the
// reader can see at once, and the rest in later tasks, one stage per task
// once the page has been painted. go-app builds its tree one syscall/js
// call at a time and removes its loader only when that first render is
// done, so the reader waited for elements they could not see; and drawn
// in one task, the rest kept the page from answering a reader's first
// slider step for up to half a second. Left for later are:
//
//   - on the embed pages, the contents of a story's closed disclosures:
//     "Claims checked" (stage 1), then "Change the assumptions" (stage 2),
//     about half of the page's elements; a disclosure opened before then
//     draws them at once;
//   - on the dashboard, every topic section but the first (a stage each),
//     then the embed-code generator, each held by an empty placeholder of
//     the height the prerendered one had, under the same id, so that the
//     page neither jumps nor loses the reader's scroll position.
//
// Between two stages the browser paints and handles input. Find-in-page
// finds everything once the rest is drawn. The prerendered HTML, and so a
// reader without JavaScript, always has everything. A reader who typed or
// moved the focus before the wasm ran, or a link to an anchor, gets
// everything in the first render.

// drawsAll reports whether the board draws everything: always on the
// server, and in the browser once every stage is drawn.
func (b *Board) drawsAll() bool { return !app.IsClient || b.drawnAll }

// drawsStage reports whether the board draws stage k (from 1) of the rest.
func (b *Board) drawsStage(k int) bool { return b.drawsAll() || b.drawn >= k }

// laterStages is the number of stages the rest is drawn in: on the embed
// pages the claims, then the assumptions; on the dashboard each section
// after the first, then the embed-code generator.
func (b *Board) laterStages() int {
	if b.Story {
		return 2
	}
	n := 0
	for _, t := range b.Data.Topics {
		if b.Group == "" || b.Group == t.ID {
			n++
		}
	}
	if b.Group != "" {
		// No embed-code generator on a topic's own dashboard.
		return n - 1
	}
	return n
}

// planLater decides, at the first render in the browser, whether anything
// is left for later (see above).
func (b *Board) planLater(u string) {
	if b.earlyChanged || b.focus != nil || hasFragment(u) || b.laterStages() == 0 {
		b.drawnAll = true
	}
}

// hasFragment reports whether the URL u names an anchor.
func hasFragment(u string) bool {
	_, frag, _ := strings.Cut(u, "#")
	return frag != ""
}

// drawRestLater draws the rest, a stage at a time, each in a task after
// the page has been painted.
func (b *Board) drawRestLater(ctx app.Context) {
	if b.drawsAll() {
		startmark.Mark("amz:board-complete")
		return
	}
	afterPaint(func() {
		ctx.Dispatch(func(ctx app.Context) {
			b.drawn++
			b.drawnAll = b.drawn >= b.laterStages()
			ctx.Defer(func(ctx app.Context) { b.drawRestLater(ctx) })
		})
	})
}

// laterKey is the part of a topic's key (see topicKey) that changes with
// each stage of the rest drawn.
func (b *Board) laterKey() string {
	if b.drawsAll() {
		return ""
	}
	return "|later" + strconv.Itoa(b.drawn)
}

// dashboardSection is the n-th section of the dashboard (from 0): topic
// t, or, while the rest waits, a placeholder for it after the first.
func (b *Board) dashboardSection(t data.Topic, n int) app.UI {
	if n == 0 || b.drawsStage(n) {
		return b.topicView(t, false, 0)
	}
	return laterPlaceholder("topic-"+t.ID, "topic", "topic-"+t.ID)
}

// embedCode is the dashboard's embed-code generator, or, while the rest
// waits, a placeholder for it.
func (b *Board) embedCode() app.UI {
	if b.drawsAll() {
		return &EmbedCode{Data: b.Data, Query: b.figureQuery()}
	}
	return laterPlaceholder("embed-code", "embed-code")
}

// afterPaintLimit is how long afterPaint waits, in milliseconds, where no
// animation frame comes: a hidden tab, or a frame scrolled out of view,
// gets none.
const afterPaintLimit = 250

// afterPaint calls f once, in a task after the browser has painted the
// page: a timeout of 0 set from the next animation frame, or after
// afterPaintLimit where frames do not come.
func afterPaint(f func()) {
	w := app.Window()
	called := false
	call := func() {
		// JavaScript calls Go on one thread: no lock is needed.
		if !called {
			called = true
			f()
		}
	}
	// Each function releases itself when called; frames that never come
	// leave two functions unreleased, once per page.
	var frame, task, limit app.Func
	task = app.FuncOf(func(app.Value, []app.Value) any {
		task.Release()
		call()
		return nil
	})
	frame = app.FuncOf(func(app.Value, []app.Value) any {
		frame.Release()
		w.Call("setTimeout", task, 0)
		return nil
	})
	limit = app.FuncOf(func(app.Value, []app.Value) any {
		limit.Release()
		call()
		return nil
	})
	w.Call("requestAnimationFrame", frame)
	w.Call("setTimeout", limit, afterPaintLimit)
}
