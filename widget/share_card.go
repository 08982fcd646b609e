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
func CompactSources(t data.Topic) string {
	ds := data.Default()
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
	ch, _ := chart.ForKind(t.Chart, sc.Values, res, st)
	return chart.Card{
		Title:       t.Title,
		Number:      number,
		Sentence:    sentence,
		Chart:       ch,
		Sources:     CompactSources(t),
		Address:     address,
		Theme:       sc.Theme,
		Transparent: sc.Transparent,
	}
}
