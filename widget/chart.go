package widget

import (
	"amzwidget/calc"
	"amzwidget/chart"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// svgNS is the SVG namespace: every SVG element needs it, or the browser
// creates an unknown HTML element when go-app updates the chart.
const svgNS = "http://www.w3.org/2000/svg"

// svg returns an SVG element.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// A chart is a list of rows, each an HTML line with the row's name and its
// value as text, and a bar drawn in a small SVG that stretches to the
// row's width (preserveAspectRatio="none"): the text keeps its size at any
// width, from a 320 px phone to the dashboard, and only the bars scale.
// Every bar of one chart shares one scale, from the smallest value (or
// zero) to the largest (or zero), so that negative values are drawn to
// the left of a zero line. The geometry is computed with exact decimals.
//
// The bars are decoration for sighted readers (aria-hidden): the names and
// values are text, read in order by a screen reader.

// barChart draws a chart's rows on their shared scale (chart.ScaleOf),
// with its title above them and its note (a legend, or how to read the
// chart) below. The server's images draw the same rows on the same scale.
func barChart(c chart.Chart) app.UI {
	id, title, note, rows := c.ID, c.Title, c.Note, c.Rows
	s := chart.ScaleOf(rows)
	zero := calc.Int(0)
	span := func(a, b calc.Value) (string, string) {
		x, w := s.Span(a, b)
		return x.String(), w.String()
	}
	return app.Figure().Class("chart").ID("chart-"+id).Aria("labelledby", "chart-"+id+"-title").Body(
		app.Div().Class("chart-title").ID("chart-"+id+"-title").Text(title),
		app.Div().Class("bars").Body(
			app.Range(rows).Slice(func(i int) app.UI {
				r := rows[i]
				var marks []app.UI
				if r.Track != nil {
					x, w := span(zero, *r.Track)
					marks = append(marks, svg("rect").Class("track").Attr("x", x).Attr("y", "0").Attr("width", w).Attr("height", "20"))
				}
				if r.OK {
					class := "bar-alt"
					if r.Main {
						class = "bar"
					}
					x, w := span(zero, r.Value.Lo)
					marks = append(marks, svg("rect").Class(class).Attr("x", x).Attr("y", "3").Attr("width", w).Attr("height", "14"))
					if !r.Value.IsPoint() {
						x, w := span(r.Value.Lo, r.Value.Hi)
						marks = append(marks, svg("rect").Class("bar-range").Attr("x", x).Attr("y", "3").Attr("width", w).Attr("height", "14").
							Attr("vector-effect", "non-scaling-stroke"))
					}
				}
				if s.HasNegative() {
					z := s.X(zero).Round(2).String()
					marks = append(marks, svg("line").Class("zero").Attr("x1", z).Attr("x2", z).Attr("y1", "0").Attr("y2", "20").
						Attr("vector-effect", "non-scaling-stroke"))
				}
				// A mark reaches past the bar, over a halo of the
				// background, so that it stands out on a bar of any colour.
				for _, m := range r.Marks {
					mx := s.X(m).Round(2).String()
					marks = append(marks,
						svg("line").Class("marker-halo").Attr("x1", mx).Attr("x2", mx).Attr("y1", "-4").Attr("y2", "24").
							Attr("vector-effect", "non-scaling-stroke"),
						svg("line").Class("marker").Attr("x1", mx).Attr("x2", mx).Attr("y1", "-4").Attr("y2", "24").
							Attr("vector-effect", "non-scaling-stroke"))
				}
				rowClass := "bar-row"
				if r.Main {
					rowClass += " main"
				}
				return app.Div().Class(rowClass).Body(
					app.Span().Class("bar-name").Text(r.Name),
					app.Span().Class("bar-value").Text(keepTogether(r.Text)),
					svg("svg").Class("chart-svg").
						Attr("viewBox", "0 0 1000 20").
						Attr("preserveAspectRatio", "none").
						Attr("focusable", "false").
						Aria("hidden", "true").
						Body(marks...),
				)
			}),
		),
		app.If(note != "", func() app.UI { return app.P().Class("chart-note").Text(note) }),
	)
}
