package widget

import (
	"amzwidget/calc"
	"amzwidget/chart"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// TopicChart draws a topic's chart as its dataset declares it
// (data.TopicChart): one bar per row on one shared scale, under the
// reader's values and their results (rows: chart.ForTopic).
type TopicChart struct {
	app.Compo

	Data    *data.Dataset
	Topic   string // the topic's id
	Values  calc.Assumptions
	Results *calc.Results
	Style   calc.Style
}

// Render draws the chart; nothing for an unknown topic.
func (c *TopicChart) Render() app.UI {
	ds := c.Data
	t, ok := ds.Topic(c.Topic)
	if !ok {
		return app.Div().Class("chart", "empty")
	}
	return barChart(chart.ForTopic(ds, t, c.Values, c.Results, c.Style))
}
