package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"os"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
)

// These tests check the shipped dataset.json like code. They read the file
// with encoding/json alone, so that they stand apart from Load and Validate:
// a bug in the validator cannot hide a bug in the data.

// readShipped returns the raw bytes of the shipped dataset.
func readShipped(t *testing.T) []byte {
	t.Helper()
	b, err := os.ReadFile("dataset.json")
	if err != nil {
		t.Fatalf("read dataset.json: %v", err)
	}
	return b
}

// parseShipped decodes the shipped dataset strictly: an unknown key or
// trailing data fails the test.
func parseShipped(t *testing.T) Dataset {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(readShipped(t)))
	dec.DisallowUnknownFields()
	var ds Dataset
	if err := dec.Decode(&ds); err != nil {
		t.Fatalf("dataset.json does not decode strictly into Dataset: %v", err)
	}
	if err := dec.Decode(&struct{}{}); !errors.Is(err, io.EOF) {
		t.Fatalf("dataset.json has data after the top-level object (err=%v)", err)
	}
	return ds
}

// plainDecimal is the only number syntax the dataset may use: an optional
// minus, digits, and an optional fraction. No exponent, no separators, no
// plus sign, no leading or trailing dot.
var plainDecimal = regexp.MustCompile(`^-?[0-9]+(\.[0-9]+)?$`)

// dec parses a dataset number, failing the test if it is not a plain
// decimal string. It never goes through float64.
func dec(t *testing.T, what, s string) decimal.Decimal {
	t.Helper()
	if !plainDecimal.MatchString(s) {
		t.Errorf("%s: %q is not a plain decimal string", what, s)
		return decimal.Zero
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		t.Errorf("%s: %q: %v", what, s, err)
		return decimal.Zero
	}
	return d
}

func TestDatasetParsesStrictly(t *testing.T) {
	ds := parseShipped(t)
	if strings.TrimSpace(ds.Title) == "" {
		t.Error("dataset has no title")
	}
	if len(ds.Articles) == 0 || len(ds.Figures) == 0 || len(ds.Comparisons) == 0 || len(ds.Claims) == 0 {
		t.Errorf("dataset is missing a section: %d articles, %d figures, %d comparisons, %d claims",
			len(ds.Articles), len(ds.Figures), len(ds.Comparisons), len(ds.Claims))
	}
}

// TestNoJSONNumbers walks the raw JSON and rejects any JSON number: every
// number in the dataset must be a decimal string, so that nothing passes
// through float64 on its way into the engine.
func TestNoJSONNumbers(t *testing.T) {
	d := json.NewDecoder(bytes.NewReader(readShipped(t)))
	d.UseNumber()
	var raw any
	if err := d.Decode(&raw); err != nil {
		t.Fatal(err)
	}
	var walk func(path string, v any)
	walk = func(path string, v any) {
		switch v := v.(type) {
		case json.Number:
			// A topic's embed height is a count of CSS pixels for the
			// snippets, never a figure the engine computes with.
			if !strings.HasSuffix(path, ".embed_height") {
				t.Errorf("%s: JSON number %s, want a decimal string", path, v)
			}
		case map[string]any:
			for k, x := range v {
				walk(path+"."+k, x)
			}
		case []any:
			for i, x := range v {
				walk(path+"["+strconv.Itoa(i)+"]", x)
			}
		}
	}
	walk("$", raw)
}

