package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// doc is the shipped dataset decoded into generic JSON, to be broken one
// thing at a time.
type doc map[string]any

func shippedDoc(t *testing.T) doc {
	t.Helper()
	var d doc
	if err := json.Unmarshal(readShipped(t), &d); err != nil {
		t.Fatal(err)
	}
	return d
}

// find returns the object with the given id in a section, and its path.
func (d doc) find(t *testing.T, section, id string) (map[string]any, string) {
	t.Helper()
	for i, x := range d[section].([]any) {
		if m := x.(map[string]any); m["id"] == id {
			return m, fmt.Sprintf("%s[%d]", section, i)
		}
	}
	t.Fatalf("the shipped dataset has no %s %q", section, id)
	return nil, ""
}

// encode writes the document back as indented JSON.
func encode(t *testing.T, d doc) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(d); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// seedSource reads the articles' texts from the seed directory.
func seedSource(t *testing.T) func(Article) (string, error) {
	return dirSource(seedDir(t))
}

// dirSource reads the articles' texts from dir, each from its file.
func dirSource(dir string) func(Article) (string, error) {
	return func(a Article) (string, error) {
		b, err := os.ReadFile(filepath.Join(dir, a.File))
		return string(b), err
	}
}

// sentinels are the package's sentinel errors, by name. TestBadDatasets
// reaches every one, and TestSentinelsListed keeps this list complete.
var sentinels = map[string]error{
	"ErrDuplicateID": ErrDuplicateID, "ErrUnknownID": ErrUnknownID, "ErrUnknownUnit": ErrUnknownUnit,
	"ErrUnknownKind": ErrUnknownKind, "ErrBadNumber": ErrBadNumber, "ErrBadRange": ErrBadRange,
	"ErrMissing": ErrMissing, "ErrCycle": ErrCycle, "ErrSyntax": ErrSyntax, "ErrUnknownField": ErrUnknownField,
	"ErrDuplicateKey": ErrDuplicateKey, "ErrWrongType": ErrWrongType, "ErrBadID": ErrBadID,
	"ErrUnknownValue": ErrUnknownValue, "ErrUnknownQualifier": ErrUnknownQualifier, "ErrConflict": ErrConflict,
	"ErrBadInput": ErrBadInput, "ErrUnitMismatch": ErrUnitMismatch, "ErrPeriodMismatch": ErrPeriodMismatch,
	"ErrOtherTopic": ErrOtherTopic, "ErrValueMark": ErrValueMark, "ErrNoteMark": ErrNoteMark, "ErrBadDate": ErrBadDate, "ErrBadFileName": ErrBadFileName, "ErrTooPrecise": ErrTooPrecise, "ErrQuoteNotFound": ErrQuoteNotFound,
	"ErrNoSourceText": ErrNoSourceText,
}

// TestSentinelsListed: every Err variable the package declares is in
// sentinels, so TestBadDatasets must reach it.
func TestSentinelsListed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var declared []string
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, s := range g.Specs {
				for _, n := range s.(*ast.ValueSpec).Names {
					if strings.HasPrefix(n.Name, "Err") {
						declared = append(declared, n.Name)
					}
				}
			}
		}
	}
	if len(declared) != len(sentinels) {
		t.Errorf("the package declares %d sentinels, the test knows %d: %v", len(declared), len(sentinels), declared)
	}
	for _, n := range declared {
		if _, ok := sentinels[n]; !ok {
			t.Errorf("sentinel %s is not in the test's list", n)
		}
	}
}

// TestShippedDatasetHasNoProblems: the real dataset passes the checker,
// quotes included.
func TestShippedDatasetHasNoProblems(t *testing.T) {
	ds, probs := Check(readShipped(t), CheckOptions{Source: seedSource(t)})
	for _, p := range probs {
		t.Errorf("%d:%d: %v", p.Line, p.Column, p)
	}
	if ds == nil || len(ds.Figures) < 30 || len(ds.Topics) != 3 {
		t.Fatalf("Check returned %v", ds)
	}
	shipped := parseShipped(t)
	if err := shipped.Validate(); err != nil {
		t.Errorf("Validate: %v", err)
	}
}

