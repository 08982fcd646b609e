package calc

import "amzwidget/data"

// Note is a comparison's explanation under the assumptions: each figure it
// names ({figure_id}, see data.Comparison.ExplainNote) is written as the
// value in force, in st's locale at the unit's default precision. The
// article's value keeps the article's qualifier ("around 350,000"); a
// value the reader set is marked as theirs ("300,000 (your figure)"), so
// an explanation never quotes a figure the results no longer use.
func Note(ds *data.Dataset, a Assumptions, c data.Comparison, st Style) string {
	st = st.LocaleOnly()
	return c.ExplainNote(func(id string) string {
		f, _ := ds.Figure(id)
		x, ok := Figure(ds, a, id)
		if !ok {
			return "{" + id + "}" // Check rules this out
		}
		s := FormatInterval(x, f.Unit, st)
		if a.SetsFigure(id) {
			return s + " (your figure)"
		}
		return f.Qualify(s)
	})
}
