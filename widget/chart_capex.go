package widget

import (
	"amzwidget/calc"
	"amzwidget/chart"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// CapexChart draws the 2026 capital spending of Amazon, Alphabet, Meta and
// Microsoft as bars under the reader's assumptions: a range as a solid bar
// to its low end and an outlined band to its high end, and the analysts'
// estimate for Amazon as a dashed line across Amazon's bar (rows:
// chart.Capex).
type CapexChart struct {
	app.Compo

	Values calc.Assumptions
	Style  calc.Style
}

// Render draws the chart.
func (c *CapexChart) Render() app.UI {
	return barChart(chart.Capex(c.Values, c.Style))
}