type badCase struct {
	name string
	// change breaks the document and returns the path of the problem.
	change func(t *testing.T, d doc) string
	// raw breaks the bytes instead (for what a document cannot hold);
	// path is then the problem's path.
	raw  func(b []byte) []byte
	path string
	want error
	// msg is in the problem's message.
	msg string
	// n is how many problems the change makes: 1 when 0.
	n int
	// source, when set, gives Check the articles' texts.
	source func(t *testing.T) func(Article) (string, error)
}

// set sets a field of the object with the given id and returns its path.
func set(section, id, key string, v any) func(t *testing.T, d doc) string {
	return func(t *testing.T, d doc) string {
		m, p := d.find(t, section, id)
		m[key] = v
		return p + "." + key
	}
}

// correction adds a valid correction (the analysts' estimate was 146.60)
// with one field set to v, and returns that field's path.
func correction(key string, v any) func(t *testing.T, d doc) string {
	return func(t *testing.T, d doc) string {
		c := map[string]any{"figure": "capex_2026_estimate", "was": "146.60", "on": "2026-11-23"}
		c[key] = v
		d["corrections"] = []any{c}
		return "corrections[0]." + key
	}
}

// A valid correction passes, and the pages of the figures it corrects find
// it.
func TestCorrectionChecks(t *testing.T) {
	d := shippedDoc(t)
	correction("on", "2026-11-23")(t, d)
	ds, probs := Check(encode(t, d), CheckOptions{})
	if len(probs) > 0 {
		t.Fatalf("a valid correction: %s", listProblems(probs))
	}
	capex, _ := ds.Comparison("capex_vs_estimate_diff")
	growth, _ := ds.Comparison("aws_vs_azure_growth")
	if got := ds.CorrectionsOf([]Comparison{capex}); len(got) != 1 || got[0].Figure != "capex_2026_estimate" || got[0].Day().Day() != 23 {
		t.Errorf("corrections of the capex gap: %+v", got)
	}
	if got := ds.CorrectionsOf([]Comparison{growth}); len(got) != 0 {
		t.Errorf("corrections of the growth gap: %+v, want none", got)
	}
}

// chartRow sets a field of bar i of a topic's chart and returns its path.
func chartRow(topic string, i int, key string, v any) func(t *testing.T, d doc) string {
	return func(t *testing.T, d doc) string {
		m, p := d.find(t, "topics", topic)
		m["chart"].(map[string]any)["rows"].([]any)[i].(map[string]any)[key] = v
		return fmt.Sprintf("%s.chart.rows[%d].%s", p, i, key)
	}
}

// suffix lengthens the path a change returns: the problem is inside the
// value it set.
func suffix(change func(t *testing.T, d doc) string, s string) func(t *testing.T, d doc) string {
	return func(t *testing.T, d doc) string { return change(t, d) + s }
}

// del removes a field of the object with the given id.
func del(section, id, key string) func(t *testing.T, d doc) string {
	return func(t *testing.T, d doc) string {
		m, p := d.find(t, section, id)
		delete(m, key)
		return p + "." + key
	}
}