// TestArticles pins how each source is described. The seed files give
// no headline and no date, so no article may carry a title or a date; the
// description is ours, and the names it gives (author, publisher) are the
// text's own (TestArticlesAsTheSeedsGiveThem checks them in the seeds).
func TestArticles(t *testing.T) {
	ds := parseShipped(t)
	seen := map[string]bool{}
	for _, a := range ds.Articles {
		if seen[a.ID] {
			t.Errorf("article %q listed twice", a.ID)
		}
		seen[a.ID] = true
		for name, v := range map[string]string{"id": a.ID, "about": a.About, "short": a.Short, "file": a.File} {
			if strings.TrimSpace(v) == "" {
				t.Errorf("article %q: empty %s", a.ID, name)
			}
		}
	}
	want := map[string]Article{
		"aws_q4": {ID: "aws_q4", File: "000_fafa8e53e84b4ab7.txt", Short: "an unnamed website",
			About: "Analysis of AWS’s Q4 2025 results, Amazon’s layoffs and its AI spending, on a website the text does not name"},
		"layoffs_ai": {ID: "layoffs_ai", File: "001_77ee89ff96e401e5.txt", Short: "ESG University",
			About: "News report on Amazon’s layoffs and AI spending, by Kai Emerson, republished by ESG University"},
	}
	if len(ds.Articles) != len(want) {
		t.Errorf("%d articles, want %d", len(ds.Articles), len(want))
	}
	for _, a := range ds.Articles {
		w, ok := want[a.ID]
		if !ok {
			t.Errorf("unexpected article %q", a.ID)
			continue
		}
		if a != w {
			t.Errorf("article %q = %+v, want %+v", a.ID, a, w)
		}
		name, cited, rest := a.Credit()
		if name != w.About || cited || rest != " (our description; the article gives no headline or date)" {
			t.Errorf("article %q credited as %q (cited %v) %q", a.ID, name, cited, rest)
		}
	}
}

// TestCredit: a title goes in <cite> only when the article has one, and a
// description is always marked as ours.
func TestCredit(t *testing.T) {
	for _, tc := range []struct {
		a                Article
		name, rest, text string
		cited            bool
	}{
		{Article{About: "News report on X"}, "News report on X", " (our description; the article gives no headline or date)",
			"News report on X (our description; the article gives no headline or date)", false},
		{Article{About: "News report on X", Date: "3 February 2026"}, "News report on X", " (our description; the article gives no headline), 3 February 2026",
			"News report on X (our description; the article gives no headline), 3 February 2026", false},
		{Article{About: "News report on X", Title: "X happens"}, "X happens", " (no date given)", "“X happens” (no date given)", true},
		{Article{About: "News report on X", Title: "X happens", Date: "3 February 2026"}, "X happens", ", 3 February 2026",
			"“X happens”, 3 February 2026", true},
	} {
		name, cited, rest := tc.a.Credit()
		if name != tc.name || cited != tc.cited || rest != tc.rest {
			t.Errorf("%+v: Credit() = %q, %v, %q; want %q, %v, %q", tc.a, name, cited, rest, tc.name, tc.cited, tc.rest)
		}
		if got := tc.a.CreditText(); got != tc.text {
			t.Errorf("%+v: CreditText() = %q, want %q", tc.a, got, tc.text)
		}
	}
}

// TestUniqueIDs checks that ids are unique across figures, comparisons and
// claims, and that no figure id collides with the URL parameter a range
// figure produces (its id plus "_low" or "_high").
func TestUniqueIDs(t *testing.T) {
	ds := parseShipped(t)
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	seen := map[string]string{}
	add := func(id, what string) {
		if !snake.MatchString(id) {
			t.Errorf("%s id %q is not snake_case", what, id)
		}
		if prev, ok := seen[id]; ok {
			t.Errorf("id %q used by a %s and a %s", id, prev, what)
		}
		seen[id] = what
	}
	for _, f := range ds.Figures {
		add(f.ID, "figure")
	}
	for _, c := range ds.Comparisons {
		add(c.ID, "comparison")
	}
	for _, c := range ds.Claims {
		add(c.ID, "claim")
	}
	for _, f := range ds.Figures {
		if f.Low == "" && f.High == "" {
			continue
		}
		for _, p := range []string{f.ID + "_low", f.ID + "_high"} {
			if what, ok := seen[p]; ok {
				t.Errorf("parameter %q of range figure %q clashes with a %s", p, f.ID, what)
			}
		}
	}
}

