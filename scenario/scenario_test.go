package scenario

import (
	"net/url"
	"strings"
	"testing"

	"amzwidget/data"

	"github.com/shopspring/decimal"
)

func TestDecode(t *testing.T) {
	ds := data.Default()
	tests := []struct {
		query    string
		values   map[string]string // param → canonical decimal
		problems []string          // params with a problem
		digits   int
		exact    bool
	}{
		{"", nil, nil, -1, false},
		{"workforce=300000", map[string]string{"workforce": "300000"}, nil, -1, false},
		{"workforce=350000", nil, nil, -1, false}, // the article's value is left out
		{"workforce=350,000.00", nil, nil, -1, false},
		{"workforce=300%20000&cut_jan2026=20000", map[string]string{"workforce": "300000", "cut_jan2026": "20000"}, nil, -1, false},
		{"workforce=abc", nil, []string{"workforce"}, -1, false},
		{"workforce=-1", nil, []string{"workforce"}, -1, false},
		{"workforce=1.5", nil, []string{"workforce"}, -1, false},
		{"workforce=1e6", nil, []string{"workforce"}, -1, false},
		{"workforce=0", map[string]string{"workforce": "0"}, nil, -1, false}, // allowed: shares say why they can't be computed
		{"nonsense=1&workforce=300000", map[string]string{"workforce": "300000"}, nil, -1, false},
		{"workforce=300000&workforce=abc", map[string]string{"workforce": "300000"}, nil, -1, false}, // first value wins
		{"alphabet_capex_low=190", nil, []string{"alphabet_capex_low"}, -1, false},                   // above the article's high end
		{"alphabet_capex_low=190&alphabet_capex_high=200", map[string]string{"alphabet_capex_low": "190", "alphabet_capex_high": "200"}, nil, -1, false},
		{"alphabet_capex_low=200&alphabet_capex_high=190", map[string]string{"alphabet_capex_high": "190"}, []string{"alphabet_capex_low"}, -1, false},
		{"aws_growth=-12.5", map[string]string{"aws_growth": "-12.5"}, nil, -1, false}, // growth may be negative
		{"digits=4&exact=1", nil, nil, 4, true},
		{"digits=7", nil, []string{"digits"}, -1, false},
		{"digits=-1", nil, []string{"digits"}, -1, false},
		{"digits=04", nil, []string{"digits"}, -1, false},
		{"exact=yes", nil, []string{"exact"}, -1, false},
	}
	for _, tt := range tests {
		q, err := url.ParseQuery(tt.query)
		if err != nil {
			t.Fatal(err)
		}
		s, probs := Decode(ds, q)
		if len(s.Values) != len(tt.values) {
			t.Errorf("%q: values %v, want %v", tt.query, s.Values, tt.values)
		}
		for k, v := range tt.values {
			if got, ok := s.Values[k]; !ok || got.String() != v {
				t.Errorf("%q: %s = %v, want %s", tt.query, k, got, v)
			}
		}
		var got []string
		for _, p := range probs {
			got = append(got, p.Param)
			if p.Message == "" {
				t.Errorf("%q: empty message for %s", tt.query, p.Param)
			}
		}
		if strings.Join(got, ",") != strings.Join(tt.problems, ",") {
			t.Errorf("%q: problems %v, want %v", tt.query, got, tt.problems)
		}
		if s.Digits != tt.digits || s.Exact != tt.exact {
			t.Errorf("%q: digits %d exact %v, want %d %v", tt.query, s.Digits, s.Exact, tt.digits, tt.exact)
		}
	}
}

func TestQueryKeepsForeignParameters(t *testing.T) {
	ds := data.Default()
	s := New(ds)
	if err := s.Set("workforce", "300,000"); err != nil {
		t.Fatal(err)
	}
	q, _ := url.ParseQuery("childId=chart-1&initialWidth=600&workforce=1&digits=3")
	got := s.QueryKeeping(q)
	if got != "workforce=300000&childId=chart-1&initialWidth=600" {
		t.Errorf("QueryKeeping = %q", got)
	}
	if err := s.Set("workforce", "350000"); err != nil || s.Query() != "" {
		t.Errorf("setting the article's value back: %v, query %q", err, s.Query())
	}
}

