package calc_test

import (
	"errors"
	"math/big"
	"os/exec"
	"slices"
	"strings"
	"testing"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/shopspring/decimal"
)

// rat parses "a/b" or "a" into an exact big.Rat: the independent side of
// every expectation below, worked out by hand from the articles' figures.
func rat(s string) *big.Rat {
	r, ok := new(big.Rat).SetString(s)
	if !ok {
		panic(s)
	}
	return r
}

// articleResults are the comparisons under the articles' own figures, as
// exact fractions (lo, hi), computed by hand:
// 14000/350000 = 1/25 → 4 %; 16000/350000 = 8/175 → 800/175 %; etc.
var articleResults = map[string][2]string{
	"cut_total":                    {"30000", "30000"},
	"cut_share_oct2025":            {"4", "4"},
	"cut_share_jan2026":            {"32/7", "32/7"}, // 16000/350000×100
	"cut_share_total":              {"60/7", "60/7"}, // 30000/350000×100
	"capex_vs_estimate_diff":       {"51.14", "51.14"},
	"capex_vs_estimate_pct":        {"511400/14886", "511400/14886"},
	"capex_vs_estimate_ratio":      {"20000/14886", "20000/14886"},
	"hyperscaler_capex_sum":        {"640", "670"},             // 200+175+115+150, 200+185+135+150
	"amazon_capex_share":           {"20000/670", "20000/640"}, // 200/670, 200/640 ×100
	"capex_vs_alphabet":            {"15", "25"},               // 200−185, 200−175
	"capex_vs_meta":                {"65", "85"},               // 200−135, 200−115
	"capex_vs_microsoft":           {"50", "50"},
	"aws_vs_azure_growth":          {"-15", "-15"},
	"aws_vs_gcp_growth":            {"-24", "-24"},
	"gcp_vs_azure_growth":          {"9", "9"},
	"aws_revenue_vs_estimate_diff": {"0.67", "0.67"},
	"aws_revenue_vs_estimate_pct":  {"6700/3493", "6700/3493"}, // 0.67/34.93×100
	"aws_q4_margin":                {"124700/3560", "124700/3560"},
	"aws_margin_change":            {"124700/3560 − 34.6", ""}, // see below
	"aws_run_rate":                 {"142.4", "142.4"},
	// 4 GW over 2025 ÷ (1 GW in Q4 2025 × 4): a year against a year.
	"capacity_aws_vs_microsoft_annualised": {"1", "1"},
	// Comparisons a reader asks for (issue 12 #5):
	// the Anthropic stake, 60–61 ÷ 8 = 7.5–7.625×, a paper gain of 60−8 = 52 to 61−8 = 53;
	"anthropic_stake_multiple": {"7.5", "7.625"},
	"anthropic_paper_gain":     {"52", "53"},
	// Q4 2024 revenue implied by 24 % growth: 35.6 ÷ 1.24 = 3560/124 = 890/31
	// (≈ 28.7097), a rise of 35.6 − 890/31 = (1103.6 − 890)/31 = 213.6/31 = 2136/310 (≈ 6.8903);
	"aws_q4_2024_revenue_implied": {"890/31", "890/31"},
	"aws_revenue_rise_implied":    {"2136/310", "2136/310"},
	// company-wide 2026 capex ÷ AWS's run rate: 200 ÷ (35.6 × 4) = 200/142.4 = 125/89 (≈ 1.4045).
	"capex_vs_aws_run_rate": {"125/89", "125/89"},
}

