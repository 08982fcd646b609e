package widget

import (
	"strconv"
	"time"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// CorrectionsNote says which figures on the page a release corrected, and
// what they were: "Corrected on 23 November 2026: Analysts’ estimate of
// Amazon’s 2026 capital expenditure was $146.6 billion; it is now $148.86
// billion." A newsroom that corrects a figure says so where it shows it.
type CorrectionsNote struct {
	app.Compo

	Lines []Correction
}

// Correction is one correction in words.
type Correction struct {
	Day      string // the day in the page's language: 23 November 2026
	DateTime string // the same day for <time datetime>: 2026-11-23
	Text     string // what was corrected: "… was $146.6 billion; it is now …"
}

// Render draws the corrections (the board adds the note only when there
// are some).
func (c *CorrectionsNote) Render() app.UI {
	return app.Div().Class("corrections").Body(
		app.Range(c.Lines).Slice(func(i int) app.UI {
			l := c.Lines[i]
			return app.P().Class("correction").Body(
				app.Strong().Text("Corrected on "),
				app.Time().DateTime(l.DateTime).Text(l.Day),
				app.Text(": "+l.Text),
			)
		}),
	)
}

// corrections words the corrections of the figures cs depend on, in st's
// language and number format.
func corrections(ds *data.Dataset, cs []data.Comparison, st calc.Style) []Correction {
	var out []Correction
	plain := st.LocaleOnly()
	for _, cr := range ds.CorrectionsOf(cs) {
		f, _ := ds.Figure(cr.Figure)
		was, _ := data.ParseDecimal(cr.Was)
		now, _ := ds.Value(cr.Figure)
		out = append(out, Correction{
			Day:      dayIn(cr.Day(), st.Locale.Tag),
			DateTime: cr.On,
			Text: f.Label + " was " + f.Qualify(calc.Format(calc.Dec(was), f.Unit, plain)) +
				"; it is now " + f.Qualify(calc.Format(calc.Dec(now.Low), f.Unit, plain)) + ".",
		})
	}
	return out
}

// monthNames are the months in the page's languages.
var monthNames = map[string][12]string{
	"en": {"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"},
	"de": {"Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober", "November", "Dezember"},
	"fr": {"janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"},
}

// dayIn writes a day as the language does: 23 November 2026, 23. November
// 2026, 23 novembre 2026 (1er for the first of a French month).
func dayIn(d time.Time, lang string) string {
	months, ok := monthNames[lang]
	if !ok {
		months, lang = monthNames["en"], "en"
	}
	day := strconv.Itoa(d.Day())
	switch {
	case lang == "de":
		day += "."
	case lang == "fr" && d.Day() == 1:
		day = "1er"
	}
	return day + "\u00a0" + months[d.Month()-1] + " " + strconv.Itoa(d.Year())
}
