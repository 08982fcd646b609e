package widget

import (
	"amzwidget/calc"
	"amzwidget/chart"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// WorkforceChart draws each round of cuts, and both together, as a share
// of the whole corporate workforce: a full-width track is the workforce
// and the filled part the jobs cut (rows: chart.Workforce).
type WorkforceChart struct {
	app.Compo

	Results *calc.Results
	Style   calc.Style
}

// Render draws the chart.
func (c *WorkforceChart) Render() app.UI {
	return barChart(chart.Workforce(c.Results, c.Style))
}