func TestFigures(t *testing.T) {
	ds := parseShipped(t)
	articles := map[string]bool{}
	for _, a := range ds.Articles {
		articles[a.ID] = true
	}
	for _, f := range ds.Figures {
		if strings.TrimSpace(f.Label) == "" {
			t.Errorf("figure %q: no label", f.ID)
		}
		if strings.TrimSpace(f.Period) == "" {
			t.Errorf("figure %q: no period", f.ID)
		}
		if !slices.Contains(Units, f.Unit) {
			t.Errorf("figure %q: unit %q not in data.Units", f.ID, f.Unit)
		}
		if !validSpan(f.Span) {
			t.Errorf("figure %q: span %q is not point, quarter or year", f.ID, f.Span)
		}
		// Exactly one of value, or low and high together.
		hasValue, hasLow, hasHigh := f.Value != "", f.Low != "", f.High != ""
		switch {
		case hasValue && (hasLow || hasHigh):
			t.Errorf("figure %q: both a value and a range", f.ID)
		case !hasValue && !hasLow && !hasHigh:
			t.Errorf("figure %q: neither a value nor a range", f.ID)
		case hasLow != hasHigh:
			t.Errorf("figure %q: a range needs both low and high (low %q, high %q)", f.ID, f.Low, f.High)
		case hasValue:
			dec(t, "figure "+f.ID+" value", f.Value)
		default:
			lo := dec(t, "figure "+f.ID+" low", f.Low)
			hi := dec(t, "figure "+f.ID+" high", f.High)
			if lo.GreaterThan(hi) {
				t.Errorf("figure %q: low %s above high %s", f.ID, f.Low, f.High)
			}
			if lo.Equal(hi) {
				t.Errorf("figure %q: a range with low == high should be a value", f.ID)
			}
		}
		// The hedge goes with approx, and only with it.
		if f.Approx != (f.Hedge != "") {
			t.Errorf("figure %q: approx %v with hedge %q", f.ID, f.Approx, f.Hedge)
		}
		checkSource(t, articles, "figure "+f.ID, f.Source)
	}
}

// TestInputs checks the adjustable figures: parseable bounds, a positive
// step, the article's value within the slider, and the integer and
// non-negative flags consistent with that value. Every figure a comparison
// uses must be adjustable.
func TestInputs(t *testing.T) {
	ds := parseShipped(t)
	figs := map[string]Figure{}
	for _, f := range ds.Figures {
		figs[f.ID] = f
	}
	for _, c := range ds.Comparisons {
		for _, id := range slices.Concat(c.A, c.B) {
			if f, ok := figs[id]; ok && f.Input == nil {
				t.Errorf("figure %q is an operand of %q but has no input", id, c.ID)
			}
		}
	}
	for _, f := range ds.Figures {
		in := f.Input
		if in == nil {
			continue
		}
		what := "figure " + f.ID + " input"
		lo := dec(t, what+" slider_min", in.SliderMin)
		hi := dec(t, what+" slider_max", in.SliderMax)
		step := dec(t, what+" step", in.Step)
		if !lo.LessThan(hi) {
			t.Errorf("%s: slider_min %s not below slider_max %s", what, in.SliderMin, in.SliderMax)
		}
		if !step.IsPositive() {
			t.Errorf("%s: step %s not positive", what, in.Step)
		}
		if in.NonNegative && lo.IsNegative() {
			t.Errorf("%s: non_negative but slider_min %s", what, in.SliderMin)
		}
		if in.Integer && (!step.IsInteger() || !lo.IsInteger()) {
			t.Errorf("%s: integer but slider_min %s / step %s fractional", what, in.SliderMin, in.Step)
		}
		for _, v := range []string{f.Value, f.Low, f.High} {
			if v == "" {
				continue
			}
			d := dec(t, what, v)
			if d.LessThan(lo) || d.GreaterThan(hi) {
				t.Errorf("%s: article value %s outside slider [%s, %s]", what, v, in.SliderMin, in.SliderMax)
			}
			if !d.Sub(lo).Mod(step).IsZero() {
				t.Errorf("%s: article value %s not reachable from %s in steps of %s", what, v, in.SliderMin, in.Step)
			}
			if in.Integer && !d.IsInteger() {
				t.Errorf("%s: integer but value %s", what, v)
			}
			if in.NonNegative && d.IsNegative() {
				t.Errorf("%s: non_negative but value %s", what, v)
			}
		}
	}
}

