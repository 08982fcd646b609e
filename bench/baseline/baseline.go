// Package baseline is the benchmark's yardstick: a bare go-app v10 client
// with one component doing one shopspring/decimal division, so that the
// widget's size and speed can be reported as ratios against the smallest
// go-app app that does exact decimal arithmetic.
package baseline

import (
	"amzwidget/internal/startmark"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// Path is the baseline's only route.
const Path = "/baseline"

// Calc divides two typed decimals.
type Calc struct {
	app.Compo
	a, b string
}

// OnMount marks when the component is first drawn, like the widget's board.
func (c *Calc) OnMount(ctx app.Context) { startmark.Mark("amz:board-mounted") }

// Render draws two inputs and their quotient.
func (c *Calc) Render() app.UI {
	if c.a == "" {
		c.a, c.b = "30000", "350000"
	}
	out := "—"
	x, err1 := decimal.NewFromString(c.a)
	y, err2 := decimal.NewFromString(c.b)
	if err1 == nil && err2 == nil && !y.IsZero() {
		out = x.DivRound(y, 4).String()
	}
	return app.Div().Body(
		app.Input().ID("in-a").Value(c.a).OnInput(func(ctx app.Context, e app.Event) { c.a = ctx.JSSrc().Get("value").String() }),
		app.Input().ID("in-b").Value(c.b).OnInput(func(ctx app.Context, e app.Event) { c.b = ctx.JSSrc().Get("value").String() }),
		app.P().Class("card").Body(app.Span().Class("value").ID("result").Text(out)),
	)
}

// Routes registers the baseline's route.
func Routes() { app.Route(Path, func() app.Composer { return &Calc{} }) }
