package widget

import (
	"amzwidget/calc"

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

// barUnits is the width of a bar's viewBox: coordinates are thousandths
// of the row's width.
const barUnits = 1000

// barRow is one row of a chart.
type barRow struct {
	Name string
	// Value is the bar: from zero to Lo, and a band from Lo to Hi when the
	// value is a range.
	Value calc.Interval
	// OK is false when the value can't be computed: no bar is drawn and
	// Text says why.
	OK   bool
	Text string
	// Main marks the row the chart is about (accent colour); the others
	// are drawn muted.
	Main bool
	// Track, when set, is drawn as the row's full extent behind the bar
	// (a whole that the bar is a part of).
	Track *calc.Value
	// Marks are vertical dashed lines across the row, such as an estimate.
	Marks []calc.Value
}

// barScale is a chart's shared scale: the span from Min (≤ 0) to Max (≥ 0).
type barScale struct{ Min, Max calc.Value }

// scaleOf returns the scale that holds every row's value, track and marks,
// and zero.
func scaleOf(rows []barRow) barScale {
	s := barScale{calc.Int(0), calc.Int(0)}
	grow := func(v calc.Value) {
		if v.Cmp(s.Min) < 0 {
			s.Min = v
		}
		if v.Cmp(s.Max) > 0 {
			s.Max = v
		}
	}
	for _, r := range rows {
		if r.OK {
			grow(r.Value.Lo)
			grow(r.Value.Hi)
		}
		if r.Track != nil {
			grow(*r.Track)
		}
		for _, m := range r.Marks {
			grow(m)
		}
	}
	if s.Max.Equal(s.Min) {
		s.Max = s.Min.Add(calc.Int(1))
	}
	return s
}

// x returns v's position in viewBox units, clamped to the scale, with at
// most two decimal places.
func (s barScale) x(v calc.Value) calc.Value {
	if v.Cmp(s.Min) < 0 {
		v = s.Min
	}
	if v.Cmp(s.Max) > 0 {
		v = s.Max
	}
	q, err := v.Sub(s.Min).Mul(calc.Int(barUnits)).Quo(s.Max.Sub(s.Min))
	if err != nil { // unreachable: Max > Min
		return calc.Int(0)
	}
	return calc.Dec(q.Round(2))
}

// span returns the SVG rect attributes x and width from a to b.
func (s barScale) span(a, b calc.Value) (x, w string) {
	xa, xb := s.x(a), s.x(b)
	if xb.Cmp(xa) < 0 {
		xa, xb = xb, xa
	}
	return xa.Round(2).String(), xb.Sub(xa).Round(2).String()
}

// barChart draws rows on one scale, with a title above them and a note
// (a legend, or how to read the chart) below.
func barChart(id, title, note string, rows []barRow) app.UI {
	s := scaleOf(rows)
	zero := calc.Int(0)
	return app.Figure().Class("chart").ID("chart-"+id).Aria("labelledby", "chart-"+id+"-title").Body(
		app.Div().Class("chart-title").ID("chart-"+id+"-title").Text(title),
		app.Div().Class("bars").Body(
			app.Range(rows).Slice(func(i int) app.UI {
				r := rows[i]
				var marks []app.UI
				if r.Track != nil {
					x, w := s.span(zero, *r.Track)
					marks = append(marks, svg("rect").Class("track").Attr("x", x).Attr("y", "0").Attr("width", w).Attr("height", "20"))
				}
				if r.OK {
					class := "bar-alt"
					if r.Main {
						class = "bar"
					}
					x, w := s.span(zero, r.Value.Lo)
					marks = append(marks, svg("rect").Class(class).Attr("x", x).Attr("y", "3").Attr("width", w).Attr("height", "14"))
					if !r.Value.IsPoint() {
						x, w := s.span(r.Value.Lo, r.Value.Hi)
						marks = append(marks, svg("rect").Class("bar-range").Attr("x", x).Attr("y", "3").Attr("width", w).Attr("height", "14").
							Attr("vector-effect", "non-scaling-stroke"))
					}
				}
				if s.Min.Sign() < 0 {
					z := s.x(zero).Round(2).String()
					marks = append(marks, svg("line").Class("zero").Attr("x1", z).Attr("x2", z).Attr("y1", "0").Attr("y2", "20").
						Attr("vector-effect", "non-scaling-stroke"))
				}
				// A mark reaches past the bar, over a halo of the
				// background, so that it stands out on a bar of any colour.
				for _, m := range r.Marks {
					mx := s.x(m).Round(2).String()
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
