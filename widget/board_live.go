package widget

import (
	"strings"
	"time"

	"amzwidget/calc"
	"amzwidget/internal/idlegc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// announceDelay is how long the reader must pause typing before the
// recomputed results are announced: one announcement per change, not one
// per keystroke of a long number.
const announceDelay = 700 * time.Millisecond

// liveRegion is the board's one polite live region. It is always in the
// page (an empty region added later is not watched by every screen
// reader) and visually hidden.
func (b *Board) liveRegion() app.UI {
	return app.Div().ID("announce").Class("visually-hidden").Role("status").
		Aria("live", "polite").Aria("atomic", "true").Text(b.announcement)
}

// schedule queues an announcement of what changed; a later change within
// announceDelay replaces it. Every recomputation, accepted or refused,
// comes through here: the reader is busy, and Go's garbage waits (see
// internal/idlegc).
func (b *Board) schedule(ctx app.Context, extra string) {
	idlegc.Touch()
	b.announceGen++
	gen := b.announceGen
	ctx.After(announceDelay, func(ctx app.Context) {
		if gen != b.announceGen {
			ctx.PreventUpdate()
			return
		}
		b.announcement = b.summary(extra)
	})
}

// summary lists the board's results whose displayed text changed since
// the last announcement ("Both rounds as a share of the corporate
// workforce: 10%"), after extra (a refused value's message).
func (b *Board) summary(extra string) string {
	st := b.sc.Style()
	if b.announced == nil {
		b.announced = map[string]string{}
	}
	var parts []string
	if extra != "" {
		parts = append(parts, extra)
	}
	for _, c := range b.cmps {
		r, ok := b.res.Get(c.ID)
		if !ok {
			continue
		}
		text := "can't be computed"
		if r.OK() {
			text = calc.FormatInterval(r.Value, r.Unit, st)
		}
		if b.announced[c.ID] != text {
			b.announced[c.ID] = text
			parts = append(parts, c.Label+": "+text)
		}
	}
	return strings.Join(parts, ". ")
}

// remember records the results as they are first shown, so that the first
// announcement lists only what the reader's change altered.
func (b *Board) remember() {
	b.announced = map[string]string{}
	b.summary("")
}
