package widget

import (
	"amzwidget/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ResultsList lists a topic's other results compactly, one line each: the
// comparison's short label, its value under the current assumptions, and
// the verdict on any claim the articles make about it (the claims
// themselves are listed in full on demand, beside the list).
type ResultsList struct {
	app.Compo

	ID       string // the list's id, unique on the page
	Title    string
	Results  []calc.Result
	Verdicts []calc.Verdict
	Style    calc.Style
}

// Render draws the list.
func (l *ResultsList) Render() app.UI {
	return app.Div().Class("results").ID(l.ID).Body(
		app.Ul().Class("results-list").Aria("label", l.Title).Body(app.Range(l.Results).Slice(func(i int) app.UI {
			r := l.Results[i]
			cmp := r.Comparison
			var value app.UI
			if r.OK() {
				value = app.Span().Class("value").DataSet("exact", r.Value.Lo.String()).
					Text(keepTogether(calc.FormatInterval(r.Value, r.Unit, l.Style)))
			} else {
				value = app.Span().Class("value", "cannot").Text("Can't be computed")
			}
			var chips []app.UI
			for _, v := range l.Verdicts {
				if v.Claim.Comparison != cmp.ID {
					continue
				}
				chips = append(chips, app.Span().Class("visually-hidden").Text("The article’s claim: "), chip(v.Outcome))
			}
			return app.Li().Class("result").ID("cmp-"+cmp.ID).Body(
				app.Span().Class("result-label").Body(
					app.Text(cmp.ShortLabel()+" "),
					app.Span().Class("result-check").Body(chips...),
				),
				value,
				app.If(!r.OK(), func() app.UI {
					return app.Span().Class("result-why").Text(r.Err.Error() + ".")
				}),
			)
		})),
	)
}
