package chart

import (
	"amzwidget/calc"
	"amzwidget/data"
)

// ForTopic returns a topic's chart (data.TopicChart) under the reader's
// values and their results: one row per bar the dataset declares, a
// figure's value with the article's qualifier while the reader has not
// changed it, the marks and the comparison beside a bar, and the note with
// the values in force.
func ForTopic(ds *data.Dataset, t data.Topic, values calc.Assumptions, res *calc.Results, st calc.Style) Chart {
	spec := t.Chart
	var track *calc.Value
	if spec.Track != "" {
		if d, err := data.ParseDecimal(spec.Track); err == nil {
			v := calc.Dec(d)
			track = &v
		}
	}
	// value is a figure's value under the reader's values, or a
	// comparison's result.
	value := func(id string) (calc.Interval, data.Unit, bool) {
		if f, ok := ds.Figure(id); ok {
			x, ok := calc.Figure(ds, values, id)
			return x, f.Unit, ok
		}
		if res != nil {
			if r, ok := res.Get(id); ok && r.OK() {
				return r.Value, r.Unit, true
			}
		}
		return calc.Interval{}, "", false
	}
	rows := make([]Row, len(spec.Rows))
	for i, r := range spec.Rows {
		row := Row{Name: r.Name, Main: r.Main, Track: track, Text: "can't be computed"}
		if v, u, ok := value(r.Value); ok {
			row.Value, row.OK = v, true
			row.Text = calc.FormatInterval(v, u, st)
			// The article's own figure keeps the article's qualifier
			// ("approximately", "~ … (estimated run-rate)"); a reader's is theirs.
			if f, isFigure := ds.Figure(r.Value); isFigure && !values.SetsFigure(r.Value) {
				row.Text = f.Qualify(row.Text)
			}
		}
		if b := r.Beside; b != nil && res != nil {
			if got, ok := res.Get(b.Comparison); ok && got.OK() {
				x := got.Value.Lo
				if b.Negate {
					x = x.Neg()
				}
				s := calc.FormatSigned(x, got.Unit, st)
				if b.Label != "" {
					s += " " + b.Label
				}
				row.Text += " (" + s + ")"
			}
		}
		for _, m := range r.Marks {
			if x, _, ok := value(m); ok {
				row.Marks = append(row.Marks, x.Lo)
			}
		}
		rows[i] = row
	}
	note := spec.ExplainNote(func(id string) string {
		x, u, ok := value(id)
		switch {
		case !ok:
			return "can't be computed"
		case u == data.PP:
			return calc.FormatSigned(x.Lo, u, st)
		}
		return calc.FormatInterval(x, u, st)
	})
	return Chart{ID: t.ID, Title: spec.Title, Note: note, Rows: rows}
}
