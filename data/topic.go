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
	// Chart names the chart drawn for the topic: one of Charts.
	Chart string `json:"chart"`
}

// Charts are the chart kinds a topic may ask for.
var Charts = []string{"shares", "company_bars", "growth_bars"}

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
