package chart

import (
	"os"
	"strings"
	"testing"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/shopspring/decimal"
)

// rowTexts is each row as "name: text [marks]".
func rowTexts(c Chart) []string {
	var out []string
	for _, r := range c.Rows {
		s := r.Name + ": " + r.Text
		for _, m := range r.Marks {
			s += " |" + m.String()
		}
		if r.Main {
			s += " (main)"
		}
		if r.Track != nil {
			s += " /" + r.Track.String()
		}
		out = append(out, s)
	}
	return out
}

func same(t *testing.T, what string, got, want []string) {
	t.Helper()
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("%s:\n got %q\nwant %q", what, got, want)
	}
}

// The shipped story's three charts, as the dataset declares them, with
// every number worked by hand: 14,000 ÷ 350,000 = 4 %, 16,000 ÷ 350,000 =
// 4.5714… %, 30,000 ÷ 350,000 = 8.5714… %; 39 − 24 = 15 and 48 − 24 = 24
// points, written as the rival against AWS; 48 − 39 = +9 points.
func TestForTopicShippedStory(t *testing.T) {
	ds := data.Default()
	st := calc.DefaultStyle
	want := map[string]struct {
		rows []string
		note string
	}{
		"workforce": {[]string{
			"October 2025 round: 4% /100",
			"January 2026 round: ≈ 4.57% /100",
			"Both rounds: ≈ 8.57% (main) /100",
		}, "The full bar is the whole corporate workforce (100%)."},
		"capex": {[]string{
			"Amazon: approximately $200 billion |148.86 (main)",
			"Alphabet: $175–185 billion",
			"Meta: $115–135 billion",
			"Microsoft: ~$150 billion (estimated run-rate)",
		}, "Dashed line: the analysts’ estimate for Amazon ($148.86 billion). Bands are ranges."},
		"growth": {[]string{
			"AWS: 24% |24 (main)",
			"Microsoft Azure: 39% (+15 pp vs AWS) |24",
			"Google Cloud: 48% (+24 pp vs AWS) |24",
		}, "Dashed line: AWS’s rate. Google Cloud minus Azure: +9 pp."},
	}
	res := calc.Evaluate(ds, nil)
	for _, tp := range ds.Topics {
		w, ok := want[tp.ID]
		if !ok {
			t.Fatalf("unexpected topic %q", tp.ID)
		}
		c := ForTopic(ds, tp, nil, res, st)
		same(t, tp.ID+" rows", rowTexts(c), w.rows)
		if c.Note != w.note || c.ID != tp.ID || c.Title != tp.Chart.Title {
			t.Errorf("%s: id %q, title %q, note %q; want note %q", tp.ID, c.ID, c.Title, c.Note, w.note)
		}
	}
	// A reader's figure loses the article's qualifier, and the note and
	// the marks follow the values in force: Amazon at 250, the estimate at 150.
	a := calc.Assumptions{"capex_2026": decimal.RequireFromString("250"), "capex_2026_estimate": decimal.RequireFromString("150")}
	capex, _ := ds.Topic("capex")
	c := ForTopic(ds, capex, a, calc.Evaluate(ds, a), st)
	if got := rowTexts(c)[0]; got != "Amazon: $250 billion |150 (main)" {
		t.Errorf("capex with the reader's values: %q", got)
	}
	if !strings.Contains(c.Note, "($150 billion)") {
		t.Errorf("capex note with the estimate at 150: %q", c.Note)
	}
}

// A second story's charts come from its data file alone: other ids, other
// units, a mark and a note naming a figure. 9.6 and 8.1 are the text's.
func TestForTopicAnotherStory(t *testing.T) {
	b, err := os.ReadFile("../testdata/story2/dataset.json")
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	res := calc.Evaluate(ds, nil)
	riders, _ := ds.Topic("riders")
	same(t, "riders", rowTexts(ForTopic(ds, riders, nil, res, calc.DefaultStyle)), []string{
		"2024: 380 million",
		"2025: 412 million (main)",
	})
	budget, _ := ds.Topic("budget")
	c := ForTopic(ds, budget, nil, res, calc.Style{Digits: -1, Locale: calc.German})
	same(t, "budget (de)", rowTexts(c), []string{
		"2025: 8,1\u00a0Mrd.\u00a0$",
		"2026: 9,6\u00a0Mrd.\u00a0$ |8.1 (main)",
	})
	if c.Note != "Dashed line: the 2025 budget (8,1\u00a0Mrd.\u00a0$)." {
		t.Errorf("budget note: %q", c.Note)
	}
}
