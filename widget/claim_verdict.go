package widget

import (
	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// ClaimVerdict shows one of the articles' claims about a derived number
// and whether the figures, under the current assumptions, bear it out.
type ClaimVerdict struct {
	app.Compo

	Verdict calc.Verdict
	Style   calc.Style
}

// Render draws the claim, its verdict, the size of the gap and the rule.
func (c *ClaimVerdict) Render() app.UI {
	v := c.Verdict
	return app.Div().
		Class("claim", "verdict-"+outcomeClass(v.Outcome)).
		ID("claim-"+v.Claim.ID).
		Body(
			app.P().Class("quote").Body(
				app.Span().Class("says").Text("The article says: "),
				app.Q().Text(v.Claim.Quote),
			),
			app.P().Class("verdict").Body(
				app.Strong().Class("outcome").Text(outcomeText(v.Outcome)),
				app.Text(" "+keepTogether(Explain(v, c.Style))),
			),
			app.P().Class("rule").Text("Rule: "+v.Rule(c.Style)+"."),
		)
}

func outcomeClass(o calc.Outcome) string {
	switch o {
	case calc.Consistent:
		return "consistent"
	case calc.Overstated:
		return "overstated"
	case calc.Understated:
		return "understated"
	case calc.Contradicted:
		return "contradicted"
	case calc.Undetermined:
		return "undetermined"
	case calc.PartlySupported:
		return "partly-supported"
	}
	return "unverifiable"
}

func outcomeText(o calc.Outcome) string { return outcomeWord(o) + "." }

// outcomeWord is the verdict as a capitalised word ("Overstated").
func outcomeWord(o calc.Outcome) string {
	s := o.String()
	return string(s[0]-'a'+'A') + s[1:]
}

// Explain says in one sentence what the figures give and how far the
// claim is from them.
func Explain(v calc.Verdict, st calc.Style) string {
	if v.Outcome == calc.Unverifiable {
		// After the verdict word ("Cannot be checked."): the reason only.
		return "Why: " + v.Reason + "."
	}
	got := "The figures give " + calc.FormatInterval(v.Computed, v.Unit, st)
	if v.Claim.Relation != "" {
		return got + "."
	}
	if v.Outcome == calc.Consistent {
		return got + ", within the rule."
	}
	if v.Outcome == calc.PartlySupported {
		return got + ": " + v.SupportedPart(st) + "."
	}
	gapUnit := v.Unit
	if gapUnit == data.Percent {
		gapUnit = data.PP
	}
	more := "higher"
	if v.Outcome == calc.Understated {
		more = "lower"
	}
	if v.Claim.IsRange() {
		// The gaps' sizes, written low to high whatever their sign.
		lo, hi := v.Gap.Lo.Abs(), v.Gap.Hi.Abs()
		if lo.Cmp(hi) > 0 {
			lo, hi = hi, lo
		}
		return got + "; the claimed range runs " +
			calc.FormatInterval(calc.Interval{Lo: lo, Hi: hi}, gapUnit, st) + " " + more + "."
	}
	s := got + "; the claim is " + calc.Format(v.Gap.Lo.Abs(), gapUnit, st)
	if v.HasGapPercent {
		s += " (" + calc.Format(v.GapPercent.Abs(), data.Percent, st) + ")"
	}
	return s + " " + more + "."
}

// outcomeIcon is a shape for each verdict, shown beside its word (and
// alone where space is short, with the word still read out): a verdict
// never relies on colour alone.
func outcomeIcon(o calc.Outcome) string {
	switch o {
	case calc.Consistent:
		return "✓"
	case calc.Overstated:
		return "▲"
	case calc.Understated:
		return "▼"
	case calc.Contradicted:
		return "✗"
	case calc.Undetermined:
		return "?"
	case calc.PartlySupported:
		return "◐"
	}
	return "–"
}

// chip is a verdict as a small label: its shape and its word.
func chip(o calc.Outcome) app.HTMLSpan {
	return app.Span().Class("chip", "verdict-"+outcomeClass(o)).Body(
		app.Span().Class("chip-icon").Aria("hidden", "true").Text(outcomeIcon(o)),
		app.Span().Class("chip-word").Text(chipWord(o)),
	)
}

// chipWord is the verdict's word on a chip: outcomeWord, but one word for
// a claim that can't be checked or is partly supported.
func chipWord(o calc.Outcome) string {
	switch o {
	case calc.Unverifiable:
		return "Unverifiable"
	case calc.PartlySupported:
		return "Partial"
	}
	return outcomeWord(o)
}