func TestComparisons(t *testing.T) {
	ds := parseShipped(t)
	ids := map[string]bool{}
	for _, f := range ds.Figures {
		ids[f.ID] = true
	}
	cmps := map[string]Comparison{}
	for _, c := range ds.Comparisons {
		ids[c.ID] = true
		cmps[c.ID] = c
	}
	groups := []string{"workforce", "capex", "growth"}
	for _, c := range ds.Comparisons {
		if strings.TrimSpace(c.Label) == "" {
			t.Errorf("comparison %q: no label", c.ID)
		}
		if strings.TrimSpace(c.Note) == "" {
			t.Errorf("comparison %q: no note", c.ID)
		}
		if !slices.Contains(Kinds, c.Kind) {
			t.Errorf("comparison %q: kind %q not in data.Kinds", c.ID, c.Kind)
		}
		if !slices.Contains(groups, c.Group) {
			t.Errorf("comparison %q: group %q not one of %v", c.ID, c.Group, groups)
		}
		if len(c.A) == 0 {
			t.Errorf("comparison %q: no operand a", c.ID)
		}
		single := c.Kind == Sum || c.Kind == Scale
		if single && len(c.B) != 0 {
			t.Errorf("comparison %q: a %s takes no operand b", c.ID, c.Kind)
		}
		if !single && len(c.B) == 0 {
			t.Errorf("comparison %q: a %s needs operand b", c.ID, c.Kind)
		}
		if c.Kind == Scale {
			if c.Factor == "" {
				t.Errorf("comparison %q: scale without factor", c.ID)
			} else {
				dec(t, "comparison "+c.ID+" factor", c.Factor)
			}
		} else if c.Factor != "" {
			t.Errorf("comparison %q: factor %q on a %s", c.ID, c.Factor, c.Kind)
		}
		if c.ResultSpan != "" && !validSpan(c.ResultSpan) {
			t.Errorf("comparison %q: result_span %q", c.ID, c.ResultSpan)
		}
		for _, id := range slices.Concat(c.A, c.B) {
			if !ids[id] {
				t.Errorf("comparison %q: operand %q is neither a figure nor a comparison", c.ID, id)
			}
			if id == c.ID {
				t.Errorf("comparison %q uses itself", c.ID)
			}
		}
	}
	// No cycles among comparisons.
	state := map[string]int{} // 1 visiting, 2 done
	var visit func(id string, path []string)
	visit = func(id string, path []string) {
		c, ok := cmps[id]
		if !ok || state[id] == 2 {
			return
		}
		if state[id] == 1 {
			t.Errorf("comparisons form a cycle: %v", append(path, id))
			return
		}
		state[id] = 1
		for _, op := range slices.Concat(c.A, c.B) {
			visit(op, append(path, id))
		}
		state[id] = 2
	}
	for _, c := range ds.Comparisons {
		visit(c.ID, nil)
	}
}

func TestClaims(t *testing.T) {
	ds := parseShipped(t)
	articles := map[string]bool{}
	for _, a := range ds.Articles {
		articles[a.ID] = true
	}
	cmps := map[string]bool{}
	for _, c := range ds.Comparisons {
		cmps[c.ID] = true
	}
	for _, c := range ds.Claims {
		if strings.TrimSpace(c.Quote) == "" {
			t.Errorf("claim %q: empty quote", c.ID)
		}
		if !cmps[c.Comparison] {
			t.Errorf("claim %q: comparison %q does not exist", c.ID, c.Comparison)
		}
		hasLow, hasHigh := c.StatedLow != "", c.StatedHigh != ""
		switch {
		case c.Stated != "" && (hasLow || hasHigh):
			t.Errorf("claim %q: both stated and a stated range", c.ID)
		case c.Stated == "" && !hasLow && !hasHigh:
			t.Errorf("claim %q: nothing stated", c.ID)
		case hasLow != hasHigh:
			t.Errorf("claim %q: a stated range needs both ends", c.ID)
		case c.Stated != "":
			dec(t, "claim "+c.ID+" stated", c.Stated)
		default:
			lo := dec(t, "claim "+c.ID+" stated_low", c.StatedLow)
			hi := dec(t, "claim "+c.ID+" stated_high", c.StatedHigh)
			if lo.GreaterThan(hi) {
				t.Errorf("claim %q: stated_low %s above stated_high %s", c.ID, c.StatedLow, c.StatedHigh)
			}
		}
		switch c.Relation {
		case "":
		case "above", "below":
			if c.Stated == "" {
				t.Errorf("claim %q: relation %q needs a single stated value", c.ID, c.Relation)
			}
		default:
			t.Errorf("claim %q: relation %q is not above or below", c.ID, c.Relation)
		}
		checkSource(t, articles, "claim "+c.ID, c.Source)
	}
}