func badCases() []badCase {
	return []badCase{
		// The site.
		{name: "file name with spaces", change: func(t *testing.T, d doc) string {
			d["site"].(map[string]any)["file_name"] = "Amazon figures"
			return "site.file_name"
		}, want: ErrBadFileName, msg: `"Amazon figures" is not a file name (lowercase letters and digits joined by -`},
		{name: "file name with a path", change: func(t *testing.T, d doc) string {
			d["site"].(map[string]any)["file_name"] = "../amazon"
			return "site.file_name"
		}, want: ErrBadFileName, msg: `"../amazon"`},
		{name: "no file name", change: func(t *testing.T, d doc) string {
			delete(d["site"].(map[string]any), "file_name")
			return "site.file_name"
		}, want: ErrMissing, msg: "missing (the start of the downloaded files' names"},
		{name: "straight quotes", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "workforce")
			m["source"].(map[string]any)["where"] = `Paragraph 2 - "around 350,000"`
			return p + ".source.where"
		}, want: ErrMissing, msg: "quotes none of the article's words (write the quote in curly quotes, “…”, not straight ones"},
		// Numbers.
		{name: "exponent", change: set("figures", "workforce", "value", "1e6"), want: ErrBadNumber,
			msg: `"1e6" is not a plain decimal (write digits with an optional point, like 350000 or 34.6)`},
		{name: "thousands separator", change: set("figures", "cut_oct2025", "value", "14,000"), want: ErrBadNumber, msg: `"14,000"`},
		{name: "bad factor", change: set("comparisons", "aws_run_rate", "factor", "four"), want: ErrBadNumber, msg: `"four"`},
		{name: "bad stated", change: set("claims", "claim_margin", "stated", "35%"), want: ErrBadNumber, msg: `"35%"`},
		{name: "number as JSON number", change: set("figures", "workforce", "value", 350000), want: ErrWrongType,
			msg: `write every number as a string, "350000"`},
		{name: "operands as a string", change: set("comparisons", "cut_total", "a", "cut_oct2025"), want: ErrWrongType,
			msg: `want a list of ids, ["cut_oct2025"]`},
		{name: "approx as a string", change: set("figures", "workforce", "approx", "yes"), want: ErrWrongType, msg: "want true or false"},
		// Unknown ids.
		{name: "unknown operand", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "comparisons", "cut_share_total")
			m["a"] = []any{"cut_oct2025", "foo"}
			return p + ".a"
		}, want: ErrUnknownID, msg: `unknown id "foo" (an operand is the id of a figure or of another comparison)`},
		{name: "misspelt operand", change: set("comparisons", "cut_share_oct2025", "b", []any{"workfroce"}), want: ErrUnknownID,
			msg: `unknown id "workfroce"; did you mean "workforce"?`},
		{name: "claim about an unknown comparison", change: set("claims", "claim_margin", "comparison", "aws_margin"), want: ErrUnknownID,
			msg: `unknown comparison "aws_margin"`},
		{name: "unknown article", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "workforce")
			m["source"].(map[string]any)["article"] = "reuters"
			return p + ".source.article"
		}, want: ErrUnknownID, msg: `unknown article "reuters" (accepted: aws_q4, layoffs_ai)`},
		{name: "comparison in an unknown topic", change: set("comparisons", "cut_total", "group", "jobs"), want: ErrUnknownID,
			msg: `unknown topic "jobs" (accepted: the topics' ids, workforce, capex, growth)`},
		{name: "topic with an unknown lead", change: set("topics", "workforce", "lead", "cut_totl"), want: ErrUnknownID,
			msg: `unknown comparison "cut_totl"; did you mean "cut_total"?`},
		{name: "topic with an unknown input", change: set("topics", "capex", "lead_input", "capex"), want: ErrUnknownID,
			msg: `the lead input "capex" is not an adjustable figure`},
		{name: "topic input not adjustable", change: set("topics", "workforce", "lead_input", "internal_search_days"), want: ErrUnknownID,
			msg: `the lead input "internal_search_days"`},
		{name: "topic with an unknown claim", change: set("topics", "growth", "claim", "claim_nope"), want: ErrUnknownID, msg: `unknown claim "claim_nope"`},
		// Words from a list.
		{name: "unknown unit", change: set("figures", "capex_2026", "unit", "usd"), want: ErrUnknownUnit,
			msg: `unknown unit "usd" (accepted: usd_bn, usd_m, people,`},
		{name: "millions of dollars in billions", change: set("figures", "gov_regions_pledge", "value", "0.0062"), want: ErrTooPrecise,
			msg: `"0.0062" has more decimal places than usd_bn shows (2): the page would show the article's number rounded (write it in usd_m: 6.2)`},
		{name: "a fraction of a person", change: set("figures", "zalando_weekly_users", "value", "3000.5"), want: ErrTooPrecise,
			msg: `"3000.5" has more decimal places than people shows (0): the page would show the article's number rounded (write it in a unit that shows it whole)`},
		{name: "unknown kind", change: set("comparisons", "cut_share_total", "kind", "percentage"), want: ErrUnknownKind,
			msg: `unknown kind "percentage" (accepted: share, difference,`},
		{name: "unknown span", change: set("figures", "capex_2026", "span", "annual"), want: ErrUnknownValue, msg: `unknown span "annual"`},
		{name: "unknown relation", change: set("claims", "claim_margin_up", "relation", "over"), want: ErrUnknownValue, msg: `unknown relation "over" (accepted: above, below`},
		{name: "chart of a string", change: set("topics", "capex", "chart", "pie"), want: ErrWrongType, msg: `"pie", a string, want an object {...}`},
		{name: "chart bar of an unknown id", change: chartRow("capex", 1, "value", "alphabet_capx"), want: ErrUnknownID,
			msg: `unknown id "alphabet_capx"; did you mean "alphabet_capex"? (a bar draws a figure or a comparison)`},
		{name: "chart bars in two units", change: chartRow("capex", 1, "value", "capex_vs_estimate_pct"), want: ErrUnitMismatch,
			msg: `"capex_vs_estimate_pct" is in percent but "capex_2026" in usd_bn: a chart's bars and marks share one scale`},
		{name: "chart mark in another unit", change: suffix(chartRow("growth", 0, "marks", []any{"capex_2026"}), "[0]"), want: ErrUnitMismatch,
			msg: `"capex_2026" is in usd_bn but "aws_growth" in percent`},
		{name: "chart beside of a figure", change: suffix(chartRow("growth", 1, "beside", map[string]any{"comparison": "azure_growth"}), ".comparison"), want: ErrUnknownID,
			msg: `unknown comparison "azure_growth"`},
		{name: "chart without bars", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "topics", "workforce")
			m["chart"].(map[string]any)["rows"] = []any{}
			return p + ".chart.rows"
		}, want: ErrMissing, msg: "missing or empty (the bars"},
		{name: "chart note of an unknown id", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "topics", "growth")
			m["chart"].(map[string]any)["note"] = "Google Cloud minus Azure: {gcp_vs_azure}."
			return p + ".chart.note"
		}, want: ErrUnknownID, msg: "{gcp_vs_azure} names no figure or comparison"},
		{name: "no embed height", change: del("topics", "growth", "embed_height"), want: ErrMissing, msg: "the embed page's default frame height"},
		{name: "embed height of 20 px", change: set("topics", "growth", "embed_height", 20), want: ErrBadNumber, msg: "20 is not a frame height"},
		{name: "embed height as a string", change: set("topics", "growth", "embed_height", "590"), want: ErrWrongType, msg: "want a whole number"},
		{name: "unknown figure hedge", change: set("figures", "workforce", "hedge", "approx."), want: ErrUnknownQualifier,
			msg: `unknown qualifier word "approx." (accepted: about, roughly, approximately, around,`},
		{name: "claim hedge that is a relation", change: set("claims", "claim_margin", "hedge", "over"), want: ErrUnknownQualifier,
			msg: `give "relation": "above" or "below"`},
		{name: "approx without hedge", change: del("figures", "workforce", "hedge"), want: ErrMissing, msg: "approx is true"},
		// Ids.
		{name: "duplicate id across sections", change: set("claims", "claim_margin", "id", "cut_total"), want: ErrDuplicateID,
			msg: `duplicate id "cut_total" (also comparisons[0].id`},
		{name: "duplicate topic", change: set("topics", "capex", "id", "workforce"), want: ErrDuplicateID, msg: `duplicate topic id "workforce"`, n: -1},
		{name: "figure id taken by a range's parameter", change: set("figures", "internal_search_days", "id", "alphabet_capex_low"), want: ErrDuplicateID,
			msg: `"alphabet_capex_low" is also the URL parameter of an end of the range figure "alphabet_capex"`},
		{name: "id not snake_case", change: set("figures", "internal_search_days", "id", "internal-search-days"), want: ErrBadID,
			msg: `"internal-search-days" is not a valid id (write snake_case`},
		// Cycles.
		{name: "comparison on itself", change: set("comparisons", "cut_total", "a", []any{"cut_total"}), want: ErrCycle,
			msg: "cycle: cut_total → cut_total"},
		{name: "two comparisons on each other", change: func(t *testing.T, d doc) string {
			m, _ := d.find(t, "comparisons", "aws_q4_margin")
			m["a"] = []any{"aws_margin_change"}
			_, p := d.find(t, "comparisons", "aws_margin_change")
			return p + ".a"
		}, want: ErrCycle, msg: "cycle: aws_q4_margin → aws_margin_change → aws_q4_margin"},
		// Units and periods.
		{name: "difference of people and dollars", change: set("comparisons", "capex_vs_estimate_diff", "b", []any{"workforce"}), want: ErrUnitMismatch,
			msg: `"capex_2026" is in usd_bn but "workforce" in people: a difference sets a against b in one unit`},
		{name: "sum of people and dollars", change: set("comparisons", "cut_total", "a", []any{"cut_oct2025", "capex_2026"}), want: ErrUnitMismatch,
			msg: `"cut_oct2025" is in people but "capex_2026" in usd_bn`},
		{name: "spread of dollars", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "comparisons", "gcp_vs_azure_growth")
			m["a"], m["b"] = []any{"capex_2026"}, []any{"capex_2026_estimate"}
			return p + ".a"
		}, want: ErrUnitMismatch, msg: "a spread is the gap between two percentages"},
		{name: "year against quarter", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "comparisons", "capacity_aws_vs_microsoft")
			delete(m, "periods_differ")
			return p + ".b"
		}, want: ErrPeriodMismatch,
			msg: `"aws_capacity_added_2025" (a year: 2025) and "microsoft_capacity_added_q4_2025" (a quarter: Q4 2025) cover different periods`},
		{name: "periods_differ on like periods", change: set("comparisons", "capex_vs_meta", "periods_differ", true), want: ErrConflict,
			msg: "the operands cover the same period"},
		// Fields that do not go together.
		{name: "value and range", change: set("figures", "alphabet_capex", "value", "180"), want: ErrConflict, msg: "a value, or a range from low to high, not both"},
		{name: "factor on a ratio", change: set("comparisons", "capex_vs_estimate_ratio", "factor", "4"), want: ErrConflict, msg: "goes with kind scale only"},
		{name: "operand b on a sum", change: set("comparisons", "cut_total", "b", []any{"workforce"}), want: ErrConflict, msg: "a sum takes no operand b"},
		{name: "hedge without approx", change: set("figures", "workforce", "approx", false), want: ErrConflict, msg: "set approx to true"},
		{name: "relation on a range", change: set("claims", "claim_combined_capex", "relation", "above"), want: ErrConflict, msg: "a relation takes a single stated value"},
		// Ranges.
		{name: "range upside down", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "alphabet_capex")
			m["low"], m["high"] = "185", "175"
			return p + ".low"
		}, want: ErrBadRange, msg: "185 is above high 175"},
		{name: "stated range upside down", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "claims", "claim_combined_capex")
			m["stated_low"], m["stated_high"] = "700", "650"
			return p + ".stated_low"
		}, want: ErrBadRange, msg: "700 is above stated_high 650"},
		// Sliders.
		{name: "slider short of the value", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "workforce")
			m["input"].(map[string]any)["slider_max"] = "300000"
			return p + ".input.slider_max"
		}, want: ErrBadInput, msg: "300000 is below the article's value 350000"},
		{name: "zero step", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "capex_2026")
			m["input"].(map[string]any)["step"] = "0"
			return p + ".input.step"
		}, want: ErrBadInput, msg: "0 is not above zero"},
		{name: "value between steps", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "capex_2026_estimate")
			m["input"].(map[string]any)["step"] = "1"
			return p + ".input.step"
		}, want: ErrBadInput, msg: "cannot reach the article's value 148.86 from 0 in steps of 1"},
		// Missing fields.
		{name: "no label", change: del("figures", "cut_jan2026", "label"), want: ErrMissing, msg: "missing (the words that name the figure)"},
		{name: "no value", change: del("figures", "cut_jan2026", "value"), want: ErrMissing, msg: "or low and high for a range"},
		{name: "ratio without b", change: del("comparisons", "capex_vs_estimate_ratio", "b"), want: ErrMissing, msg: "a ratio sets a against b"},
		{name: "b_factor without b_span", change: del("comparisons", "capacity_aws_vs_microsoft_annualised", "b_span"), want: ErrMissing, msg: "b_factor and b_span go together"},
		{name: "no where", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "claims", "claim_margin")
			delete(m["source"].(map[string]any), "where")
			return p + ".source.where"
		}, want: ErrMissing, msg: "the article's own words in curly quotes"},
		{name: "where without quoted words", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "cut_oct2025")
			m["source"].(map[string]any)["where"] = "Paragraph 2"
			return p + ".source.where"
		}, want: ErrMissing, msg: `"Paragraph 2" quotes none of the article's words`},
		{name: "no topics", change: func(t *testing.T, d doc) string { d["topics"] = []any{}; return "topics" },
			want: ErrMissing, msg: "missing or empty", n: -1},
		{name: "no question", change: set("topics", "growth", "question", " "), want: ErrMissing, msg: "the question the topic answers"},
		// Topics.
		{name: "lead of another topic", change: set("topics", "workforce", "lead", "capex_vs_estimate_diff"), want: ErrOtherTopic,
			msg: `comparison "capex_vs_estimate_diff" belongs to topic "capex"`},
		{name: "claim of another topic", change: set("topics", "workforce", "claim", "claim_run_rate"), want: ErrOtherTopic,
			msg: `claim "claim_run_rate" is about another topic's comparison`},
		{name: "note names no figure", change: set("comparisons", "cut_share_oct2025", "note", "Divided by {workforse}."), want: ErrUnknownID,
			msg: `{workforse} names no figure; did you mean "workforce"?`},
		{name: "note names a comparison", change: set("comparisons", "cut_share_oct2025", "note", "Of {cut_total}."), want: ErrUnknownID,
			msg: "{cut_total} names no figure"},
		{name: "note with a stray brace", change: set("comparisons", "cut_share_oct2025", "note", "Divided by {workforce} {."), want: ErrNoteMark,
			msg: "has a brace that opens or closes no {id}"},
		// Corrections.
		{name: "correction of an unknown figure", change: correction("figure", "capex_2026_estimat"), want: ErrUnknownID,
			msg: `unknown figure "capex_2026_estimat"; did you mean "capex_2026_estimate"?`},
		{name: "correction of a range", change: correction("figure", "meta_capex"), want: ErrConflict, msg: "is a range"},
		{name: "correction to the same value", change: correction("was", "148.86"), want: ErrConflict, msg: "is the figure's value now"},
		{name: "correction with a bad value", change: correction("was", "1,4886e2"), want: ErrBadNumber, msg: "is not a plain decimal"},
		{name: "correction with no day", change: correction("on", ""), want: ErrMissing, msg: "the day the correction was published"},
		{name: "correction on no day", change: correction("on", "23/11/2026"), want: ErrBadDate, msg: `"23/11/2026" is not a day (write YYYY-MM-DD`},
		{name: "correction on February 30", change: correction("on", "2026-02-30"), want: ErrBadDate, msg: "is not a day"},
		{name: "sentence without value", change: set("topics", "capex", "sentence", "Amazon spends more."), want: ErrValueMark, msg: "must hold {value} once"},
		{name: "two values", change: set("topics", "growth", "negative", "{value} and {value}"), want: ErrValueMark, msg: "must hold {value} once"},
		{name: "dashboard-only lead", change: set("topics", "capex", "lead", "capex_vs_aws_run_rate"), want: ErrConflict,
			msg: `comparison "capex_vs_aws_run_rate" is dashboard-only (dashboard_only is true), off the topic's embed graphic`},
		// Articles: our description, the article's own title and date.
		{name: "article without about", change: del("articles", "aws_q4", "about"), want: ErrMissing, msg: "missing (what the article is, in our words"},
		{name: "article without short", change: set("articles", "layoffs_ai", "short", " "), want: ErrMissing, msg: "missing (the article's name in an embed's footer"},
		{name: "article without file", change: del("articles", "layoffs_ai", "file"), want: ErrMissing, msg: "missing (the file holding the article's text)"},
		{name: "blank title", change: set("articles", "aws_q4", "title", " "), want: ErrMissing, msg: "blank (the article's own title, word for word"},
		{name: "blank date", change: set("articles", "layoffs_ai", "date", "  "), want: ErrMissing, msg: "blank (the article's own date, word for word"},
		{name: "invented title", change: set("articles", "aws_q4", "title", "AWS posts 24% growth in Q4 2025 as Amazon cuts 16,000 jobs and bets $200 billion on AI"),
			want: ErrQuoteNotFound, msg: "is not word for word in the article's text: a title is the article's own", source: seedSource},
		{name: "invented date", change: set("articles", "layoffs_ai", "date", "2026-02"), want: ErrQuoteNotFound,
			msg: `"2026-02" is not word for word in the article's text: a date is the article's own`, source: seedSource},
		// The kind implied_previous.
		{name: "implied_previous of a non-percent", change: set("comparisons", "aws_q4_2024_revenue_implied", "b", []any{"aws_q4_revenue"}), want: ErrUnitMismatch,
			msg: `"aws_q4_revenue" is in usd_bn: an implied_previous divides a by 1 + b/100, so b is a growth in percent`},
		{name: "implied_previous without b", change: del("comparisons", "aws_q4_2024_revenue_implied", "b"), want: ErrMissing,
			msg: "missing (a implied_previous sets a against b"},
		{name: "dashboard_only as a string", change: set("comparisons", "capex_vs_aws_run_rate", "dashboard_only", "yes"), want: ErrWrongType, msg: "want true or false"},
		// Fields and JSON.
		{name: "misspelt field", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "workforce")
			m["valeu"] = "1"
			return p + ".valeu"
		}, want: ErrUnknownField, msg: `unknown field "valeu"; did you mean "value"? (accepted here: id, label, short, value,`},
		{name: "unknown top-level field", change: func(t *testing.T, d doc) string { d["author"] = "me"; return "author" },
			want: ErrUnknownField, msg: `unknown field "author"`},
		{name: "key twice", raw: func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"label": "Amazon corporate workforce",`), []byte(`"label": "Amazon corporate workforce", "label": "Workforce",`), 1)
		}, path: "figures[0].label", want: ErrDuplicateKey, msg: `"label" is given twice in this object`},
		{name: "missing comma", raw: func(b []byte) []byte {
			return bytes.Replace(b, []byte(`"value": "14000",`), []byte(`"value": "14000"`), 1)
		}, path: "figures[1]", want: ErrSyntax, msg: "not valid JSON: invalid character"},
		{name: "cut short", raw: func(b []byte) []byte { b = bytes.TrimSpace(b); return b[:len(b)-1] }, path: "", want: ErrSyntax, msg: "the file ends before the JSON does"},
		{name: "not an object", raw: func([]byte) []byte { return []byte("[]") }, path: "", want: ErrWrongType, msg: "the dataset is a list"},
		// Quotes, against the articles' texts.
		{name: "claim quote not in its article", change: set("claims", "claim_margin", "quote", "an operating margin of 40%"),
			want: ErrQuoteNotFound, msg: `“an operating margin of 40%” is not word for word in article "aws_q4"`, source: seedSource},
		{name: "where quote not in its article", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "cut_oct2025")
			m["source"].(map[string]any)["where"] = "Paragraph 2 (layoffs) — “following 15,000 cuts announced in October 2025”"
			return p + ".source.where"
		}, want: ErrQuoteNotFound, msg: "“following 15,000 cuts announced in October 2025” is not word for word", source: seedSource},
		{name: "quote from the other article", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "claims", "claim_margin")
			m["source"].(map[string]any)["article"] = "layoffs_ai"
			return p + ".quote"
		}, want: ErrQuoteNotFound, msg: `is not word for word in article "layoffs_ai"`, n: 2, source: seedSource},
		{name: "hedge not among the quoted words", change: func(t *testing.T, d doc) string {
			m, p := d.find(t, "figures", "workforce")
			m["hedge"] = "about"
			return p + ".source.where"
		}, want: ErrQuoteNotFound, msg: `the hedge "about" is not among the quoted words`},
		{name: "article text unreadable", change: func(t *testing.T, d doc) string { return "articles[1].file" },
			want: ErrNoSourceText, msg: "cannot read the article's text: file does not exist",
			source: func(t *testing.T) func(Article) (string, error) {
				seeds := seedSource(t)
				return func(a Article) (string, error) {
					if a.ID == "layoffs_ai" {
						return "", os.ErrNotExist
					}
					return seeds(a)
				}
			}},
	}
}

// TestBadDatasets breaks the shipped dataset one thing at a time and
// expects Check to report that one problem, at its JSON path, with its
// line, wrapping its sentinel; and Load to refuse it with the same error.
func TestBadDatasets(t *testing.T) {
	reached := map[error]bool{}
	for _, tc := range badCases() {
		t.Run(tc.name, func(t *testing.T) {
			var b []byte
			path := tc.path
			if tc.raw != nil {
				b = tc.raw(readShipped(t))
			} else {
				d := shippedDoc(t)
				path = tc.change(t, d)
				b = encode(t, d)
			}
			var opt CheckOptions
			if tc.source != nil {
				opt.Source = tc.source(t)
			}
			_, probs := Check(b, opt)
			var hit *Problem
			for i, p := range probs {
				if p.Path == path && errors.Is(p, tc.want) && strings.Contains(p.Error(), tc.msg) {
					hit = &probs[i]
				}
			}
			if hit == nil {
				t.Fatalf("no problem at %q wrapping %v with %q; got:\n%s", path, tc.want, tc.msg, listProblems(probs))
			}
			reached[tc.want] = true
			if want := path + ": "; path != "" && !strings.HasPrefix(hit.Error(), want) {
				t.Errorf("message %q does not start with its path", hit.Error())
			}
			if hit.Line < 1 || hit.Column < 1 {
				t.Errorf("%v: no line and column (%d:%d)", hit, hit.Line, hit.Column)
			}
			switch n := max(tc.n, 1); {
			case tc.n >= 0 && len(probs) != n:
				t.Errorf("%d problems, want %d:\n%s", len(probs), n, listProblems(probs))
			}
			if tc.source != nil {
				return // Load does not read the articles
			}
			_, err := Load(b)
			if !errors.Is(err, tc.want) || !strings.Contains(err.Error(), hit.Error()) {
				t.Errorf("Load: %v, want an error wrapping %v with %q", err, tc.want, hit.Error())
			}
		})
	}
	for name, s := range sentinels {
		if !reached[s] {
			t.Errorf("no bad dataset reaches %s", name)
		}
	}
}

func listProblems(probs []Problem) string {
	var b strings.Builder
	for _, p := range probs {
		fmt.Fprintf(&b, "\t%d:%d: %v\n", p.Line, p.Column, p)
	}
	return b.String()
}

// TestProblemPlaces: a problem's line and column point at the value at
// fault (or the key, for a key that should not be there), and problems
// come in the order of the file.
func TestProblemPlaces(t *testing.T) {
	d := shippedDoc(t)
	m, _ := d.find(t, "figures", "workforce")
	m["value"] = "1e6"
	m["valeu"] = "2"
	c, _ := d.find(t, "topics", "growth")
	c["chart"] = "pie"
	b := encode(t, d)
	_, probs := Check(b, CheckOptions{})
	if len(probs) != 3 {
		t.Fatalf("%d problems, want 3:\n%s", len(probs), listProblems(probs))
	}
	lines := strings.Split(string(b), "\n")
	for _, p := range probs {
		line := []rune(lines[p.Line-1])
		at := string(line[p.Column-1:])
		want := map[string]string{"value": `"1e6"`, "valeu": `"valeu"`, "chart": `"pie"`}[p.Path[strings.LastIndex(p.Path, ".")+1:]]
		if !strings.HasPrefix(at, want) {
			t.Errorf("%v at %d:%d points at %q, want %s", p, p.Line, p.Column, at, want)
		}
	}
	if !slices.IsSortedFunc(probs, func(x, y Problem) int { return x.Line - y.Line }) {
		t.Errorf("problems not in the order of the file:\n%s", listProblems(probs))
	}
}

// TestEveryProblemAtOnce: Check does not stop at the first problem, and
// Validate returns them all too.
func TestEveryProblemAtOnce(t *testing.T) {
	d := shippedDoc(t)
	var paths []string
	for _, tc := range badCases() {
		if tc.raw != nil || tc.source != nil || tc.n != 0 {
			continue
		}
		switch tc.name {
		case "exponent", "unknown unit", "unknown kind", "misspelt operand", "duplicate id across sections", "lead of another topic", "sentence without value":
			paths = append(paths, tc.change(t, d))
		}
	}
	ds, probs := Check(encode(t, d), CheckOptions{})
	for _, p := range paths {
		if !slices.ContainsFunc(probs, func(q Problem) bool { return q.Path == p }) {
			t.Errorf("no problem at %s:\n%s", p, listProblems(probs))
		}
	}
	err := ds.Validate()
	for _, s := range []error{ErrBadNumber, ErrUnknownUnit, ErrUnknownKind, ErrUnknownID, ErrDuplicateID, ErrOtherTopic, ErrValueMark} {
		if !errors.Is(err, s) {
			t.Errorf("Validate: %v does not wrap %v", err, s)
		}
	}
}

// TestSchemaKeyIgnored: the $schema key an editor reads is accepted and
// ignored.
func TestSchemaKeyIgnored(t *testing.T) {
	ds, err := Load(readShipped(t))
	if err != nil {
		t.Fatal(err)
	}
	if ds.Schema != "../docs/dataset.schema.json" {
		t.Errorf("$schema = %q", ds.Schema)
	}
	d := shippedDoc(t)
	delete(d, "$schema")
	if _, err := Load(encode(t, d)); err != nil {
		t.Errorf("without $schema: %v", err)
	}
}
