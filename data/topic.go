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

// validateTopics checks every topic: unique id, a title and question, a
// lead comparison of its own group, a lead input that is adjustable, a
// known claim and chart, and sentences that hold the value mark.
func (ds *Dataset) validateTopics(fail func(format string, args ...any)) {
	seen := map[string]bool{}
	for _, t := range ds.Topics {
		if t.ID == "" {
			fail("topic without id: %w", ErrMissing)
			continue
		}
		if seen[t.ID] {
			fail("topic %q: %w", t.ID, ErrDuplicateID)
		}
		seen[t.ID] = true
		if strings.TrimSpace(t.Title) == "" || strings.TrimSpace(t.Question) == "" {
			fail("topic %q: title and question: %w", t.ID, ErrMissing)
		}
		if c, ok := ds.Comparison(t.Lead); !ok {
			fail("topic %q: lead %q: %w", t.ID, t.Lead, ErrUnknownID)
		} else if c.Group != t.ID {
			fail("topic %q: lead %q belongs to topic %q", t.ID, t.Lead, c.Group)
		} else if c.DashboardOnly {
			fail("topic %q: lead %q is dashboard-only, off the topic's embed graphic", t.ID, t.Lead)
		}
		if _, ok := ds.Param(t.LeadInput); !ok {
			fail("topic %q: lead input %q is not an adjustable figure: %w", t.ID, t.LeadInput, ErrUnknownID)
		}
		if t.Claim != "" {
			cl, ok := ds.FeaturedClaim(t)
			if !ok {
				fail("topic %q: claim %q: %w", t.ID, t.Claim, ErrUnknownID)
			} else if c, ok := ds.Comparison(cl.Comparison); ok && c.Group != t.ID {
				fail("topic %q: claim %q is about another topic's comparison", t.ID, t.Claim)
			}
		}
		known := false
		for _, k := range Charts {
			known = known || k == t.Chart
		}
		if !known {
			fail("topic %q: chart %q: %w", t.ID, t.Chart, ErrUnknownID)
		}
		for _, s := range []string{t.Sentence, t.Negative} {
			if s != "" && strings.Count(s, ValueMark) != 1 {
				fail("topic %q: sentence %q must hold %s once", t.ID, s, ValueMark)
			}
		}
		if t.Sentence == "" {
			fail("topic %q: sentence: %w", t.ID, ErrMissing)
		}
	}
	for _, c := range ds.Comparisons {
		if !seen[c.Group] {
			fail("comparison %q: topic %q: %w", c.ID, c.Group, ErrUnknownID)
		}
	}
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