// TestPublicFigures pins the figures whose ids are public URL parameters
// and API. The table is typed by hand from the issue, independently of
// dataset.json: changing a value here means changing the public API.
func TestPublicFigures(t *testing.T) {
	type want struct {
		value, low, high string
		unit             Unit
		span             Span
		hedge            string // "" for an unhedged figure; "*" for any hedge
	}
	wants := map[string]want{
		"workforce":                        {value: "350000", unit: People, span: Point, hedge: "around"},
		"cut_oct2025":                      {value: "14000", unit: People, span: Point},
		"cut_jan2026":                      {value: "16000", unit: People, span: Point, hedge: "approximately"},
		"capex_2026":                       {value: "200", unit: USDBillion, span: Year, hedge: "*"},
		"capex_2026_estimate":              {value: "148.86", unit: USDBillion, span: Year},
		"aws_growth":                       {value: "24", unit: Percent, span: Point},
		"azure_growth":                     {value: "39", unit: Percent, span: Point},
		"gcp_growth":                       {value: "48", unit: Percent, span: Point},
		"aws_q4_revenue":                   {value: "35.6", unit: USDBillion, span: Quarter},
		"aws_q4_revenue_estimate":          {value: "34.93", unit: USDBillion, span: Quarter},
		"aws_q4_operating_income":          {value: "12.47", unit: USDBillion, span: Quarter},
		"aws_q3_margin":                    {value: "34.6", unit: Percent, span: Point},
		"alphabet_capex":                   {low: "175", high: "185", unit: USDBillion, span: Year},
		"meta_capex":                       {low: "115", high: "135", unit: USDBillion, span: Year},
		"microsoft_capex":                  {value: "150", unit: USDBillion, span: Year, hedge: "~"},
		"aws_capacity_added_2025":          {value: "4", unit: GW, span: Year, hedge: "nearly"},
		"microsoft_capacity_added_q4_2025": {value: "1", unit: GW, span: Quarter},
	}
	ds := parseShipped(t)
	figs := map[string]Figure{}
	for _, f := range ds.Figures {
		figs[f.ID] = f
	}
	for id, w := range wants {
		f, ok := figs[id]
		if !ok {
			t.Errorf("public figure %q missing", id)
			continue
		}
		// Compare as exact decimals, and as strings too: "200.0" would be
		// the same number but a different URL default.
		for _, p := range []struct{ name, got, want string }{
			{"value", f.Value, w.value}, {"low", f.Low, w.low}, {"high", f.High, w.high},
		} {
			if p.got != p.want {
				t.Errorf("figure %q: %s = %q, want %q", id, p.name, p.got, p.want)
			} else if p.want != "" && !dec(t, id, p.got).Equal(decimal.RequireFromString(p.want)) {
				t.Errorf("figure %q: %s = %s, want %s", id, p.name, p.got, p.want)
			}
		}
		if f.Unit != w.unit {
			t.Errorf("figure %q: unit %q, want %q", id, f.Unit, w.unit)
		}
		if f.Span != w.span {
			t.Errorf("figure %q: span %q, want %q", id, f.Span, w.span)
		}
		switch {
		case w.hedge == "*":
			if !f.Approx || f.Hedge == "" {
				t.Errorf("figure %q: want a hedge, got approx %v hedge %q", id, f.Approx, f.Hedge)
			}
		case f.Hedge != w.hedge || f.Approx != (w.hedge != ""):
			t.Errorf("figure %q: approx %v hedge %q, want hedge %q", id, f.Approx, f.Hedge, w.hedge)
		}
	}
	if f := figs["microsoft_capex"]; !strings.Contains(f.Period, "estimated run-rate") {
		t.Errorf("figure microsoft_capex: period %q should note the estimated run-rate", f.Period)
	}
}

