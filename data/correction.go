package data

import "time"

// A Correction records that a release of the widget changed one of its
// figures: a newsroom corrects a figure, and the pages that show it say so
// ("Corrected on 23 November 2026: … was $148.86 billion").
type Correction struct {
	// Figure is the id of the corrected figure (a point figure).
	Figure string `json:"figure"`
	// Was is the value the figure had before, a plain decimal.
	Was string `json:"was"`
	// On is the day the correction was published, YYYY-MM-DD: the
	// widget's own release, not a date of the articles.
	On string `json:"on"`
}

// Day returns the day the correction was published (Check rules out a
// malformed one).
func (c Correction) Day() time.Time {
	d, _ := time.Parse(time.DateOnly, c.On)
	return d
}

// CorrectionsOf returns the corrections of the figures the given
// comparisons depend on, in dataset order.
func (ds *Dataset) CorrectionsOf(cs []Comparison) []Correction {
	if len(ds.Corrections) == 0 {
		return nil
	}
	used := ds.figuresOf(cs)
	var out []Correction
	for _, c := range ds.Corrections {
		if used[c.Figure] {
			out = append(out, c)
		}
	}
	return out
}
