package widget

import (
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// DisplayOptions lets the reader choose how many decimals are shown and
// whether repeating decimals are shown exactly. Like the figures, the
// choice is kept in the URL (digits, exact).
type DisplayOptions struct {
	app.Compo

	Digits int // -1: each unit's default
	Exact  bool

	// Owner receives the choice. An interface holding a pointer, not a
	// func field, so that the options compare equal when unchanged and are
	// not redrawn at every keystroke (see FigureInput.Owner).
	Owner displayOwner
	// Suffix makes the controls' ids unique where several are on one
	// page ("-capex"); "" on the dashboard.
	Suffix string
}

// displayOwner is what DisplayOptions reports to: the Board.
type displayOwner interface {
	display(ctx app.Context, digits int, exact bool)
}

// Render draws a select for the decimals and a checkbox for exactness.
func (d *DisplayOptions) Render() app.UI {
	option := func(value, text string, selected bool) app.UI {
		o := app.Option().Value(value).Text(text)
		if ownState(selected) {
			o = o.Selected(selected)
		}
		return o
	}
	options := []app.UI{option("-1", "default", d.Digits < 0)}
	for i := 0; i <= 6; i++ {
		options = append(options, option(strconv.Itoa(i), strconv.Itoa(i), d.Digits == i))
	}
	exact := app.Input().Type("checkbox").ID("opt-exact" + d.Suffix)
	if ownState(d.Exact) {
		exact = exact.Checked(d.Exact)
	}
	return app.Div().Class("display-options").Body(
		app.Label().For("opt-digits"+d.Suffix).Text("Decimals shown"),
		app.Select().ID("opt-digits"+d.Suffix).Body(options...).OnChange(func(ctx app.Context, e app.Event) {
			n, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
			if err != nil || n < -1 || n > 6 {
				return
			}
			if d.Owner != nil {
				d.Owner.display(ctx, n, d.Exact)
			}
		}),
		app.Label().For("opt-exact"+d.Suffix).Class("check").Body(
			exact.OnChange(func(ctx app.Context, e app.Event) {
				if d.Owner != nil {
					d.Owner.display(ctx, d.Digits, ctx.JSSrc().Get("checked").Bool())
				}
			}),
			app.Text(" Show repeating decimals exactly, e.g. 1 ÷ 7 = 0.(142857)"),
		),
	)
}
