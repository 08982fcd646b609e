package widget

import (
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"golang.org/x/net/html"
)

// corrected is the shipped dataset as a second release would ship it: the
// analysts' estimate corrected from 146.60 (release one) to 148.86.
func corrected(t *testing.T) *data.Dataset {
	t.Helper()
	b, err := os.ReadFile("../data/dataset.json")
	if err != nil {
		t.Fatal(err)
	}
	var doc map[string]any
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	doc["corrections"] = []any{map[string]any{"figure": "capex_2026_estimate", "was": "146.60", "on": "2026-11-01"}}
	b, _ = json.Marshal(doc)
	ds, err := data.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	return ds
}

// The pages that show a corrected figure say what it was and when it
// changed, in the page's language; the others say nothing.
func TestCorrectionsNote(t *testing.T) {
	ds := corrected(t)
	byTopic := func(topic string) []data.Comparison {
		var cs []data.Comparison
		for _, c := range ds.Comparisons {
			if c.Group == topic {
				cs = append(cs, c)
			}
		}
		return cs
	}
	label := "Analysts’ estimate of Amazon’s 2026 capital expenditure"
	for _, tt := range []struct {
		locale calc.Locale
		text   string // the whole paragraph, as a reader reads it
	}{
		{calc.English, "Corrected on 1\u00a0November 2026: " + label + " was $146.6 billion; it is now $148.86 billion."},
		{calc.German, "Corrected on 1.\u00a0November 2026: " + label + " was 146,6\u00a0Mrd.\u00a0$; it is now 148,86\u00a0Mrd.\u00a0$."},
		{calc.French, "Corrected on 1er\u00a0novembre 2026: " + label + " was 146,6\u00a0Md\u00a0$; it is now 148,86\u00a0Md\u00a0$."},
	} {
		st := calc.Style{Digits: 0, Locale: tt.locale} // the reader's digits do not round a correction
		lines := corrections(ds, byTopic("capex"), st)
		if len(lines) != 1 {
			t.Fatalf("%s: %d corrections on the capex page, want 1", tt.locale.Tag, len(lines))
		}
		doc, err := html.Parse(strings.NewReader(app.HTMLString(&CorrectionsNote{Lines: lines})))
		if err != nil {
			t.Fatal(err)
		}
		var text strings.Builder
		var datetime string
		var walk func(n *html.Node)
		walk = func(n *html.Node) {
			if n.Type == html.TextNode {
				text.WriteString(n.Data)
			}
			if n.Type == html.ElementNode && n.Data == "time" {
				for _, a := range n.Attr {
					if a.Key == "datetime" {
						datetime = a.Val
					}
				}
			}
			for c := n.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		// HTMLString indents: drop its line breaks and indentation, keep
		// the no-break spaces.
		if got := indent.ReplaceAllString(text.String(), ""); got != tt.text {
			t.Errorf("%s: the note reads\n%q, want\n%q", tt.locale.Tag, got, tt.text)
		}
		if datetime != "2026-11-01" {
			t.Errorf("%s: <time datetime=%q>", tt.locale.Tag, datetime)
		}
	}
	for _, topic := range []string{"workforce", "growth"} {
		if got := corrections(ds, byTopic(topic), calc.DefaultStyle); len(got) != 0 {
			t.Errorf("the %s page shows corrections of figures it does not use: %+v", topic, got)
		}
	}
	if got := corrections(data.Default(), ds.Comparisons, calc.DefaultStyle); len(got) != 0 {
		t.Errorf("the shipped dataset corrects nothing, yet: %+v", got)
	}
}

var indent = regexp.MustCompile(`\n *`)

// Days in the three languages, including the French first of the month.
func TestDayIn(t *testing.T) {
	for _, tt := range []struct{ day, lang, want string }{
		{"2026-11-23", "en", "23\u00a0November 2026"},
		{"2026-03-01", "de", "1.\u00a0März 2026"},
		{"2026-08-01", "fr", "1er\u00a0août 2026"},
		{"2026-08-02", "fr", "2\u00a0août 2026"},
		{"2026-12-31", "xx", "31\u00a0December 2026"},
	} {
		d, _ := time.Parse(time.DateOnly, tt.day)
		if got := dayIn(d, tt.lang); got != tt.want {
			t.Errorf("dayIn(%s, %s) = %q, want %q", tt.day, tt.lang, got, tt.want)
		}
	}
}
