package chart

import (
	"encoding/xml"
	"strings"
	"testing"

	"amzwidget/calc"

	"github.com/shopspring/decimal"
)

func TestScaleIsExact(t *testing.T) {
	hundred := calc.Int(100)
	rows := []Row{
		{OK: true, Value: calc.Point(calc.MustParse("-15"))},
		{OK: true, Value: calc.Interval{Lo: calc.MustParse("10"), Hi: calc.MustParse("20")}},
		{Track: &hundred},
		{OK: false, Value: calc.Point(calc.MustParse("1000"))}, // not drawn: not on the scale
	}
	s := ScaleOf(rows)
	if !s.Min.Equal(calc.MustParse("-15")) || !s.Max.Equal(hundred) {
		t.Fatalf("scale %v–%v, want −15–100", s.Min, s.Max)
	}
	// Zero is 15/115 of the way: 130.434782… thousandths → 130.43.
	x, w := s.Span(calc.Int(0), calc.MustParse("20"))
	if !x.Equal(decimal.RequireFromString("130.43")) {
		t.Errorf("zero at %s, want 130.43", x)
	}
	// 35/115 × 1000 = 304.3478… → 304.35, minus 130.43 = 173.92.
	if !w.Equal(decimal.RequireFromString("173.92")) {
		t.Errorf("width %s, want 173.92", w)
	}
	// Clamped: beyond the scale is its end.
	if got := s.X(calc.Int(500)); !got.Equal(calc.Int(Units)) {
		t.Errorf("X(500) = %v, want %d", got, Units)
	}
	if !s.HasNegative() {
		t.Error("a scale from −15 has a negative side")
	}
	if e := ScaleOf(nil); !e.Min.Equal(calc.Int(0)) || !e.Max.Equal(calc.Int(1)) {
		t.Errorf("empty scale %v–%v, want 0–1", e.Min, e.Max)
	}
}

func TestWrapKeepsNoBreakSpaces(t *testing.T) {
	s := "cut ≈\u00a08.57% of the workforce and $51.14\u00a0billion more"
	for _, l := range Wrap(s, 20, false, TextWidth("cut ≈\u00a08.57% of", 20, false)) {
		if strings.HasSuffix(l, "≈") || strings.HasPrefix(l, "billion") {
			t.Errorf("a line broke at a no-break space: %q", l)
		}
		if TextWidth(l, 20, false) > TextWidth("cut ≈\u00a08.57% of", 20, false) && strings.Contains(l, " ") {
			t.Errorf("line %q is wider than the width", l)
		}
	}
	if got := Wrap("  two   words ", 10, false, 1000); len(got) != 1 || got[0] != "two words" {
		t.Errorf("Wrap folded to %q", got)
	}
}

func TestSVGEscapes(t *testing.T) {
	d := Drawing{Width: 10, Height: 10, Background: "#ffffff", Title: `a "title" <b>`,
		Shapes: []Shape{{Kind: Text, X: decimal.NewFromInt(1), Y: decimal.NewFromInt(2), Size: 3, Fill: "#000000",
			Text: "<script>&'\"\x00\x1b ok"}}}
	var v struct {
		Title string `xml:"title"`
		Text  string `xml:"text"`
	}
	if err := xml.Unmarshal(d.SVG(), &v); err != nil {
		t.Fatalf("not XML: %v\n%s", err, d.SVG())
	}
	if v.Title != `a "title" <b>` || v.Text != "<script>&'\" ok" {
		t.Errorf("title %q text %q", v.Title, v.Text)
	}
}
