package widget

import (
	"errors"
	"fmt"
	"maps"
	"net/url"
	"time"

	"amzwidget/calc"
	"amzwidget/data"
	"amzwidget/internal/startmark"
	"amzwidget/scenario"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// Board is the interactive comparison: the inputs of a group of
// comparisons, their results and the claim checks. It owns the reader's
// scenario, read from the page URL (on the server when prerendering, and in
// the browser on navigation) and written back to it, without a reload, as
// the reader types.
type Board struct {
	app.Compo

	// Data is the story: its figures, comparisons, claims and topics.
	Data *data.Dataset
	// Group selects a topic by its id, or "" for all of them.
	Group string
	// Story lays each topic out as an article graphic (the embed pages);
	// otherwise every figure and result is laid out at length (the
	// dashboard).
	Story bool

	sc       *scenario.Scenario
	res      *calc.Results
	cmps     []data.Comparison
	drafts   map[string]draft
	problems []scenario.Problem

	// The live region: its text, the pending announcement's generation,
	// and the results as last announced (see board_live.go).
	announcement string
	announceGen  int
	announced    map[string]string

	// open holds which topics' assumptions are shown, by topic id.
	open map[string]bool

	// committed is the reader's values as last committed: what the URL
	// carries, and what the results use for a field that holds a refused
	// entry (see edit). commitGen counts pending commits.
	committed calc.Assumptions
	commitGen int

	// firstURL is the URL the first render read in the browser, until
	// OnNav sees it.
	firstURL string
	// What the reader did to the prerendered page before the wasm ran
	// (see early_input.go): whether it changed the scenario, and the
	// control that had the focus.
	earlyChanged bool
	focus        *earlyFocus
	// drawnAll is whether the browser draws everything; until then,
	// drawn counts the stages drawn of what the reader does not see at
	// first (see board_later.go).
	drawnAll bool
	drawn    int
}

// commitDelay is how long the reader must pause typing before a value
// counts as finished: it is then written to the URL. Leaving the field,
// Enter, the end of a slider drag and every button commit at once.
const commitDelay = 700 * time.Millisecond

// draft is a field's text while the reader edits it, and its error.
type draft struct {
	text string
	err  error
}

// OnMount marks, for the benchmark's start-up breakdown, when the board
// is first drawn in the browser, and keeps what the reader did before.
func (b *Board) OnMount(ctx app.Context) {
	startmark.Mark("amz:board-mounted")
	if !b.earlyChanged {
		// The first render drew the board as it stands: redrawing it
		// would only double the start-up's work.
		ctx.PreventUpdate()
	}
	b.restoreEarly(ctx)
	b.drawRestLater(ctx)
}

// OnNav reads the scenario from the URL.
func (b *Board) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	first := b.firstURL
	b.firstURL = ""
	if first != "" && u.String() == first {
		// The first render already read this URL: computing and drawing
		// it again would double the start-up's work.
		ctx.PreventUpdate()
		return
	}
	b.load(u)
}

func (b *Board) load(u *url.URL) {
	ds := b.Data
	var q url.Values
	if u != nil {
		q = u.Query()
	}
	b.sc, b.problems = scenario.Decode(ds, q)
	b.cmps = ds.InGroup(b.Group)
	if b.Story {
		b.cmps = ds.InStory(b.Group)
	}
	b.drafts = map[string]draft{}
	// A refused URL value shows its message at its field too, with the
	// article's value in the field, in the page's number format: never
	// the refused text itself.
	for _, pr := range b.problems {
		if p, ok := ds.Param(pr.Param); ok {
			b.drafts[p.ID] = draft{text: calc.FormatNumber(p.Default, b.sc.Style().Locale), err: errors.New(pr.Message)}
		}
	}
	b.committed = b.sc.Clone().Values
	b.res = b.sc.Evaluate()
	b.remember()
	b.open = map[string]bool{}
	if q.Get(ControlsParam) == "open" {
		for _, t := range ds.Topics {
			b.open[t.ID] = true
		}
	}
}

func (b *Board) ensure(ctx app.Context) {
	if b.sc == nil {
		b.load(ctx.Page().URL())
	}
}