// TestPublicComparisons pins the comparisons of the issue: kind, group and
// operands.
func TestPublicComparisons(t *testing.T) {
	all4 := []string{"capex_2026", "alphabet_capex", "meta_capex", "microsoft_capex"}
	type want struct {
		kind   Kind
		group  string
		a, b   []string
		factor string
		span   Span
	}
	wants := map[string]want{
		"cut_total":                            {Sum, "workforce", []string{"cut_oct2025", "cut_jan2026"}, nil, "", ""},
		"cut_share_oct2025":                    {Share, "workforce", []string{"cut_oct2025"}, []string{"workforce"}, "", ""},
		"cut_share_jan2026":                    {Share, "workforce", []string{"cut_jan2026"}, []string{"workforce"}, "", ""},
		"cut_share_total":                      {Share, "workforce", []string{"cut_oct2025", "cut_jan2026"}, []string{"workforce"}, "", ""},
		"capex_vs_estimate_diff":               {Difference, "capex", []string{"capex_2026"}, []string{"capex_2026_estimate"}, "", ""},
		"capex_vs_estimate_pct":                {PercentChange, "capex", []string{"capex_2026"}, []string{"capex_2026_estimate"}, "", ""},
		"capex_vs_estimate_ratio":              {Ratio, "capex", []string{"capex_2026"}, []string{"capex_2026_estimate"}, "", ""},
		"hyperscaler_capex_sum":                {Sum, "capex", all4, nil, "", ""},
		"amazon_capex_share":                   {Share, "capex", []string{"capex_2026"}, all4, "", ""},
		"capex_vs_alphabet":                    {Difference, "capex", []string{"capex_2026"}, []string{"alphabet_capex"}, "", ""},
		"capex_vs_meta":                        {Difference, "capex", []string{"capex_2026"}, []string{"meta_capex"}, "", ""},
		"capex_vs_microsoft":                   {Difference, "capex", []string{"capex_2026"}, []string{"microsoft_capex"}, "", ""},
		"capacity_aws_vs_microsoft":            {Ratio, "capex", []string{"aws_capacity_added_2025"}, []string{"microsoft_capacity_added_q4_2025"}, "", ""},
		"capacity_aws_vs_microsoft_annualised": {Ratio, "capex", []string{"aws_capacity_added_2025"}, []string{"microsoft_capacity_added_q4_2025"}, "", ""},
		"aws_vs_azure_growth":                  {Spread, "growth", []string{"aws_growth"}, []string{"azure_growth"}, "", ""},
		"aws_vs_gcp_growth":                    {Spread, "growth", []string{"aws_growth"}, []string{"gcp_growth"}, "", ""},
		"gcp_vs_azure_growth":                  {Spread, "growth", []string{"gcp_growth"}, []string{"azure_growth"}, "", ""},
		"aws_revenue_vs_estimate_diff":         {Difference, "growth", []string{"aws_q4_revenue"}, []string{"aws_q4_revenue_estimate"}, "", ""},
		"aws_revenue_vs_estimate_pct":          {PercentChange, "growth", []string{"aws_q4_revenue"}, []string{"aws_q4_revenue_estimate"}, "", ""},
		"aws_q4_margin":                        {Share, "growth", []string{"aws_q4_operating_income"}, []string{"aws_q4_revenue"}, "", ""},
		"aws_margin_change":                    {Spread, "growth", []string{"aws_q4_margin"}, []string{"aws_q3_margin"}, "", ""},
		"aws_run_rate":                         {Scale, "growth", []string{"aws_q4_revenue"}, nil, "4", Year},
	}
	ds := parseShipped(t)
	cmps := map[string]Comparison{}
	for _, c := range ds.Comparisons {
		cmps[c.ID] = c
	}
	for id, w := range wants {
		c, ok := cmps[id]
		if !ok {
			t.Errorf("public comparison %q missing", id)
			continue
		}
		if c.Kind != w.kind || c.Group != w.group || !slices.Equal(c.A, w.a) || !slices.Equal(c.B, w.b) ||
			c.Factor != w.factor || c.ResultSpan != w.span {
			t.Errorf("comparison %q = {%s %s a=%v b=%v factor=%q span=%q}, want {%s %s a=%v b=%v factor=%q span=%q}",
				id, c.Kind, c.Group, c.A, c.B, c.Factor, c.ResultSpan, w.kind, w.group, w.a, w.b, w.factor, w.span)
		}
	}
	// The capacity comparison is there to be refused: a full year against
	// one quarter. Its operands must keep those spans, and its note say so.
	figs := map[string]Figure{}
	for _, f := range ds.Figures {
		figs[f.ID] = f
	}
	if a, b := figs["aws_capacity_added_2025"].Span, figs["microsoft_capacity_added_q4_2025"].Span; a != Year || b != Quarter {
		t.Errorf("capacity operands span %q and %q, want year and quarter", a, b)
	}
	if n := cmps["capacity_aws_vs_microsoft"].Note; !strings.Contains(n, "year") || !strings.Contains(n, "quarter") {
		t.Errorf("capacity_aws_vs_microsoft note %q should say it sets a year against a quarter", n)
	}
	// Its like-for-like twin annualises Microsoft's quarter: × 4, a year.
	if c := cmps["capacity_aws_vs_microsoft_annualised"]; c.BFactor != "4" || c.BSpan != Year {
		t.Errorf("capacity_aws_vs_microsoft_annualised: b_factor %q b_span %q, want 4 and year", c.BFactor, c.BSpan)
	}
	for _, c := range ds.Comparisons {
		if c.BFactor != "" && c.BSpan == "" || c.BFactor == "" && c.BSpan != "" {
			t.Errorf("comparison %q: b_factor %q without b_span %q or the reverse", c.ID, c.BFactor, c.BSpan)
		}
	}
}