func TestEvaluateArticleFigures(t *testing.T) {
	ds := data.Default()
	rs := calc.Evaluate(ds, nil)
	margin := new(big.Rat).Sub(rat("124700/3560"), rat("34.6"))
	for id, want := range articleResults {
		r, ok := rs.Get(id)
		if !ok {
			t.Errorf("%s: no such comparison", id)
			continue
		}
		if r.Err != nil {
			t.Errorf("%s: %v", id, r.Err)
			continue
		}
		var lo, hi *big.Rat
		if id == "aws_margin_change" {
			lo, hi = margin, margin
		} else {
			lo, hi = rat(want[0]), rat(want[1])
		}
		if r.Value.Lo.Rat().Cmp(lo) != 0 || r.Value.Hi.Rat().Cmp(hi) != 0 {
			t.Errorf("%s = [%s, %s], want [%s, %s]", id, r.Value.Lo, r.Value.Hi, lo.FloatString(6), hi.FloatString(6))
		}
	}
	for _, c := range ds.Comparisons {
		if _, ok := articleResults[c.ID]; !ok && c.ID != "capacity_aws_vs_microsoft" {
			t.Errorf("comparison %s has no hand-computed expectation here", c.ID)
		}
	}
	if r, _ := rs.Get("capacity_aws_vs_microsoft"); !errors.Is(r.Err, calc.ErrPeriodMismatch) {
		t.Errorf("capacity_aws_vs_microsoft: err = %v, want ErrPeriodMismatch", r.Err)
	}
	if r, _ := rs.Get("capacity_aws_vs_microsoft_annualised"); r.Span != data.Year {
		t.Errorf("capacity_aws_vs_microsoft_annualised: span %q, want year", r.Span)
	}
	if v, _ := rs.Verdict("claim_capacity_outpacing_annualised"); !strings.Contains(v.Rule(calc.DefaultStyle), "at best the figures make the two even") {
		t.Errorf("claim_capacity_outpacing_annualised: rule %q does not say the figures are at best even", v.Rule(calc.DefaultStyle))
	}
	if v, _ := rs.Verdict("claim_combined_capex"); v.SupportedPart(calc.DefaultStyle) != "the figures support $650–670 billion, not up to $700 billion" {
		t.Errorf("claim_combined_capex: %v, %q", v.Outcome, v.SupportedPart(calc.DefaultStyle))
	}
}

// TestReaderComparisons pins the comparisons a reader asks for (issue 12
// #5) as the page shows them, written out by hand: 60–61 ÷ 8 = 7.5–7.625,
// 7.625 rounds half away from zero to 7.63; 890/31 = 28.70967…, 28.71
// (28.710 at three places);
// 213.6/31 = 6.8903…, 6.89; 125/89 = 1.4044…, 1.40. And the new kind,
// implied_previous, under other growth: 35.6 ÷ 0.8 = 44.5 at −20 %,
// 35.6 ÷ 1 at 0 %, and no earlier value at −100 %.
func TestReaderComparisons(t *testing.T) {
	ds := data.Default()
	three := calc.Style{Digits: 3}
	cases := []struct {
		name, id string
		a        calc.Assumptions
		st       calc.Style
		want     string
		unit     data.Unit
		span     data.Span
	}{
		{"article", "anthropic_stake_multiple", nil, calc.DefaultStyle, "7.5× – ≈ 7.63×", data.Times, data.Point},
		{"article, 3 places", "anthropic_stake_multiple", nil, three, "7.5–7.625×", data.Times, data.Point},
		{"article", "anthropic_paper_gain", nil, calc.DefaultStyle, "$52–53 billion", data.USDBillion, data.Point},
		{"article", "capex_vs_estimate_diff", nil, calc.DefaultStyle, "$51.14 billion", data.USDBillion, data.Year},
		{"article", "aws_q4_2024_revenue_implied", nil, calc.DefaultStyle, "≈ $28.71 billion", data.USDBillion, data.Quarter},
		{"article, 3 places", "aws_q4_2024_revenue_implied", nil, three, "≈ $28.710 billion", data.USDBillion, data.Quarter},
		{"article", "aws_revenue_rise_implied", nil, calc.DefaultStyle, "≈ $6.89 billion", data.USDBillion, data.Quarter},
		{"article", "capex_vs_aws_run_rate", nil, calc.DefaultStyle, "≈ 1.40×", data.Times, data.Year},
		{"growth −20%", "aws_q4_2024_revenue_implied", calc.Assumptions{"aws_growth": decimal.RequireFromString("-20")}, calc.DefaultStyle,
			"$44.5 billion", data.USDBillion, data.Quarter},
		{"growth −20%", "aws_revenue_rise_implied", calc.Assumptions{"aws_growth": decimal.RequireFromString("-20")}, calc.DefaultStyle,
			"−$8.9 billion", data.USDBillion, data.Quarter},
		{"growth 0%", "aws_revenue_rise_implied", calc.Assumptions{"aws_growth": decimal.Zero}, calc.DefaultStyle,
			"$0 billion", data.USDBillion, data.Quarter},
		// 250 ÷ (40 × 4) = 250/160 = 1.5625 → 1.56
		{"capex 250, revenue 40", "capex_vs_aws_run_rate", calc.Assumptions{"capex_2026": decimal.NewFromInt(250), "aws_q4_revenue": decimal.NewFromInt(40)},
			calc.DefaultStyle, "≈ 1.56×", data.Times, data.Year},
	}
	for _, c := range cases {
		r, ok := calc.Evaluate(ds, c.a).Get(c.id)
		if !ok || !r.OK() {
			t.Errorf("%s: %s: %v", c.name, c.id, r.Err)
			continue
		}
		if got := calc.FormatInterval(r.Value, r.Unit, c.st); got != c.want {
			t.Errorf("%s: %s shows %q, want %q", c.name, c.id, got, c.want)
		}
		if r.Unit != c.unit || r.Span != c.span {
			t.Errorf("%s: %s in %s over a %s, want %s over a %s", c.name, c.id, r.Unit, r.Span, c.unit, c.span)
		}
	}
	rs := calc.Evaluate(ds, calc.Assumptions{"aws_growth": decimal.NewFromInt(-100)})
	r, _ := rs.Get("aws_q4_2024_revenue_implied")
	if !errors.Is(r.Err, calc.ErrZeroDivisor) || !strings.Contains(r.Err.Error(), "−100% leaves no earlier value") {
		t.Errorf("growth −100%%: err = %v, want no earlier value (division by zero)", r.Err)
	}
	if r, _ := rs.Get("aws_revenue_rise_implied"); !errors.Is(r.Err, calc.ErrDependency) {
		t.Errorf("growth −100%%: the rise's err = %v, want ErrDependency", r.Err)
	}
	for _, c := range ds.Comparisons {
		if c.DashboardOnly != (strings.HasPrefix(c.ID, "anthropic_") || c.ID == "capex_vs_aws_run_rate" || strings.HasSuffix(c.ID, "_implied")) {
			t.Errorf("%s: dashboard_only %v; the comparisons of issue 12 #5 are on the dashboard alone, the others in their embeds too", c.ID, c.DashboardOnly)
		}
	}
}

