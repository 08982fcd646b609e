package calc_test

import (
	"fmt"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/shopspring/decimal"
)

// A quotient stays exact until it is displayed.
func ExampleValue_Quo() {
	cuts, workforce := calc.Int(30000), calc.Int(350000)
	share, _ := cuts.Quo(workforce)
	pct := share.Mul(calc.Int(100))
	fmt.Println(pct)          // exact, with its repeating block
	fmt.Println(pct.Round(2)) // rounded once, half away from zero
	fmt.Println(pct.Mul(calc.Int(350000)).Equal(calc.Int(3000000)))
	// Output:
	// 8.(571428)
	// 8.57
	// true
}

func ExampleValue_Quo_zero() {
	_, err := calc.Int(1).Quo(calc.Int(0))
	fmt.Println(err)
	// Output:
	// division by zero
}

func ExampleValue_Repeating() {
	v, _ := calc.Int(1).Quo(calc.Int(6))
	fmt.Println(v.Repeating(60))
	w, _ := calc.Int(1).Quo(calc.Int(97)) // a 96-digit period
	fmt.Println(w.Repeating(8))
	// Output:
	// 0.1(6)
	// 0.01030927…
}

// Ranges flow through arithmetic as intervals.
func ExampleInterval_Add() {
	amazon := calc.Point(calc.Int(200))
	alphabet := calc.Interval{Lo: calc.Int(175), Hi: calc.Int(185)}
	meta := calc.Interval{Lo: calc.Int(115), Hi: calc.Int(135)}
	microsoft := calc.Point(calc.Int(150))
	sum := amazon.Add(alphabet).Add(meta).Add(microsoft)
	fmt.Println(calc.FormatInterval(sum, data.USDBillion, calc.DefaultStyle))
	// Output:
	// $640–670 billion
}

// Format shows an exact value as it is, and marks a rounded one with ≈.
func ExampleFormat() {
	tenth, _ := calc.Int(30000).Quo(calc.Int(300000))
	share, _ := calc.Int(30000).Quo(calc.Int(350000))
	st := calc.DefaultStyle
	fmt.Println(calc.Format(tenth.Mul(calc.Int(100)), data.Percent, st))
	fmt.Println(calc.Format(share.Mul(calc.Int(100)), data.Percent, st))
	st.Exact = true
	fmt.Println(calc.Format(share.Mul(calc.Int(100)), data.Percent, st))
	fmt.Println(calc.Format(calc.MustParse("-15"), data.PP, calc.DefaultStyle))
	fmt.Println(calc.Format(calc.Int(1350000), data.People, calc.DefaultStyle))
	// Output:
	// 10%
	// ≈ 8.57%
	// 8.(571428)%
	// −15 pp
	// 1,350,000
}

// Evaluate computes every declared comparison; a reader's assumption
// replaces the article's figure.
func ExampleEvaluate() {
	ds := data.Default()
	st := calc.DefaultStyle
	r, _ := calc.Evaluate(ds, nil).Get("cut_share_total")
	fmt.Println(calc.FormatInterval(r.Value, r.Unit, st))
	r, _ = calc.Evaluate(ds, calc.Assumptions{"workforce": decimal.NewFromInt(300000)}).Get("cut_share_total")
	fmt.Println(calc.FormatInterval(r.Value, r.Unit, st))
	r, _ = calc.Evaluate(ds, calc.Assumptions{"workforce": decimal.Zero}).Get("cut_share_total")
	fmt.Println(r.Err)
	// Output:
	// ≈ 8.57%
	// 10%
	// Amazon corporate workforce is zero (division by zero)
}

// Check judges a claim by its rule: "about" allows ±5 %.
func ExampleCheck() {
	ds := data.Default()
	v, _ := calc.Evaluate(ds, nil).Verdict("claim_cut_share_total")
	fmt.Println(v.Outcome)
	fmt.Println(calc.Format(v.Gap.Lo, data.PP, calc.DefaultStyle))
	v, _ = calc.Evaluate(ds, calc.Assumptions{"workforce": decimal.NewFromInt(300000)}).Verdict("claim_cut_share_total")
	fmt.Println(v.Outcome)
	// Output:
	// overstated
	// ≈ 1.43 pp
	// consistent
}

// A range shares one unit and one "≈" only when both ends share them; a
// value too small for the places shown gets more places, never "0.00".
func ExampleFormatInterval() {
	st := calc.DefaultStyle
	lo, _ := calc.Int(209).Quo(calc.Int(7)) // 29.857142…
	fmt.Println(calc.FormatInterval(calc.Interval{Lo: lo, Hi: calc.MustParse("31.25")}, data.Percent, st))
	fmt.Println(calc.FormatInterval(calc.Interval{Lo: calc.Int(-5), Hi: calc.Int(10)}, data.USDBillion, st))
	tiny, _ := calc.Int(1).Quo(calc.Int(300)) // 0.00333…
	fmt.Println(calc.FormatSigned(tiny, data.PP, st))
	// Output:
	// ≈ 29.86% – 31.25%
	// −$5 billion – $10 billion
	// ≈ +0.003 pp
}

// Note writes the figures an explanation names as the values in force:
// the article's with its qualifier, the reader's marked as theirs.
func ExampleNote() {
	ds := data.Default()
	c, _ := ds.Comparison("cut_share_oct2025")
	fmt.Println(calc.Note(ds, nil, c, calc.DefaultStyle))
	a := calc.Assumptions{"workforce": decimal.RequireFromString("300000")}
	fmt.Println(calc.Note(ds, a, c, calc.Style{Locale: calc.German}))
	// Output:
	// The October 2025 round divided by the corporate workforce of around 350,000.
	// The October 2025 round divided by the corporate workforce of 300.000 (your figure).
}