// TestPublicClaims pins the claims of the issue.
func TestPublicClaims(t *testing.T) {
	type want struct {
		comparison, stated, low, high, hedge, relation, article string
	}
	wants := map[string]want{
		"claim_cut_share_total":               {"cut_share_total", "10", "", "", "about", "", "layoffs_ai"},
		"claim_cut_total":                     {"cut_total", "30000", "", "", "roughly", "", "layoffs_ai"},
		"claim_capex_over_forecast":           {"capex_vs_estimate_diff", "50", "", "", "roughly", "", "layoffs_ai"},
		"claim_run_rate":                      {"aws_run_rate", "142", "", "", "", "", "aws_q4"},
		"claim_margin":                        {"aws_q4_margin", "35", "", "", "", "", "aws_q4"},
		"claim_combined_capex":                {"hyperscaler_capex_sum", "", "650", "700", "could approach", "", "layoffs_ai"},
		"claim_revenue_beat":                  {"aws_revenue_vs_estimate_diff", "0", "", "", "", "above", "aws_q4"},
		"claim_capex_largest":                 {"capex_vs_alphabet", "0", "", "", "", "above", "layoffs_ai"},
		"claim_capacity_outpacing":            {"capacity_aws_vs_microsoft", "1", "", "", "", "above", "aws_q4"},
		"claim_capacity_outpacing_annualised": {"capacity_aws_vs_microsoft_annualised", "1", "", "", "", "above", "aws_q4"},
	}
	ds := parseShipped(t)
	claims := map[string]Claim{}
	for _, c := range ds.Claims {
		claims[c.ID] = c
	}
	for id, w := range wants {
		c, ok := claims[id]
		if !ok {
			t.Errorf("public claim %q missing", id)
			continue
		}
		got := want{c.Comparison, c.Stated, c.StatedLow, c.StatedHigh, c.Hedge, c.Relation, c.Source.Article}
		if got != w {
			t.Errorf("claim %q = %+v, want %+v", id, got, w)
		}
	}
}