func TestClaimVerdicts(t *testing.T) {
	ds := data.Default()
	type want map[string]calc.Outcome
	tests := []struct {
		name string
		a    calc.Assumptions
		want want
	}{
		{"article", nil, want{
			"claim_cut_share_total":     calc.Overstated, // 10 vs 8.57: 16.7 % over, beyond ±5 %
			"claim_cut_total":           calc.Consistent,
			"claim_capex_over_forecast": calc.Consistent,      // 50 vs 51.14: 2.2 % under
			"claim_run_rate":            calc.Consistent,      // 142 vs 142.4: within ±0.5
			"claim_margin":              calc.Consistent,      // 35 vs 35.03
			"claim_combined_capex":      calc.PartlySupported, // [650,700] vs [640,670]: 650–670 supported
			"claim_revenue_beat":        calc.Consistent,
			"claim_capex_largest":       calc.Consistent,
			"claim_capacity_outpacing":  calc.Unverifiable,
			// 4 ÷ (1 × 4) = 1: at best even, not above 1.
			"claim_capacity_outpacing_annualised": calc.Contradicted,
		}},
		{"AWS 4.4 GW", calc.Assumptions{"aws_capacity_added_2025": decimal.RequireFromString("4.4")}, want{
			// 4.4 ÷ 4 = 1.1 > 1; the mixed-period ratio is still refused.
			"claim_capacity_outpacing_annualised": calc.Consistent,
			"claim_capacity_outpacing":            calc.Unverifiable,
		}},
		{"Microsoft 1.2 GW", calc.Assumptions{"microsoft_capacity_added_q4_2025": decimal.RequireFromString("1.2")}, want{
			// 4 ÷ 4.8 = 0.8(3) < 1.
			"claim_capacity_outpacing_annualised": calc.Contradicted,
		}},
		{"workforce 300000", calc.Assumptions{"workforce": decimal.NewFromInt(300000)}, want{
			"claim_cut_share_total": calc.Consistent, // exactly 10 %
		}},
		{"workforce 315790", calc.Assumptions{"workforce": decimal.NewFromInt(315790)}, want{
			// 30000/315790 = 9.4999…%: 10 is 5.2633 % above it → overstated
			"claim_cut_share_total": calc.Overstated,
		}},
		{"workforce 315789", calc.Assumptions{"workforce": decimal.NewFromInt(315789)}, want{
			// 30000/315789 = 9.50002…%; ×1.05 = 9.975…: still below 10 → overstated
			"claim_cut_share_total": calc.Overstated,
		}},
		{"workforce 300001", calc.Assumptions{"workforce": decimal.NewFromInt(285715)}, want{
			// 30000/285715 = 10.49997…%; 10 is within 5 % below → consistent
			"claim_cut_share_total": calc.Consistent,
		}},
		{"workforce 0", calc.Assumptions{"workforce": decimal.Zero}, want{
			"claim_cut_share_total": calc.Unverifiable,
			"claim_cut_total":       calc.Consistent,
		}},
		{"revenue below estimate", calc.Assumptions{"aws_q4_revenue": decimal.RequireFromString("34")}, want{
			"claim_revenue_beat": calc.Contradicted,
			"claim_run_rate":     calc.Overstated, // 142 claimed vs 34 × 4 = 136
		}},
		{"margin 35.6", calc.Assumptions{"aws_q4_operating_income": decimal.RequireFromString("12.6816")}, want{
			// 12.6816/35.6 = 35.6222…%: 35 is more than 0.5 below → understated
			"claim_margin": calc.Understated,
		}},
		{"combined inside", calc.Assumptions{"meta_capex_low": decimal.NewFromInt(125), "alphabet_capex_high": decimal.NewFromInt(200)}, want{
			// [650, 685] lies within [650, 700]
			"claim_combined_capex": calc.Consistent,
		}},
	}
	for _, tt := range tests {
		rs := calc.Evaluate(ds, tt.a)
		for id, w := range tt.want {
			v, ok := rs.Verdict(id)
			if !ok {
				t.Errorf("%s: no claim %s", tt.name, id)
				continue
			}
			if v.Outcome != w {
				t.Errorf("%s: %s is %v, want %v (computed [%s, %s]; rule %s)", tt.name, id, v.Outcome, w, v.Computed.Lo, v.Computed.Hi, v.Rule(calc.DefaultStyle))
			}
		}
	}
}

