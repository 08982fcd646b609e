package data

import "strings"

// Topic is one story the dataset tells, as an embeddable graphic: a
// question, the comparison that answers it (shown as one big number in a
// sentence), the input that matters most for it, the claim checked beside
// the answer and the chart that shows it. Topics are listed in the order
// the dashboard shows them; each has an embed page, /embed/<ID>.
type Topic struct {
	ID    string `json:"id"`
	Title string `json:"title"`
	// Question is what the topic answers, in the reader's words.
	Question string `json:"question"`
	// Lead is the id of the comparison whose result is the topic's
	// headline number. It must belong to the topic (Comparison.Group).
	Lead string `json:"lead"`
	// Sentence says the headline result in plain words; {value} stands
	// for the result. When the result is below zero, Negative is used
	// instead (with the size of the result as {value}), so that a
	// sentence never reads "−15 pp more"; without Negative, Sentence is
	// used with the signed result.
	Sentence string `json:"sentence"`
	Negative string `json:"negative,omitempty"`
	// LeadInput is the id of the adjustable parameter shown right at the
	// answer (a figure id, or a range's id with _low or _high).
	LeadInput string `json:"lead_input"`
	// Claim is the id of the article's claim shown beside the answer.
	// Empty means the first claim about Lead, if any. A claim about
	// another comparison is shown with its own subject.
	Claim string `json:"claim,omitempty"`
	// Chart is the chart drawn for the topic.
	Chart TopicChart `json:"chart"`
	// EmbedHeight is the embed page's default frame height in CSS pixels,
	// as measured at 600 px wide with the assumptions closed (a browser
	// test holds it to the measured height); the snippets write it.
	EmbedHeight int `json:"embed_height"`
}

// TopicChart is a topic's chart: one bar per row, every bar on one shared
// scale from zero (values below zero to its left), in one unit.
type TopicChart struct {
	// Title names what the chart shows.
	Title string `json:"title"`
	// Note is the line under the chart: a legend, or how to read it. Like
	// a comparison's note, it names values as {id}, figures or
	// comparisons, written with the values in force.
	Note string `json:"note,omitempty"`
	// Track, when set, is a whole each bar is a part of (100 for shares
	// in percent), drawn behind every bar.
	Track string `json:"track,omitempty"`
	// Rows are the bars, top to bottom.
	Rows []ChartRow `json:"rows"`
}

// ChartRow is one bar of a topic's chart.
type ChartRow struct {
	// Name labels the bar.
	Name string `json:"name"`
	// Value is the id of the figure or comparison the bar draws. A figure
	// keeps the article's qualifier while the reader has not changed it.
	Value string `json:"value"`
	// Main marks the bar the chart is about (the accent colour).
	Main bool `json:"main,omitempty"`
	// Marks are figures or comparisons drawn as dashed lines across the
	// row, such as an estimate.
	Marks []string `json:"marks,omitempty"`
	// Beside is a comparison written after the bar's value, in
	// parentheses: a rival's spread against the main bar, say.
	Beside *ChartBeside `json:"beside,omitempty"`
}

// ChartBeside is a comparison written beside a bar's value:
// "48% (+24 pp vs AWS)".
type ChartBeside struct {
	// Comparison is the id of the comparison, in percentage points or
	// in the bars' unit; it is written with its sign.
	Comparison string `json:"comparison"`
	// Negate writes the comparison's opposite: a comparison of AWS minus a
	// rival, beside the rival's bar, reads as the rival against AWS.
	Negate bool `json:"negate,omitempty"`
	// Label follows the number: "vs AWS".
	Label string `json:"label,omitempty"`
}

// NoteIDs returns the ids the chart's note names as {id}, in order.
func (c TopicChart) NoteIDs() []string { return placeholders(c.Note) }

// ExplainNote returns the chart's note with each {id} replaced by
// value(id).
func (c TopicChart) ExplainNote(value func(id string) string) string {
	return fillPlaceholders(c.Note, value)
}

// ValueMark is the placeholder for the result in a Topic's sentences.
const ValueMark = "{value}"

// Topic returns the topic with the given id.
func (ds *Dataset) Topic(id string) (Topic, bool) {
	for _, t := range ds.Topics {
		if t.ID == id {
			return t, true
		}
	}
	return Topic{}, false
}

// FeaturedClaim returns the claim shown beside the topic's answer: the
// declared one, else the first claim about the lead comparison.
func (ds *Dataset) FeaturedClaim(t Topic) (Claim, bool) {
	for _, c := range ds.Claims {
		if (t.Claim != "" && c.ID == t.Claim) || (t.Claim == "" && c.Comparison == t.Lead) {
			return c, true
		}
	}
	return Claim{}, false
}

// Headline returns the topic's sentence for a result of the given sign
// (negative below zero), split around the value: before + value + after.
// neg reports whether the Negative sentence was chosen, in which case the
// value is to be shown as a magnitude.
func (t Topic) Headline(negative bool) (before, after string, magnitude bool) {
	s := t.Sentence
	if negative && t.Negative != "" {
		s, magnitude = t.Negative, true
	}
	before, after, _ = strings.Cut(s, ValueMark)
	return before, after, magnitude
}
