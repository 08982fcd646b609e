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

	OnChange func(ctx app.Context, digits int, exact bool)
}

// Render draws a select for the decimals and a checkbox for exactness.
func (d *DisplayOptions) Render() app.UI {
	options := []app.UI{app.Option().Value("-1").Selected(d.Digits < 0).Text("default")}
	for i := 0; i <= 6; i++ {
		options = append(options, app.Option().Value(strconv.Itoa(i)).Selected(d.Digits == i).Text(strconv.Itoa(i)))
	}
	return app.Div().Class("display-options").Body(
		app.Label().For("opt-digits").Text("Decimals shown"),
		app.Select().ID("opt-digits").Body(options...).OnChange(func(ctx app.Context, e app.Event) {
			n, err := strconv.Atoi(ctx.JSSrc().Get("value").String())
			if err != nil || n < -1 || n > 6 {
				return
			}
			if d.OnChange != nil {
				d.OnChange(ctx, n, d.Exact)
			}
		}),
		app.Label().For("opt-exact").Class("check").Body(
			app.Input().Type("checkbox").ID("opt-exact").Checked(d.Exact).OnChange(func(ctx app.Context, e app.Event) {
				if d.OnChange != nil {
					d.OnChange(ctx, d.Digits, ctx.JSSrc().Get("checked").Bool())
				}
			}),
			app.Text(" Show repeating decimals exactly, e.g. 8.(571428)"),
		),
	)
}
