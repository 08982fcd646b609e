package widget

import (
	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// headlines are the dashboard's opening: each topic's answer side by side
// (its big number, its sentence and the verdict on the article's claim),
// each linking to the topic at length below.
func (b *Board) headlines(ds *data.Dataset, st calc.Style) app.UI {
	var items []app.UI
	for _, t := range ds.Topics {
		if b.Group != "" && b.Group != t.ID {
			continue
		}
		items = append(items, b.headline(ds, t, st))
	}
	return app.Section().Class("headlines").Aria("label", "The answers in short").Body(
		app.Ul().Class("headline-list").Body(items...),
	)
}

// headline is one topic's answer in short.
func (b *Board) headline(ds *data.Dataset, t data.Topic, st calc.Style) app.UI {
	number, sentence := "Can't be computed", ""
	if r, ok := b.res.Get(t.Lead); ok && r.OK() {
		var before, after string
		before, number, after = leadSentence(t, r, st)
		sentence = before + number + after
	}
	var verdict app.UI = app.Text("")
	if cl, ok := ds.FeaturedClaim(t); ok {
		if v, ok := b.res.Verdict(cl.ID); ok {
			verdict = app.P().Class("headline-verdict").Body(
				chip(v.Outcome),
				app.Text(" "),
				app.Q().Text(cl.Quote),
			)
		}
	}
	return app.Li().Class("headline").ID("headline-"+t.ID).Body(
		app.A().Class("headline-link").Href("#topic-"+t.ID).Text(t.Title),
		app.P().Class("headline-number").Text(number),
		app.P().Class("headline-sentence").Text(sentence),
		verdict,
	)
}
