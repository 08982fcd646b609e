package widget

import (
	"errors"
	"strconv"
	"strings"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// A story is one topic laid out as an article graphic, the way a
// newsroom's graphics lead: the title; the answer as one big number and a
// sentence; the input that matters most, right there; the article's claim
// about it with our verdict; the chart; the topic's other results as a
// compact list, each with the verdict on any claim about it; and the other assumptions on demand, in a disclosure that
// is closed in embeds (controls=open in the URL opens it). The
// prerendered HTML has the same structure, so the page does not jump when
// the wasm takes over; without JavaScript the disclosure still opens.

// ControlsParam is the URL parameter that opens every topic's assumptions
// at load (controls=open).
const ControlsParam = "controls"

// story draws topic t. level is the title's heading level: 1 on a
// topic's own embed page, 2 where several stories share a page.
func (b *Board) story(t data.Topic, st calc.Style, level int) app.UI {
	ds := b.Data
	// The graphic's height is budgeted: the dashboard-only comparisons
	// are left to the dashboard.
	cmps := ds.InStory(t.ID)
	params := ds.Inputs(cmps)
	lead, _ := ds.Param(t.LeadInput)
	var others []data.Param
	for _, p := range params {
		if p.ID != t.LeadInput {
			others = append(others, p)
		}
	}
	var rest []calc.Result
	for _, c := range cmps {
		if c.ID == t.Lead {
			continue
		}
		r, ok := b.res.Get(c.ID)
		// A comparison refused by design (flows over different periods)
		// is left out of the compact list: its claim's verdict, with the
		// reason, is under "Claims checked", and the dashboard lists it.
		// A result that can't be computed because of the reader's values
		// stays, with its reason.
		if !ok || errors.Is(r.Err, calc.ErrPeriodMismatch) {
			continue
		}
		rest = append(rest, r)
	}
	var verdicts []calc.Verdict
	for _, v := range b.res.Verdicts() {
		if c, ok := ds.Comparison(v.Claim.Comparison); ok && c.Group == t.ID && !c.DashboardOnly {
			verdicts = append(verdicts, v)
		}
	}
	var title app.UI = app.H2().Class("story-title").ID("story-title-" + t.ID).Text(t.Title)
	if level == 1 {
		title = app.H1().Class("story-title").ID("story-title-" + t.ID).Text(t.Title)
	}
	// go-app writes a false boolean as open="false", which opens a
	// <details>: set the attribute only when it is open.
	drawer := app.Details().Class("assumptions").ID("assumptions-" + t.ID)
	if b.open[t.ID] {
		drawer = drawer.Open(true)
	}
	return app.Section().Class("story", "story-"+t.ID).ID("story-"+t.ID).Aria("labelledby", "story-title-"+t.ID).Body(
		title,
		b.answer(t, st),
		app.Div().Class("lead-input").Body(b.field(lead, st, true)),
		b.featuredBadge(t, st),
		app.Div().Class("charts").Body(b.chart(t, st)),
		b.shareTools(t, true),
		&ResultsList{ID: "results-" + t.ID, Title: "More results", Results: rest, Verdicts: verdicts, Style: st},
		b.yourAssumptions(t, params, st),
		app.Div().Class("disclosures").Body(
			app.If(len(verdicts) > 0, func() app.UI {
				return app.Details().Class("claims").ID("claims-"+t.ID).Body(
					app.Summary().Body(
						app.Text("Claims"),
						app.Span().Class("wide-only").Text(" checked"),
						app.Text(" ("+strconv.Itoa(len(verdicts))+")"),
					),
					app.If(b.drawsStage(1), func() app.UI {
						return app.Div().Class("claims-list").Body(app.Range(verdicts).Slice(func(i int) app.UI {
							return &ClaimVerdict{Verdict: verdicts[i], Style: st}
						}))
					}),
				)
			}),
			drawer.
				On("toggle", func(ctx app.Context, e app.Event) {
					if b.open == nil {
						b.open = map[string]bool{}
					}
					b.open[t.ID] = ctx.JSSrc().Get("open").Bool()
				}).
				Body(
					app.Summary().Class("assumptions-toggle").Body(
						app.Span().Class("wide-only").Text("Change the "),
						app.Span().Class("narrow-cap").Text("assumptions ("+strconv.Itoa(len(others))+")"),
					),
					app.IfSlice(b.open[t.ID] || b.drawsStage(2), func() []app.UI {
						return []app.UI{
							app.Div().Class("fields").Body(
								app.Range(others).Slice(func(i int) app.UI { return b.field(others[i], st, false) }),
							),
							&DisplayOptions{Digits: b.sc.Digits, Exact: b.sc.Exact, Owner: b, Suffix: "-" + t.ID},
						}
					}),
				),
		),
		app.P().Class("print-only", "assumptions-used").Text(b.assumptionsUsed(params, st)),
	)
}

// answer is the topic's headline: its lead result as one big number, and
// the same result in the topic's sentence. A result that can't be
// computed says why instead.
func (b *Board) answer(t data.Topic, st calc.Style) app.UI {
	r, ok := b.res.Get(t.Lead)
	if !ok || !r.OK() {
		why := "Can't be computed."
		if ok {
			why = "Can't be computed: " + r.Err.Error() + "."
		}
		return app.Div().Class("answer").ID("cmp-" + t.Lead).Body(
			app.P().Class("value", "big-number", "cannot").Text(why),
		)
	}
	before, text, after := leadSentence(t, r, st)
	return app.Div().Class("answer").ID("cmp-"+t.Lead).Body(
		app.P().Class("value", "big-number").DataSet("exact", r.Value.Lo.String()).Text(text),
		app.P().Class("answer-sentence").Body(
			app.Text(before),
			app.Strong().Text(text),
			app.Text(after),
		),
	)
}

// leadSentence writes a topic's computed lead result as its headline
// says it: the value (its size, when the sentence for a negative result
// says the direction in words) and the words before and after it.
func leadSentence(t data.Topic, r calc.Result, st calc.Style) (before, value, after string) {
	v := r.Value
	before, after, magnitude := t.Headline(v.Hi.Sign() < 0)
	if magnitude {
		v = calc.Interval{Lo: v.Hi.Neg(), Hi: v.Lo.Neg()}
	}
	return before, keepTogether(calc.FormatInterval(v, r.Unit, st)), after
}

// featuredBadge is the verdict on the claim the topic shows beside its
// answer, naming the claim's subject when it is not the answer itself.
func (b *Board) featuredBadge(t data.Topic, st calc.Style) app.UI {
	ds := b.Data
	cl, ok := ds.FeaturedClaim(t)
	if !ok {
		return app.Text("")
	}
	v, ok := b.res.Verdict(cl.ID)
	if !ok {
		return app.Text("")
	}
	subject := ""
	if cl.Comparison != t.Lead {
		if c, ok := ds.Comparison(cl.Comparison); ok {
			subject = c.ShortLabel()
		}
	}
	return &ClaimBadge{Verdict: v, Subject: subject, Style: st}
}

// chart draws the topic's chart, as the dataset declares it, from the
// board's current scenario and results, so it redraws whenever an
// assumption changes.
func (b *Board) chart(t data.Topic, st calc.Style) app.UI {
	return &TopicChart{Data: b.Data, Topic: t.ID, Values: b.sc.Values, Results: b.res, Style: st}
}

// yourAssumptions is one line naming the topic's figures the reader (or
// the link) changed, with a button that restores the article's; nothing
// when none changed.
func (b *Board) yourAssumptions(t data.Topic, params []data.Param, st calc.Style) app.UI {
	var parts []string
	var ids []string
	for _, p := range params {
		if b.sc.Changed(p.ID) {
			parts = append(parts, Label(p)+" "+calc.Format(calc.Dec(b.sc.Value(p)), p.Figure.Unit, st))
			ids = append(ids, p.ID)
		}
	}
	if len(parts) == 0 {
		return app.Text("")
	}
	return app.P().Class("your-assumptions").ID("yours-"+t.ID).Body(
		app.Span().Class("yours-label").Text("Your assumptions: "),
		app.Text(keepTogether(strings.Join(parts, " · "))+" "),
		app.Button().Type("button").Class("reset-story").ID("reset-story-"+t.ID).
			Text("Reset to the article’s").
			OnClick(func(ctx app.Context, e app.Event) {
				b.resetMany(ctx, ids)
				// The line goes away with its button: focus goes to the
				// topic's lead input.
				focusNow("in-" + t.LeadInput)
			}),
	)
}

// assumptionsUsed lists every figure the topic uses with its value, for
// print, where the disclosure's fields are not shown.
func (b *Board) assumptionsUsed(params []data.Param, st calc.Style) string {
	parts := make([]string, len(params))
	for i, p := range params {
		parts[i] = Label(p) + ": " + calc.Format(calc.Dec(b.sc.Value(p)), p.Figure.Unit, st)
		if b.sc.Changed(p.ID) {
			parts[i] += " (changed from the article’s)"
		}
	}
	return keepTogether("Assumptions used: " + strings.Join(parts, "; ") + ".")
}