// edit is the action of a changed field: parse, keep or refuse,
// recompute, and commit once the reader pauses.
//
// While a field holds a refused entry, the results use that field's last
// committed value, and its message says so: a valid prefix typed on the
// way ("1" of "1e6") is never left in force, and the URL, written only
// at commits, never carries a value the reader did not finish typing.
func (b *Board) edit(ctx app.Context, id, text string) {
	b.ensure(ctx)
	err := b.sc.Set(id, text)
	if err != nil {
		b.revert(id)
		p, _ := b.sc.Param(id)
		err = refusedMessage(b, p, err)
		b.drafts[id] = draft{text: text, err: err}
		b.res = b.sc.Evaluate()
		b.schedule(ctx, Label(p)+": "+err.Error())
		return
	}
	b.drafts[id] = draft{text: text}
	b.changed(ctx)
	b.commitGen++
	gen := b.commitGen
	ctx.After(commitDelay, func(ctx app.Context) {
		if gen != b.commitGen {
			// A later edit or commit superseded this one: nothing
			// changed, so nothing is redrawn.
			ctx.PreventUpdate()
			return
		}
		b.commit(ctx)
	})
}

// slide is the action of a slider. Its value is a plain "34.6": the
// field gets the locale's own form, which it reads back. The end of a
// range stops at the other end, as a thumb stops at the end of its track,
// instead of being refused (and snapping back) under the reader's pointer.
func (b *Board) slide(ctx app.Context, id, plain string) {
	b.ensure(ctx)
	text := plain
	if d, err := decimal.NewFromString(plain); err == nil {
		c := b.sc.ClampToRange(id, d)
		if !c.Equal(d) {
			// The thumb stays at the stop even when the value in force
			// does not change (and so nothing is redrawn).
			ctx.JSSrc().Set("value", c.String())
		}
		text = calc.FormatNumber(c, b.sc.Style().Locale)
	}
	b.edit(ctx, id, text)
}

// refusedMessage is the message of a refused entry for p: why, and the
// value the results use instead (p's value in force).
func refusedMessage(b *Board, p data.Param, err error) error {
	return fmt.Errorf("%w; the results use %s", err,
		calc.Format(calc.Dec(b.sc.Value(p)), p.Figure.Unit, b.sc.Style().LocaleOnly()))
}

// revert puts a parameter back to its last committed value.
func (b *Board) revert(id string) {
	if v, ok := b.committed[id]; ok {
		b.sc.Values[id] = v
		return
	}
	delete(b.sc.Values, id)
}

// commit makes the values in force the committed ones and writes them to
// the URL (a field that holds a refused entry contributes its last
// committed value).
func (b *Board) commit(ctx app.Context) {
	b.ensure(ctx)
	b.commitGen++
	b.committed = b.sc.Clone().Values
	if !canRewriteURL() {
		return
	}
	u := *ctx.Page().URL()
	u.RawQuery = b.sc.QueryKeeping(u.Query())
	ctx.Page().ReplaceURL(&u)
	// The link no longer carries the refused values (the URL now holds the
	// values in force), so the notice about them goes; each field's own
	// message stays until the reader edits that field.
	b.problems = nil
}

func (b *Board) reset(ctx app.Context, id string) {
	b.ensure(ctx)
	b.sc.Reset(id)
	delete(b.drafts, id)
	b.changed(ctx)
	b.commit(ctx)
}

// resetMany restores the article's values of the given parameters.
func (b *Board) resetMany(ctx app.Context, ids []string) {
	b.ensure(ctx)
	for _, id := range ids {
		b.sc.Reset(id)
		delete(b.drafts, id)
	}
	b.changed(ctx)
	b.commit(ctx)
}

func (b *Board) resetAll(ctx app.Context) {
	b.ensure(ctx)
	b.sc.ResetAll()
	clear(b.drafts)
	b.problems = nil
	b.changed(ctx)
	b.commit(ctx)
}

// display is the action of the display options.
func (b *Board) display(ctx app.Context, digits int, exact bool) {
	b.ensure(ctx)
	b.sc.Digits, b.sc.Exact = digits, exact
	b.changed(ctx)
	b.commit(ctx)
}

// changed recomputes the results and queues their announcement.
func (b *Board) changed(ctx app.Context) {
	b.res = b.sc.Evaluate()
	b.schedule(ctx, "")
}

// canRewriteURL reports whether the page may rewrite its URL. A sandboxed
// frame without allow-same-origin (WordPress embeds every provider so)
// has an opaque origin, "null", where history.replaceState throws a
// SecurityError: that panic stopped the wasm at the first edit, and the
// widget froze. There the scenario lives in the page alone.
func canRewriteURL() bool {
	return app.IsClient && app.Window().Get("origin").String() != "null"
}

