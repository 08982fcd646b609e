package widget

import (
	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// CapexChart draws the 2026 capital spending of Amazon, Alphabet, Meta and
// Microsoft as bars under the reader's assumptions: a range as a solid bar
// to its low end and an outlined band to its high end, and the analysts'
// estimate for Amazon as a dashed line across Amazon's bar.
type CapexChart struct {
	app.Compo

	Values calc.Assumptions
	Style  calc.Style
}

// capexCompanies are the chart's rows: a name and the figure's id.
var capexCompanies = []struct{ Name, ID string }{
	{"Amazon", "capex_2026"},
	{"Alphabet", "alphabet_capex"},
	{"Meta", "meta_capex"},
	{"Microsoft", "microsoft_capex"},
}

// capexEstimate is the figure drawn as a mark on Amazon's bar.
const capexEstimate = "capex_2026_estimate"

// Render draws the chart.
func (c *CapexChart) Render() app.UI {
	ds := data.Default()
	est, _ := calc.Figure(ds, c.Values, capexEstimate)
	rows := make([]barRow, len(capexCompanies))
	for i, co := range capexCompanies {
		v, ok := calc.Figure(ds, c.Values, co.ID)
		text := calc.FormatInterval(v, data.USDBillion, c.Style)
		// The article's own figure keeps the article's qualifier
		// ("approximately", "~ … (estimated run-rate)"); a reader's is theirs.
		if f, found := ds.Figure(co.ID); found && !c.Values.SetsFigure(co.ID) {
			text = f.Qualify(text)
		}
		rows[i] = barRow{Name: co.Name, Value: v, OK: ok, Text: text, Main: i == 0}
		if i == 0 {
			rows[i].Marks = []calc.Value{est.Lo}
		}
	}
	return barChart("capex", "Capital spending in 2026, by company",
		"Dashed line: the analysts’ estimate for Amazon ("+calc.Format(est.Lo, data.USDBillion, c.Style)+
			"). Bands are ranges.", rows)
}
