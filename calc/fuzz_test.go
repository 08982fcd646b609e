package calc_test

import (
	"regexp"
	"strconv"
	"strings"
	"testing"

	"amzwidget/calc"
	"amzwidget/data"
	"amzwidget/scenario"
)

// FuzzEvaluate feeds reader text through the one parser into the engine
// and checks identities that hold for any figures: the two rounds' shares
// add up to the total share, the capex gap plus the estimate is the capex,
// and nothing displayed is ever NaN, infinite, in e-notation, a signed
// zero ("−0.00", "+0.00") or a non-zero value shown as zero.
func FuzzEvaluate(f *testing.F) {
	f.Add("350000", "14000", "16000", "200", "148.86")
	f.Add("0", "0", "0", "0", "0")
	f.Add("300000", "1e6", "abc", "-5", "34,6")
	f.Add("1", "999999999999999999999999999999", "0.000000000000000000000000000001", "7", "3")
	ds := data.Default()
	f.Fuzz(func(t *testing.T, workforce, oct, jan, capex, estimate string) {
		sc := scenario.New(ds)
		for id, text := range map[string]string{
			"workforce": workforce, "cut_oct2025": oct, "cut_jan2026": jan,
			"capex_2026": capex, "capex_2026_estimate": estimate,
		} {
			_ = sc.Set(id, text) // refused values keep the article's
		}
		rs := sc.Evaluate()
		get := func(id string) calc.Result {
			r, ok := rs.Get(id)
			if !ok {
				t.Fatalf("no %s", id)
			}
			return r
		}
		total, o, j := get("cut_share_total"), get("cut_share_oct2025"), get("cut_share_jan2026")
		if total.OK() != o.OK() || o.OK() != j.OK() {
			t.Fatalf("shares disagree on computability: %v %v %v", total.Err, o.Err, j.Err)
		}
		if total.OK() && !o.Value.Lo.Add(j.Value.Lo).Equal(total.Value.Lo) {
			t.Fatalf("%s + %s ≠ %s", o.Value.Lo, j.Value.Lo, total.Value.Lo)
		}
		diff := get("capex_vs_estimate_diff")
		capexV, _ := calc.Figure(ds, sc.Values, "capex_2026")
		estV, _ := calc.Figure(ds, sc.Values, "capex_2026_estimate")
		if !diff.Value.Lo.Add(estV.Lo).Equal(capexV.Lo) {
			t.Fatalf("gap %s + estimate %s ≠ capex %s", diff.Value.Lo, estV.Lo, capexV.Lo)
		}
		for _, st := range []calc.Style{calc.DefaultStyle, {Digits: 6, Exact: true}, {Digits: 0}} {
			for _, r := range rs.All() {
				if !r.OK() {
					continue
				}
				s := calc.FormatInterval(r.Value, r.Unit, st)
				for _, bad := range []string{"NaN", "Inf", "e+", "e-", "-0 ", "−0%", "−0 "} {
					if strings.Contains(s, bad) {
						t.Fatalf("%s displays %q", r.Comparison.ID, s)
					}
				}
				if msg := badZero(r.Value.Lo, s); msg != "" {
					t.Fatalf("%s: %s", r.Comparison.ID, msg)
				}
				for _, end := range []calc.Value{r.Value.Lo, r.Value.Hi} {
					for _, s := range []string{calc.Format(end, r.Unit, st), calc.FormatSigned(end, r.Unit, st)} {
						if msg := badZero(end, s); msg != "" {
							t.Fatalf("%s: %s", r.Comparison.ID, msg)
						}
					}
				}
			}
		}
	})
}

// signedZero matches a zero written with a sign: "−0", "+0.00", "−$0.00",
// "−0,00 %"; not "−0.004".
var signedZero = regexp.MustCompile(`[−+-]\$?0(?:[.,]0*)?(?:[^0-9.,(]|$)`)

// badZero says what is wrong when s, the text of a value or of a range
// whose first end is v, shows a signed zero, or shows v as zero although
// it is not (only checked when s is one value, without a range dash).
func badZero(v calc.Value, s string) string {
	if signedZero.MatchString(s) {
		return "signed zero in " + strconv.Quote(s)
	}
	if v.Sign() == 0 || strings.Contains(s, "–") {
		return ""
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	if strings.Trim(digits, "0") == "" {
		return v.String() + " shown as zero: " + strconv.Quote(s)
	}
	return ""
}
