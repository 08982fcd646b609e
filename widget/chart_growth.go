package widget

import (
	"amzwidget/calc"
	"amzwidget/chart"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// GrowthChart draws the year-over-year growth of AWS, Azure and Google
// Cloud as bars from a zero line (growth below zero is drawn to its
// left), with a dashed line at AWS's rate across every row, so that each
// rival's spread over AWS is the distance from the line to its bar's end,
// also written beside the bar (rows: chart.Growth).
type GrowthChart struct {
	app.Compo

	Values  calc.Assumptions
	Results *calc.Results
	Style   calc.Style
}

// Render draws the chart.
func (c *GrowthChart) Render() app.UI {
	return barChart(chart.Growth(c.Values, c.Results, c.Style))
}
