package widget

import (
	"amzwidget/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ComparisonCard shows one comparison's result under the current
// assumptions, with its explanation and the verdicts on the claims the
// articles make about it.
type ComparisonCard struct {
	app.Compo

	Result calc.Result
	// Note is the comparison's explanation with the figures in force
	// (calc.Note).
	Note     string
	Verdicts []calc.Verdict
	Style    calc.Style
}

// Render draws the card. A result that cannot be computed says why, in
// place of a number.
func (c *ComparisonCard) Render() app.UI {
	r := c.Result
	cmp := r.Comparison
	var value app.UI
	if r.OK() {
		value = app.P().Class("value").
			DataSet("exact", r.Value.Lo.String()).
			Text(keepTogether(calc.FormatInterval(r.Value, r.Unit, c.Style)))
	} else {
		value = app.P().Class("value", "cannot").Text("Can't be computed: " + r.Err.Error() + ".")
	}
	return app.Article().Class("card").ID("cmp-"+cmp.ID).Body(
		app.H3().Text(cmp.Label),
		value,
		app.If(c.Note != "", func() app.UI { return app.P().Class("note").Text(c.Note) }),
		app.Range(c.Verdicts).Slice(func(i int) app.UI {
			return &ClaimVerdict{Verdict: c.Verdicts[i], Style: c.Style}
		}),
	)
}
