package calc_test

import (
	"testing"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/shopspring/decimal"
)

// BenchmarkEvaluate recomputes every comparison and claim after one input
// changed: what the widget does per keystroke.
func BenchmarkEvaluate(b *testing.B) {
	ds := data.Default()
	a := calc.Assumptions{"workforce": decimal.NewFromInt(300000)}
	b.ReportAllocs()
	for b.Loop() {
		calc.Evaluate(ds, a)
	}
}

// BenchmarkEvaluateFloat64 is the same arithmetic in float64, as a
// reference for what exactness costs. It is not used by the widget.
func BenchmarkEvaluateFloat64(b *testing.B) {
	type fig struct{ lo, hi float64 }
	figs := map[string]fig{
		"workforce": {300000, 300000}, "cut_oct2025": {14000, 14000}, "cut_jan2026": {16000, 16000},
		"capex_2026": {200, 200}, "capex_2026_estimate": {148.86, 148.86},
		"alphabet_capex": {175, 185}, "meta_capex": {115, 135}, "microsoft_capex": {150, 150},
		"aws_growth": {24, 24}, "azure_growth": {39, 39}, "gcp_growth": {48, 48},
		"aws_q4_revenue": {35.6, 35.6}, "aws_q4_revenue_estimate": {34.93, 34.93},
		"aws_q4_operating_income": {12.47, 12.47}, "aws_q3_margin": {34.6, 34.6},
		"aws_capacity_added_2025": {4, 4}, "microsoft_capacity_added_q4_2025": {1, 1},
		"anthropic_investment": {8, 8}, "anthropic_investment_value": {60, 61},
	}
	ds := data.Default()
	order := ds.EvalOrder()
	b.ReportAllocs()
	for b.Loop() {
		res := make(map[string]fig, len(order))
		sum := func(ids []string) fig {
			var s fig
			for _, id := range ids {
				v, ok := figs[id]
				if !ok {
					v = res[id]
				}
				s.lo += v.lo
				s.hi += v.hi
			}
			return s
		}
		for _, c := range order {
			a, bb := sum(c.A), sum(c.B)
			var r fig
			switch c.Kind {
			case data.Sum:
				r = a
			case data.Scale:
				r = fig{a.lo * 4, a.hi * 4}
			case data.Difference, data.Spread:
				r = fig{a.lo - bb.hi, a.hi - bb.lo}
			case data.Share:
				r = fig{a.lo / bb.hi * 100, a.hi / bb.lo * 100}
			case data.Ratio:
				r = fig{a.lo / bb.hi, a.hi / bb.lo}
			case data.PercentChange:
				r = fig{(a.lo - bb.hi) / bb.hi * 100, (a.hi - bb.lo) / bb.lo * 100}
			case data.ImpliedPrevious:
				r = fig{a.lo / (1 + bb.hi/100), a.hi / (1 + bb.lo/100)}
			}
			res[c.ID] = r
		}
	}
}
