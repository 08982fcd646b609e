// Package chart describes the widget's charts without drawing them: the
// rows of each topic's chart, computed from the exact results, on one
// shared exact scale. The page's go-app charts (widget) and the images
// the server sends (/chart/{topic}.svg and .png) are drawn from the same
// rows and the same scale. It imports neither go-app nor syscall/js, and
// nothing here uses floating point: coordinates are exact decimals.
package chart

import (
	"amzwidget/calc"

	"github.com/shopspring/decimal"
)

// Units is the width of a bar's coordinate space: positions are
// thousandths of the width a row's bar is drawn across.
const Units = 1000

// Row is one row of a chart.
type Row struct {
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

// Chart is one topic's chart: its id (the topic's chart is
// "chart-"+ID on the page), its title, its rows and a note (a legend, or
// how to read it).
type Chart struct {
	ID, Title, Note string
	Rows            []Row
}

// Scale is a chart's shared scale: the span from Min (≤ 0) to Max (≥ 0).
type Scale struct{ Min, Max calc.Value }

// ScaleOf returns the scale that holds every row's value, track and marks,
// and zero.
func ScaleOf(rows []Row) Scale {
	s := Scale{calc.Int(0), calc.Int(0)}
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

// X returns v's position in Units, clamped to the scale, with at most two
// decimal places.
func (s Scale) X(v calc.Value) calc.Value {
	if v.Cmp(s.Min) < 0 {
		v = s.Min
	}
	if v.Cmp(s.Max) > 0 {
		v = s.Max
	}
	q, err := v.Sub(s.Min).Mul(calc.Int(Units)).Quo(s.Max.Sub(s.Min))
	if err != nil { // unreachable: Max > Min
		return calc.Int(0)
	}
	return calc.Dec(q.Round(2))
}

// Span returns the start and the width, in Units, of the stretch from a
// to b (in either order).
func (s Scale) Span(a, b calc.Value) (x, w decimal.Decimal) {
	xa, xb := s.X(a), s.X(b)
	if xb.Cmp(xa) < 0 {
		xa, xb = xb, xa
	}
	return xa.Round(2), xb.Sub(xa).Round(2)
}

// HasNegative reports whether the scale reaches below zero, where a zero
// line is drawn.
func (s Scale) HasNegative() bool { return s.Min.Sign() < 0 }
