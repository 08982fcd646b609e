package calc

import (
	"strings"
	"testing"

	"amzwidget/data"
)

// rangeClaim is a range claim about a comparison in billions.
func rangeClaim(lo, hi, hedge string) data.Claim {
	return data.Claim{ID: "c", StatedLow: lo, StatedHigh: hi, Hedge: hedge}
}

func billions(lo, hi string) Result {
	return Result{Unit: data.USDBillion, Value: Interval{MustParse(lo), MustParse(hi)}}
}

// The range rule, worked by hand. Each case is checked as given and with
// the claim and the figures swapped: containment and overlap are
// symmetric, over- and understated trade places, the supported part is
// the same overlap.
func TestCheckRangeBothOrders(t *testing.T) {
	mirror := map[Outcome]Outcome{Consistent: Consistent, PartlySupported: PartlySupported, Overstated: Understated, Understated: Overstated}
	tests := []struct {
		name           string
		claim, figures [2]string
		hedge          string
		want           Outcome
		supported      [2]string // PartlySupported only
		part, swapPart string    // SupportedPart, as given and swapped
	}{
		// The article: "could approach $650–700 billion" against
		// 200 + 175–185 + 115–135 + 150 = 640–670: they share 650–670.
		{"combined capex", [2]string{"650", "700"}, [2]string{"640", "670"}, "could approach", PartlySupported, [2]string{"650", "670"},
			"the figures support $650–670 billion, not up to $700 billion",
			"the figures support $650–670 billion, not down to $640 billion"},
		{"unhedged alike", [2]string{"650", "700"}, [2]string{"640", "670"}, "", PartlySupported, [2]string{"650", "670"},
			"the figures support $650–670 billion, not up to $700 billion",
			"the figures support $650–670 billion, not down to $640 billion"},
		// Meeting at one value: 670 is all the figures support.
		{"touching", [2]string{"670", "700"}, [2]string{"640", "670"}, "", PartlySupported, [2]string{"670", "670"},
			"the figures support $670 billion, not up to $700 billion",
			"the figures support $670 billion, not down to $640 billion"},
		{"claim inside", [2]string{"650", "685"}, [2]string{"650", "700"}, "", Consistent, [2]string{}, "", ""},
		{"claim around", [2]string{"600", "700"}, [2]string{"640", "670"}, "about", Consistent, [2]string{}, "", ""},
		// 680 > 670: no overlap; 700 is within 5 % of 670 (703.5), but a
		// hedge does not widen a range.
		{"apart, hedged", [2]string{"680", "700"}, [2]string{"640", "670"}, "could approach", Overstated, [2]string{}, "", ""},
	}
	for _, tt := range tests {
		for _, swap := range []bool{false, true} {
			c, f, want, part := tt.claim, tt.figures, tt.want, tt.part
			if swap {
				c, f, want, part = f, c, mirror[want], tt.swapPart
			}
			v := Check(rangeClaim(c[0], c[1], tt.hedge), billions(f[0], f[1]))
			if v.Outcome != want {
				t.Errorf("%s (swapped %v): claim %v against %v is %v, want %v; rule %s", tt.name, swap, c, f, v.Outcome, want, v.Rule(DefaultStyle))
				continue
			}
			if want != PartlySupported {
				if v.SupportedPart(DefaultStyle) != "" {
					t.Errorf("%s: SupportedPart on %v", tt.name, v.Outcome)
				}
				continue
			}
			s := Interval{MustParse(tt.supported[0]), MustParse(tt.supported[1])}
			if !v.Supported.Lo.Equal(s.Lo) || !v.Supported.Hi.Equal(s.Hi) {
				t.Errorf("%s (swapped %v): supported [%s, %s], want %v", tt.name, swap, v.Supported.Lo, v.Supported.Hi, tt.supported)
			}
			if got := v.SupportedPart(DefaultStyle); got != part {
				t.Errorf("%s (swapped %v): SupportedPart = %q, want %q", tt.name, swap, got, part)
			}
			if !strings.HasSuffix(v.Rule(DefaultStyle), "; "+part) {
				t.Errorf("%s (swapped %v): rule %q does not name the supported part", tt.name, swap, v.Rule(DefaultStyle))
			}
			if v.HasGapPercent {
				t.Errorf("%s: a partly supported claim has a gap percent", tt.name)
			}
		}
	}
	v := Check(rangeClaim("650", "700", "could approach"), billions("640", "670"))
	if !strings.HasPrefix(v.Rule(DefaultStyle), "“could approach” does not widen a range") {
		t.Errorf("hedged range rule %q does not say what the hedge does", v.Rule(DefaultStyle))
	}
	// Gap: [650 − 640, 700 − 670] = [10, 30].
	if !v.Gap.Lo.Equal(Int(10)) || !v.Gap.Hi.Equal(Int(30)) {
		t.Errorf("gap [%s, %s], want [10, 30]", v.Gap.Lo, v.Gap.Hi)
	}
	// Precision is the claim's: "640–670" is stated to ±0.5, so figures of
	// 640.3–670.2 are within it; "640.3–670.2" is stated to ±0.05, and
	// figures of 640–670 support only 640.3–670 of it.
	if v := Check(rangeClaim("640", "670", ""), billions("640.3", "670.2")); v.Outcome != Consistent {
		t.Errorf("640–670 against 640.3–670.2: %v, want consistent", v.Outcome)
	}
	v = Check(rangeClaim("640.3", "670.2", ""), billions("640", "670"))
	if got, want := v.SupportedPart(DefaultStyle), "the figures support $640.3–670 billion, not up to $670.2 billion"; v.Outcome != PartlySupported || got != want {
		t.Errorf("640.3–670.2 against 640–670: %v, %q, want partly supported, %q", v.Outcome, got, want)
	}
	// 680 − 640 = 40, 40 / 640 = 6.25 %.
	v = Check(rangeClaim("680", "700", ""), billions("640", "670"))
	if !v.HasGapPercent || !v.GapPercent.Equal(MustParse("6.25")) {
		t.Errorf("overstated gap percent %s, want 6.25", v.GapPercent)
	}
}

