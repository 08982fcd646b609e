package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"net/url"
	"testing"

	"amzwidget/data"
	"amzwidget/scenario"
)

func scen(t *testing.T, q string) *scenario.Scenario {
	t.Helper()
	v, err := url.ParseQuery(q)
	if err != nil {
		t.Fatal(err)
	}
	sc, _ := scenario.Decode(data.Default(), v)
	return sc
}

// rows reads the CSV back, checking the BOM and one header row, and
// returns the rows keyed by id.
func rows(t *testing.T, b []byte) map[string][]string {
	t.Helper()
	if !bytes.HasPrefix(b, []byte("\xef\xbb\xbf")) {
		t.Fatal("CSV does not start with a UTF-8 BOM")
	}
	recs, err := csv.NewReader(bytes.NewReader(b[3:])).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) < 2 || recs[0][0] != "kind" {
		t.Fatalf("header: %q", recs[0])
	}
	out := map[string][]string{}
	for _, r := range recs[1:] {
		if r[0] == "kind" {
			t.Fatal("second header row")
		}
		out[r[1]] = r
	}
	return out
}

// Expected values computed by hand: 14000/300000 = 0.0466… → 4.(6) %,
// 16000/300000 → 5.(3) %, 30000/300000 = 10 %.
func TestCSVHandComputed(t *testing.T) {
	rs := rows(t, CSV(scen(t, "workforce=300000")))
	col := map[string]int{}
	for i, h := range Header {
		col[h] = i
	}
	cases := []struct{ id, field, want string }{
		{"workforce", "value", "300000"},
		{"workforce", "displayed", "300,000"},
		{"cut_share_oct2025", "value", "4.666666666667"},
		{"cut_share_oct2025", "exact", "4.(6)"},
		{"cut_share_oct2025", "displayed", "≈ 4.67%"},
		{"cut_share_jan2026", "exact", "5.(3)"},
		{"cut_share_total", "value", "10"},
		{"cut_share_total", "verdicts", "claim_cut_share_total: consistent"},
		{"alphabet_capex", "low", "175"},
		{"alphabet_capex", "high", "185"},
		// 200 − 148.86 = 51.14
		{"capex_vs_estimate_diff", "value", "51.14"},
		// 200+[175,185]+[115,135]+150 = [640,670]
		{"hyperscaler_capex_sum", "low", "640"},
		{"hyperscaler_capex_sum", "high", "670"},
		{"aws_vs_azure_growth", "value", "-15"},
		// issue 12 #5, by hand: 61 − 8 = 53; 61 ÷ 8 = 7.625; 35.6 ÷ 1.24 =
		// 890/31 = 28.(709677419354838) → 28.709677419355 at 12 places;
		// 200 ÷ 142.4 = 125/89 = 1.404494382022…
		{"anthropic_paper_gain", "high", "53"},
		{"anthropic_stake_multiple", "high", "7.625"},
		{"aws_q4_2024_revenue_implied", "value", "28.709677419355"},
		{"aws_q4_2024_revenue_implied", "displayed", "≈ $28.71 billion"},
		{"aws_q4_2024_revenue_implied", "period", "quarter"},
		{"capex_vs_aws_run_rate", "displayed", "≈ 1.40×"},
		// The source: our description, marked as ours, then the place.
		{"workforce", "source", "News report on Amazon’s layoffs and AI spending, by Kai Emerson, republished by ESG University " +
			"(our description; the article gives no headline or date): Paragraph 2 (layoffs) — “its corporate workforce of around 350,000”"},
	}
	for _, c := range cases {
		r, ok := rs[c.id]
		if !ok {
			t.Errorf("no row %s", c.id)
			continue
		}
		if got := r[col[c.field]]; got != c.want {
			t.Errorf("%s.%s = %q, want %q", c.id, c.field, got, c.want)
		}
	}
	ds := data.Default()
	if want := len(ds.Figures) + len(ds.EvalOrder()); len(rs) != want {
		t.Errorf("%d rows, want %d", len(rs), want)
	}
}

func TestJSONDecimalsAreStrings(t *testing.T) {
	var doc map[string]any
	if err := json.Unmarshal(JSON(scen(t, "workforce=300000")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc["query"] != "workforce=300000" {
		t.Errorf("query = %v", doc["query"])
	}
	for _, r := range doc["comparisons"].([]any) {
		m := r.(map[string]any)
		if m["id"] == "cut_share_total" {
			if v, ok := m["value"].(string); !ok || v != "10" {
				t.Errorf("cut_share_total value = %#v, want the string \"10\"", m["value"])
			}
			return
		}
	}
	t.Error("no cut_share_total")
}

// The article's scenario and a refused value give the same bytes.
func TestBadValueIsArticle(t *testing.T) {
	if !bytes.Equal(CSV(scen(t, "")), CSV(scen(t, "workforce=abc"))) {
		t.Error("a refused value changed the export")
	}
}
