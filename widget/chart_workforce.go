package widget

import (
	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// WorkforceChart draws each round of cuts, and both together, as a share
// of the whole corporate workforce: a full-width track is the workforce
// and the filled part the jobs cut.
type WorkforceChart struct {
	app.Compo

	Results *calc.Results
	Style   calc.Style
}

// workforceRows are the chart's rows: a name and the share comparison.
var workforceRows = []struct{ Name, ID string }{
	{"October 2025 round", "cut_share_oct2025"},
	{"January 2026 round", "cut_share_jan2026"},
	{"Both rounds", "cut_share_total"},
}

// Render draws the chart.
func (c *WorkforceChart) Render() app.UI {
	hundred := calc.Int(100)
	rows := make([]barRow, len(workforceRows))
	for i, r := range workforceRows {
		row := barRow{Name: r.Name, Text: "can't be computed", Main: i == len(workforceRows)-1, Track: &hundred}
		if c.Results != nil {
			if res, ok := c.Results.Get(r.ID); ok && res.OK() {
				row.Value, row.OK = res.Value, true
				row.Text = calc.FormatInterval(res.Value, data.Percent, c.Style)
			}
		}
		rows[i] = row
	}
	return barChart("workforce", "Jobs cut as a share of the corporate workforce",
		"The full bar is the whole corporate workforce (100%).", rows)
}
