package widget

import (
	"strings"

	"amzwidget/calc"
	"amzwidget/chart"
	"amzwidget/data"
	"amzwidget/scenario"
)

// Headline is topic t's answer under the results res, in the words of the
// page's answer (leadSentence): the number alone and the whole sentence.
// A result that can't be computed says why, as the page does.
func Headline(t data.Topic, res *calc.Results, st calc.Style) (number, sentence string) {
	r, ok := res.Get(t.Lead)
	if !ok || !r.OK() {
		why := "Can't be computed."
		if ok {
			why = "Can't be computed: " + r.Err.Error() + "."
		}
		return "Can't be computed", why
	}
	before, value, after := leadSentence(t, r, st)
	return value, before + value + after
}

// CompactSources is the source line of topic t's embed footer
// (SourceLine with Compact) as one line of text.
func CompactSources(ds *data.Dataset, t data.Topic) string {
	arts := ds.Sources(ds.InStory(t.ID))
	names := make([]string, len(arts))
	for i, a := range arts {
		names[i] = a.Short
	}
	return "Sources: " + strings.Join(names, "; ") + "."
}

// ShareCard is topic t's share image under the reader's scenario sc: the
// topic's title, its answer, its chart (the same rows as the page's), its
// source line and address, the page's address without its scheme.
func ShareCard(t data.Topic, sc *scenario.Scenario, address string) chart.Card {
	st := sc.Style()
	res := sc.Evaluate()
	number, sentence := Headline(t, res, st)
	ch := chart.ForTopic(sc.Dataset(), t, sc.Values, res, st)
	return chart.Card{
		Title:       t.Title,
		Number:      number,
		Sentence:    sentence,
		Assumed:     assumed(t, sc),
		Chart:       ch,
		Sources:     CompactSources(sc.Dataset(), t),
		Address:     address,
		Theme:       sc.Theme,
		Transparent: sc.Transparent,
	}
}

// assumed is the line of a share image that says what the answer rests
// on: each of the topic's values the reader changed, beside the
// article's ("Amazon corporate workforce 300,000 (article: around
// 350,000)"), or else the topic's lead input as the article gives it.
func assumed(t data.Topic, sc *scenario.Scenario) string {
	ds := sc.Dataset()
	st := sc.Style()
	article := func(p data.Param) string {
		return p.Figure.Qualify(calc.Format(calc.Dec(p.Default), p.Figure.Unit, st.LocaleOnly()))
	}
	var changed []string
	for _, p := range ds.Inputs(ds.InStory(t.ID)) {
		if sc.Changed(p.ID) {
			changed = append(changed, Label(p)+" "+calc.Format(calc.Dec(sc.Value(p)), p.Figure.Unit, st)+" (article: "+article(p)+")")
		}
	}
	if len(changed) > 0 {
		return keepTogether("Assumed: " + strings.Join(changed, "; ") + ".")
	}
	if p, ok := ds.Param(t.LeadInput); ok {
		return keepTogether(Label(p) + ": " + article(p) + ", as the article gives it.")
	}
	return ""
}

// ShareText is what a link to a page of topics says in a social preview
// or a chat app, under the reader's scenario sc: the title is the lead
// topic's headline answer (its sentence, with the reader's values); the
// description names the other topics' answers, if the page has them,
// and the values the reader changed. topics is the page's topics, the
// lead first. Everything comes from the decoded scenario and the dataset.
func ShareText(topics []data.Topic, sc *scenario.Scenario) (title, description string) {
	if len(topics) == 0 {
		return "", ""
	}
	st := sc.Style()
	res := sc.Evaluate()
	_, title = Headline(topics[0], res, st)
	var parts []string
	if len(topics) == 1 {
		parts = append(parts, topics[0].Question)
	}
	for _, t := range topics[1:] {
		_, s := Headline(t, res, st)
		parts = append(parts, s)
	}
	var changed []string
	ds := sc.Dataset()
	for _, p := range ds.Params() {
		if sc.Changed(p.ID) {
			changed = append(changed, Label(p)+" "+calc.Format(calc.Dec(sc.Value(p)), p.Figure.Unit, st))
		}
	}
	if len(changed) > 0 {
		parts = append(parts, "With the reader’s assumptions: "+strings.Join(changed, "; ")+".")
	} else {
		whose := "The articles’ figures"
		if len(ds.Articles) == 1 {
			whose = "The article’s figures"
		}
		parts = append(parts, whose+": every one adjustable, every comparison exact, every claim checked.")
	}
	return title, strings.Join(parts, " ")
}
