package widget

import (
	"fmt"

	"amzwidget/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// svgNS is the SVG namespace: every SVG element needs it, or the browser
// creates an unknown HTML element when go-app updates the chart.
const svgNS = "http://www.w3.org/2000/svg"

// svg returns an SVG element.
func svg(tag string) app.HTMLElem { return app.Elem(tag).XMLNS(svgNS) }

// Chart geometry, in viewBox units: the SVG scales to its container's
// width (CSS width: 100%), so these are proportions, not pixels.
const (
	chartW    = 400 // viewBox width
	barSpan   = 260 // the widest bar
	rowH      = 46  // one labelled bar
	barOffset = 20  // from a row's top to its bar
	barH      = 16
)

// coord is offset + v/max × span, v clamped to [0, max], computed with
// exact decimals and written with at most two decimal places.
func coord(offset int64, v, max calc.Value, span int64) string {
	if v.Sign() < 0 || max.Sign() <= 0 {
		v = calc.Int(0)
	}
	if v.Cmp(max) > 0 {
		v = max
	}
	if max.Sign() <= 0 {
		return calc.Int(offset).Round(2).String()
	}
	q, err := v.Mul(calc.Int(span)).Quo(max)
	if err != nil {
		return calc.Int(offset).Round(2).String()
	}
	return q.Add(calc.Int(offset)).Round(2).String()
}

// num writes an integer viewBox coordinate.
func num(i int) string { return fmt.Sprint(i) }

// maxOf returns the largest of vs, and 1 when none is positive (so a
// chart of zeros still has a scale).
func maxOf(vs ...calc.Value) calc.Value {
	m := calc.Int(0)
	for _, v := range vs {
		if v.Cmp(m) > 0 {
			m = v
		}
	}
	if m.Sign() <= 0 {
		return calc.Int(1)
	}
	return m
}

// chartFrame wraps a chart: the SVG with its title and description (the
// accessible name and description of an image), and the same data as an
// HTML table in a <details> below it.
func chartFrame(id, title, desc string, height int, body []app.UI, head []string, rows [][]string) app.UI {
	return app.Figure().Class("chart").ID("chart-"+id).Body(
		svg("svg").
			Class("chart-svg").
			Attr("viewBox", "0 0 "+num(chartW)+" "+num(height)).
			Attr("preserveAspectRatio", "xMinYMin meet").
			Attr("role", "img").
			Aria("labelledby", "chart-"+id+"-title").
			Aria("describedby", "chart-"+id+"-desc").
			Body(
				svg("title").ID("chart-"+id+"-title").Text(title),
				svg("desc").ID("chart-"+id+"-desc").Text(desc),
				app.Range(body).Slice(func(i int) app.UI { return body[i] }),
			),
		app.Details().Class("chart-data").Body(
			app.Summary().Text("The chart's data as a table"),
			app.Table().Body(
				app.Caption().Text(title),
				app.THead().Body(app.Tr().Body(app.Range(head).Slice(func(i int) app.UI {
					return app.Th().Scope("col").Text(head[i])
				}))),
				app.TBody().Body(app.Range(rows).Slice(func(i int) app.UI {
					r := rows[i]
					return app.Tr().Body(app.Range(r).Slice(func(j int) app.UI {
						if j == 0 {
							return app.Th().Scope("row").Text(r[0])
						}
						return app.Td().Text(r[j])
					}))
				})),
			),
		),
	)
}

// label is a text line of a chart.
func label(x, y, class, text string) app.UI {
	return svg("text").Class(class).Attr("x", x).Attr("y", y).Text(text)
}

// rect is a bar from x0 to x1 at row y.
func rect(class, x0, x1 string, y, h int) app.UI {
	w := calc.MustParse(x1).Sub(calc.MustParse(x0))
	if w.Sign() < 0 {
		w = calc.Int(0)
	}
	return svg("rect").Class(class).Attr("x", x0).Attr("y", num(y)).
		Attr("width", w.Round(2).String()).Attr("height", num(h))
}