// Render draws the board: each topic as an article graphic on the embed
// pages, or every topic at length on the dashboard.
func (b *Board) Render() app.UI {
	if b.sc == nil {
		// In the browser the first render reads the page's URL, so that
		// it draws the reader's scenario at once, not the article's
		// before OnNav.
		var u *url.URL
		if app.IsClient {
			u = app.Window().URL()
			b.firstURL = u.String()
		}
		b.load(u)
		b.earlyChanged = b.adoptEarlyInput()
		b.planLater(b.firstURL)
	}
	st := b.sc.Style()
	ds := b.Data
	if b.Story {
		return b.renderStories(ds)
	}
	var sections []app.UI
	for _, t := range ds.Topics {
		if b.Group != "" && b.Group != t.ID {
			continue
		}
		sections = append(sections, b.dashboardSection(t, len(sections)))
	}
	return app.Div().Class(b.classes()...).Body(
		b.urlProblems(),
		b.headlines(ds, st),
		app.Range(sections).Slice(func(i int) app.UI { return sections[i] }),
		app.Div().Class("board-controls").Body(
			app.If(len(b.sc.Values) > 0, func() app.UI {
				return app.Button().Type("button").ID("reset-all").Class("reset-all").
					Text("Reset all to the article's figures").
					OnClick(func(ctx app.Context, e app.Event) {
						b.resetAll(ctx)
						// The button goes away with the changes: focus goes
						// to the first field, not to the page's body.
						if ps := b.Data.Inputs(b.cmps); len(ps) > 0 {
							focusNow("in-" + ps[0].ID)
						}
					})
			}),
			&DisplayOptions{Digits: b.sc.Digits, Exact: b.sc.Exact, Owner: b},
		),
		b.downloads(),
		b.corrections(ds, st),
		&SourceLine{Articles: ds.Sources(b.cmps)},
		app.If(b.Group == "", func() app.UI { return b.embedCode() }),
		b.liveRegion(),
	)
}

// renderStories draws the embed pages: one story per topic in scope, then
// one footer with the sources, the data and the full page.
func (b *Board) renderStories(ds *data.Dataset) app.UI {
	level := 1
	if b.Group == "" {
		level = 2
	}
	var stories []app.UI
	for _, t := range ds.Topics {
		if b.Group != "" && b.Group != t.ID {
			continue
		}
		stories = append(stories, b.topicView(t, true, level))
	}
	full := "/"
	if q := b.sc.Query(); q != "" {
		full += "?" + q
	}
	return app.Div().Class(b.classes()...).Body(
		b.urlProblems(),
		app.Range(stories).Slice(func(i int) app.UI { return stories[i] }),
		app.Footer().Class("story-foot").Body(
			b.corrections(ds, b.sc.Style()),
			&SourceLine{Articles: ds.Sources(b.cmps), Compact: true},
			app.Span().Class("story-links").Body(
				app.Text(" Data: "),
				b.downloadLink("csv", Path("/data.csv"+queryPart(b.sc.Query())), b.Data.Site.FileName+"-figures.csv", "text/csv;charset=utf-8"),
				app.Text(" · "),
				b.downloadLink("json", Path("/data.json"+queryPart(b.sc.Query())), b.Data.Site.FileName+"-figures.json", "application/json"),
				app.Text(" · "),
				// full is built from the canonical query: ids, plain
				// decimals and fixed words, never raw reader text.
				app.A().Class("fullpage").Href("%s", Path(full)).Target("_top").Text("Full comparison"),
			),
		),
		b.liveRegion(),
	)
}

// queryPart returns "?"+q, or "" for an empty query.
func queryPart(q string) string {
	if q == "" {
		return ""
	}
	return "?" + q
}

// urlProblems lists the values of the link that were refused, if any.
func (b *Board) urlProblems() app.UI {
	return app.If(len(b.problems) > 0, func() app.UI {
		return app.Div().Class("notice").ID("url-problems").Role("status").Body(
			app.P().Text("Some values in this link were not used; the article's values are shown instead:"),
			app.Ul().Body(app.Range(b.problems).Slice(func(i int) app.UI {
				p := b.problems[i]
				return app.Li().Body(app.Code().Text(p.Param), app.Text(": "+p.Message+"."))
			})),
		)
	})
}

// figureQuery is the reader's committed figures as URL parameters,
// without the display choices: the figures the page's URL carries. The
// embed-code generator shows it, so that it changes at a commit, not at
// every keystroke or slider step.
func (b *Board) figureQuery() string {
	c := b.sc.Clone()
	c.Values = maps.Clone(b.committed)
	c.Digits, c.Exact, c.Theme, c.Transparent, c.Lang = -1, false, "auto", false, ""
	return c.Query()
}