// checkSource checks that a source names a known article and has a
// non-empty where of the form `section — “quote”`.
func checkSource(t *testing.T, articles map[string]bool, what string, s Source) {
	t.Helper()
	if !articles[s.Article] {
		t.Errorf("%s: source article %q does not exist", what, s.Article)
	}
	if strings.TrimSpace(s.Where) == "" {
		t.Errorf("%s: source has no where", what)
		return
	}
	section, quote, ok := strings.Cut(s.Where, " — ")
	if !ok || strings.TrimSpace(section) == "" {
		t.Errorf("%s: where %q is not `section — “quote”`", what, s.Where)
		return
	}
	inner, ok := strings.CutPrefix(quote, "“")
	if ok {
		inner, ok = strings.CutSuffix(inner, "”")
	}
	if !ok || strings.TrimSpace(inner) == "" {
		t.Errorf("%s: where %q has no quoted words", what, s.Where)
	}
}

func validSpan(s Span) bool { return s == Point || s == Quarter || s == Year }

// TestShippedDatasetLoads checks that the package's own loader accepts the
// shipped file, on top of the independent checks above.
func TestShippedDatasetLoads(t *testing.T) {
	if _, err := Load(readShipped(t)); err != nil {
		t.Fatalf("Load(dataset.json): %v", err)
	}
	if Default() == nil {
		t.Fatal("Default() returned nil")
	}
}

// TestBFactorValidation: b_factor and b_span go together, on a kind with
// an operand b only, with a decimal factor and a known span.
func TestBFactorValidation(t *testing.T) {
	shipped := string(readShipped(t))
	at := `"b_factor": "4",
      "b_span": "year",`
	if !strings.Contains(shipped, at) {
		t.Fatal("the shipped dataset has no b_factor to vary")
	}
	for name, repl := range map[string]string{
		"factor without span": `"b_factor": "4",`,
		"span without factor": `"b_span": "year",`,
		"factor not a number": `"b_factor": "four", "b_span": "year",`,
		"unknown span":        `"b_factor": "4", "b_span": "decade",`,
	} {
		if _, err := Load([]byte(strings.Replace(shipped, at, repl, 1))); err == nil {
			t.Errorf("%s: Load accepted it", name)
		}
	}
	onSum := strings.Replace(shipped, `"kind": "sum",`, `"kind": "sum", "b_factor": "4", "b_span": "year",`, 1)
	if _, err := Load([]byte(onSum)); err == nil {
		t.Error("b_factor on a sum: Load accepted it")
	}
}

// TestMemoAnswersAsComputed checks the memo of InGroup, InStory and
// Inputs against the answers computed afresh, for every topic and for
// "", and that a caller appending to an answer leaves the memo as it was.
func TestMemoAnswersAsComputed(t *testing.T) {
	ds := Default()
	groups := []string{""}
	for _, tp := range ds.Topics {
		groups = append(groups, tp.ID)
	}
	for _, g := range groups {
		for _, c := range []struct {
			name       string
			memo, want []Comparison
		}{{"InGroup", ds.InGroup(g), ds.inGroup(g)}, {"InStory", ds.InStory(g), ds.inStory(g)}} {
			if len(c.want) == 0 || !reflect.DeepEqual(c.memo, c.want) {
				t.Errorf("%s(%q): memo %d comparisons, computed %d", c.name, g, len(c.memo), len(c.want))
			}
			if got, want := ds.Inputs(c.memo), ds.inputs(c.want); len(want) == 0 || !reflect.DeepEqual(got, want) {
				t.Errorf("Inputs(%s(%q)): memo %v, computed %v", c.name, g, got, want)
			}
			// Inputs of a copy (not the memo's slice) is computed, alike.
			if got, want := ds.Inputs(slices.Clone(c.memo)), ds.inputs(c.want); !reflect.DeepEqual(got, want) {
				t.Errorf("Inputs(a copy of %s(%q)) = %v, want %v", c.name, g, got, want)
			}
			_ = append(c.memo, Comparison{ID: "appended"})
		}
		if got := ds.InGroup(g); !reflect.DeepEqual(got, ds.inGroup(g)) {
			t.Errorf("InGroup(%q) changed after a caller appended to it", g)
		}
	}
}