// TestPureCore proves the engine, dataset, scenario, export and chart packages import
// neither go-app nor syscall/js, on the host and under GOOS=js (where the
// standard library's own syscall package uses syscall/js: only imports by
// non-standard packages count).
func TestPureCore(t *testing.T) {
	for _, goos := range []string{"", "js"} {
		cmd := exec.Command("go", "list", "-deps", "-f", "{{.ImportPath}} {{.Standard}} {{join .Imports \" \"}}",
			"amzwidget/calc", "amzwidget/data", "amzwidget/scenario", "amzwidget/export", "amzwidget/chart")
		if goos != "" {
			cmd.Env = append(cmd.Environ(), "GOOS=js", "GOARCH=wasm")
		}
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("go list: %v\n%s", err, out)
		}
		n := 0
		for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
			f := strings.Fields(line)
			pkg, std, imports := f[0], f[1] == "true", f[2:]
			n++
			if strings.Contains(pkg, "go-app") {
				t.Errorf("GOOS=%s: the pure core depends on %s", goos, pkg)
			}
			if !std && slices.Contains(imports, "syscall/js") {
				t.Errorf("GOOS=%s: %s imports syscall/js", goos, pkg)
			}
		}
		if n < 10 {
			t.Fatalf("go list listed only %d packages: %s", n, out)
		}
	}
}

func TestAssumptionsSetsFigure(t *testing.T) {
	a := calc.Assumptions{"workforce": decimal.NewFromInt(300000), "alphabet_capex_high": decimal.NewFromInt(190)}
	for id, want := range map[string]bool{"workforce": true, "alphabet_capex": true, "meta_capex": false, "cut_oct2025": false} {
		if got := a.SetsFigure(id); got != want {
			t.Errorf("SetsFigure(%q) = %v, want %v", id, got, want)
		}
	}
	if (calc.Assumptions{}).SetsFigure("workforce") {
		t.Error("empty assumptions set a figure")
	}
}