// classes are the board's classes: the theme the URL asks for, which the
// stylesheet applies to the whole page (:root:has(.theme-dark)).
func (b *Board) classes() []string {
	cs := []string{"board"}
	switch b.sc.Theme {
	case "light", "dark":
		cs = append(cs, "theme-"+b.sc.Theme)
	}
	if b.sc.Transparent {
		cs = append(cs, "transparent")
	}
	return cs
}

// section draws one topic: its heading (on the dashboard), its inputs and
// its result cards. A figure that several topics use has its field in one
// of them (data.InputHome); the others link to it.
func (b *Board) section(t data.Topic, st calc.Style) app.UI {
	ds := b.Data
	cmps := ds.InGroup(t.ID)
	var own, elsewhere []data.Param
	for _, p := range ds.Inputs(cmps) {
		if ds.InputHome(p.ID) == t.ID {
			own = append(own, p)
		} else {
			elsewhere = append(elsewhere, p)
		}
	}
	return app.Section().Class("topic", "topic-"+t.ID).ID("topic-"+t.ID).Aria("labelledby", "title-"+t.ID).Body(
		app.H2().Class("topic-title").ID("title-"+t.ID).Text(t.Title),
		app.Div().Class("topic-body").Body(
			app.Div().Class("inputs").Body(
				app.H3().Class("section-title").Text("Assumptions"),
				app.Div().Class("fields").Body(
					app.Range(own).Slice(func(i int) app.UI { return b.field(own[i], st, false) }),
				),
				app.Range(elsewhere).Slice(func(i int) app.UI { return b.fieldElsewhere(t, elsewhere[i], st) }),
			),
			app.Div().Class("results").Body(
				app.H3().Class("section-title").Text("Comparisons"),
				app.Div().Class("cards").Body(
					app.Range(cmps).Slice(func(i int) app.UI { return b.card(cmps[i], st) }),
				),
				app.Div().Class("charts").Body(b.chart(t, st)),
				b.shareTools(t, false),
			),
		),
	)
}

// fieldElsewhere names a figure the section of topic t uses whose field
// is in another topic's section, with its current value and a link to the
// field.
func (b *Board) fieldElsewhere(t data.Topic, p data.Param, st calc.Style) app.UI {
	ds := b.Data
	home, _ := ds.Topic(ds.InputHome(p.ID))
	v := calc.Format(calc.Dec(b.sc.Value(p)), p.Figure.Unit, st)
	if !b.sc.Changed(p.ID) {
		v = p.Figure.Qualify(v)
	}
	return app.P().Class("field-elsewhere").ID("elsewhere-"+t.ID+"-"+p.ID).Body(
		app.Text("Also uses "),
		app.A().Href("#field-"+p.ID).Text(Label(p)),
		app.Text(": "+keepTogether(v)+", set in the section "+home.Title+"."),
	)
}

// field is the input of one parameter, with its draft text or its value;
// compact is the lead input of a story.
func (b *Board) field(p data.Param, st calc.Style, compact bool) app.UI {
	cur := b.sc.Value(p)
	text := calc.FormatNumber(cur, st.Locale)
	var errText string
	if d, ok := b.drafts[p.ID]; ok {
		text = d.text
		if d.err != nil {
			errText = d.err.Error()
		}
	}
	return &FigureInput{
		Param:   p,
		Text:    text,
		Slider:  cur.String(),
		Article: p.Figure.Qualify(calc.Format(calc.Dec(p.Default), p.Figure.Unit, st.LocaleOnly())),
		Changed: b.sc.Changed(p.ID),
		Error:   errText,
		Compact: compact,
		Owner:   b,
	}
}

// card is the result of one comparison with the verdicts on its claims.
func (b *Board) card(c data.Comparison, st calc.Style) app.UI {
	r, _ := b.res.Get(c.ID)
	var vs []calc.Verdict
	for _, v := range b.res.Verdicts() {
		if v.Claim.Comparison == c.ID {
			vs = append(vs, v)
		}
	}
	return &ComparisonCard{Result: r, Note: calc.Note(b.sc.Dataset(), b.sc.Values, c, st), Verdicts: vs, Style: st}
}

// corrections says which of the page's figures a release corrected, if
// any did.
func (b *Board) corrections(ds *data.Dataset, st calc.Style) app.UI {
	lines := corrections(ds, b.cmps, st)
	return app.If(len(lines) > 0, func() app.UI { return &CorrectionsNote{Lines: lines} })
}