// The problems shown on the page name a known parameter and a fixed
// message; never the reader's text.
func TestProblemsNeverEchoInput(t *testing.T) {
	ds := data.Default()
	payload := `"><svg onload=alert(1)>`
	q := url.Values{}
	for _, p := range ds.Params() {
		q.Set(p.ID, payload)
	}
	for _, k := range []string{ParamDigits, ParamExact, ParamTheme, ParamLang} {
		q.Set(k, payload)
	}
	_, probs := Decode(ds, q)
	if len(probs) != len(ds.Params())+4 {
		t.Errorf("%d problems, want %d", len(probs), len(ds.Params())+4)
	}
	for _, p := range probs {
		if strings.ContainsAny(p.Param+p.Message, "<>\"") || strings.Contains(p.Message, "svg") {
			t.Errorf("problem echoes input: %+v", p)
		}
	}
}

func FuzzDecode(f *testing.F) {
	for _, s := range []string{
		"", "workforce=300000", "workforce=abc&digits=3", "alphabet_capex_low=1&alphabet_capex_high=0",
		"exact=1&theme=dark&lang=de&transparent=1", "workforce=%zz", "a=1&a=2&workforce=1,234",
	} {
		f.Add(s)
	}
	ds := data.Default()
	f.Fuzz(func(t *testing.T, raw string) {
		q, _ := url.ParseQuery(raw) // a bad query still yields what parsed
		s, _ := Decode(ds, q)
		enc := s.Query()
		q2, err := url.ParseQuery(enc)
		if err != nil {
			t.Fatalf("Query() = %q does not parse: %v", enc, err)
		}
		s2, probs := Decode(ds, q2)
		if len(probs) > 0 {
			t.Fatalf("re-decoding %q: %v", enc, probs)
		}
		if again := s2.Query(); again != enc {
			t.Fatalf("not stable: %q → %q → %q", raw, enc, again)
		}
	})
}

// TestClampToRange: a range's low end stops at its high end's value in
// force and the high end at the low end's; other values, other
// parameters and unknown ids pass unchanged. Alphabet's 2026 capex is
// $175–185 billion in the article.
func TestClampToRange(t *testing.T) {
	s, _ := Decode(data.Default(), nil)
	moved, _ := Decode(data.Default(), url.Values{"alphabet_capex_low": {"180"}, "alphabet_capex_high": {"190"}})
	for _, c := range []struct {
		sc       *Scenario
		id, in   string
		want     string
		clamping bool
	}{
		{s, "alphabet_capex_low", "200", "185", true},
		{s, "alphabet_capex_low", "185", "185", false},
		{s, "alphabet_capex_low", "100", "100", false},
		{s, "alphabet_capex_high", "100", "175", true},
		{s, "alphabet_capex_high", "175", "175", false},
		{s, "alphabet_capex_high", "300", "300", false},
		// Against the other end in force, not the article's.
		{moved, "alphabet_capex_low", "189", "189", false},
		{moved, "alphabet_capex_low", "195", "190", true},
		{moved, "alphabet_capex_high", "179", "180", true},
		{s, "workforce", "99999999", "99999999", false},
		{s, "no_such_id", "5", "5", false},
	} {
		got := c.sc.ClampToRange(c.id, decimal.RequireFromString(c.in))
		if !got.Equal(decimal.RequireFromString(c.want)) {
			t.Errorf("ClampToRange(%s, %s) = %s, want %s", c.id, c.in, got, c.want)
		}
		if c.clamping == got.Equal(decimal.RequireFromString(c.in)) {
			t.Errorf("ClampToRange(%s, %s): clamped = %v, want %v", c.id, c.in, !c.clamping, c.clamping)
		}
	}
}
