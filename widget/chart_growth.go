package widget

import (
	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// GrowthChart draws the year-over-year growth of AWS, Azure and Google
// Cloud as bars from a zero line (growth below zero is drawn to its
// left), with a dashed line at AWS's rate across every row, so that each
// rival's spread over AWS is the distance from the line to its bar's end,
// also written beside the bar.
type GrowthChart struct {
	app.Compo

	Values  calc.Assumptions
	Results *calc.Results
	Style   calc.Style
}

// growthRows are the chart's rows: a name, the figure, and the comparison
// that is AWS's spread against it ("" for AWS itself).
var growthRows = []struct{ Name, ID, Spread string }{
	{"AWS", "aws_growth", ""},
	{"Microsoft Azure", "azure_growth", "aws_vs_azure_growth"},
	{"Google Cloud", "gcp_growth", "aws_vs_gcp_growth"},
}

// Render draws the chart.
func (c *GrowthChart) Render() app.UI {
	ds := data.Default()
	aws, _ := calc.Figure(ds, c.Values, growthRows[0].ID)
	rows := make([]barRow, len(growthRows))
	for i, r := range growthRows {
		v, ok := calc.Figure(ds, c.Values, r.ID)
		text := calc.FormatInterval(v, data.Percent, c.Style)
		if r.Spread != "" && c.Results != nil {
			if res, ok := c.Results.Get(r.Spread); ok && res.OK() {
				// The comparison is AWS minus the rival; the chart shows
				// the rival against AWS.
				text += " (" + calc.FormatSigned(res.Value.Lo.Neg(), data.PP, c.Style) + " vs AWS)"
			}
		}
		rows[i] = barRow{Name: r.Name, Value: v, OK: ok, Text: text, Main: i == 0, Marks: []calc.Value{aws.Lo}}
	}
	note := "Dashed line: AWS’s rate."
	if c.Results != nil {
		if res, ok := c.Results.Get("gcp_vs_azure_growth"); ok && res.OK() {
			note += " Google Cloud minus Azure: " + calc.FormatSigned(res.Value.Lo, data.PP, c.Style) + "."
		}
	}
	return barChart("growth", "Growth: AWS in Q4 2025, Azure and Google Cloud in their latest quarter", note, rows)
}
