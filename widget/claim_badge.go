package widget

import (
	"amzwidget/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ClaimBadge is the compact verdict on one of the articles' claims, shown
// right under a topic's answer: the verdict word first, then the
// article's words; the figures behind the verdict and the rule open on
// demand (a native disclosure, which works without JavaScript too).
type ClaimBadge struct {
	app.Compo

	Verdict calc.Verdict
	// Subject names what the claim is about when that is not the answer
	// right above the badge ("" when it is).
	Subject string
	Style   calc.Style
}

// Render draws the badge.
func (c *ClaimBadge) Render() app.UI {
	v := c.Verdict
	says := "Article: "
	if c.Subject != "" {
		says = c.Subject + ", article: "
	}
	return app.Details().
		Class("claim-badge", "verdict-"+outcomeClass(v.Outcome)).
		ID("badge-"+v.Claim.ID).
		Body(
			app.Summary().Body(
				chip(v.Outcome).Class("outcome"),
				app.Span().Class("badge-claim").Body(
					app.Text(says),
					app.Q().Text(v.Claim.Quote),
				),
			),
			app.P().Class("explain").Text(keepTogether(Explain(v, c.Style))),
			app.P().Class("rule").Text("Rule: "+v.Rule(c.Style)+"."),
		)
}