// A relation claim the figures at best make even is contradicted, and the
// rule says so: 4 GW against 1 GW × 4 is 1×, not above 1×.
func TestCheckRelationEven(t *testing.T) {
	for _, rel := range []string{"above", "below"} {
		v := Check(data.Claim{Stated: "1", Relation: rel}, Result{Unit: data.Times, Value: Point(Int(1))})
		if v.Outcome != Contradicted || !strings.Contains(v.Rule(DefaultStyle), "at best the figures make the two even") {
			t.Errorf("%s 1 against 1: %v, rule %q", rel, v.Outcome, v.Rule(DefaultStyle))
		}
		v = Check(data.Claim{Stated: "1", Relation: rel}, Result{Unit: data.Times, Value: Interval{MustParse("0.5"), MustParse("0.9")}})
		if strings.Contains(v.Rule(DefaultStyle), "even") {
			t.Errorf("%s 1 against 0.5–0.9: rule %q speaks of even", rel, v.Rule(DefaultStyle))
		}
	}
}

// The rule's numbers are written in the page's locale: a German or French
// reader must not read "±0.5" as "±05" or "±5".
func TestRuleInLocale(t *testing.T) {
	pct := Result{Unit: data.Percent, Value: Point(MustParse("8.57"))}
	tests := []struct {
		name  string
		claim data.Claim
		r     Result
		en    string // in the English rule
		de    string // the same part in the German rule
		fr    string // and in the French one
	}{
		{"unhedged whole number", data.Claim{ID: "c", Stated: "9"}, pct, "(±0.5)", "(±0,5)", "(±0,5)"},
		{"unhedged one decimal", data.Claim{ID: "c", Stated: "34.6"}, pct, "(±0.05)", "(±0,05)", "(±0,05)"},
		{"hedged", data.Claim{ID: "c", Stated: "10", Hedge: "about"}, pct, "±5% of", "±5\u00a0% of", "±5\u202f% of"},
		{"range", rangeClaim("6.5", "7", ""), billions("640", "670"), "(±0.05, ±0.5)", "(±0,05, ±0,5)", "(±0,05, ±0,5)"},
		{"relation", data.Claim{ID: "c", Stated: "1.5", Relation: "above"}, pct, "above 1.5", "above 1,5", "above 1,5"},
	}
	for _, tt := range tests {
		v := Check(tt.claim, tt.r)
		for _, l := range []struct {
			loc  Locale
			want string
		}{{English, tt.en}, {German, tt.de}, {French, tt.fr}} {
			got := v.Rule(Style{Digits: -1, Locale: l.loc})
			if !strings.Contains(got, l.want) {
				t.Errorf("%s in %s: rule %q does not contain %q", tt.name, l.loc.Tag, got, l.want)
			}
		}
	}
}
