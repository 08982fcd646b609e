package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amzwidget/internal/seeds"
)

// seedDir returns the directory holding the articles' seed files (see
// internal/seeds). It fails the test, never skips it, when the directory
// is not there.
func seedDir(t *testing.T) string {
	t.Helper()
	dir, err := seeds.Dir()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// excerpt returns the words quoted in a source's where: the text between
// the curly quotes after " — ".
func excerpt(where string) (string, bool) {
	_, quote, ok := strings.Cut(where, " — ")
	if !ok {
		return "", false
	}
	inner, ok := strings.CutPrefix(quote, "“")
	if ok {
		inner, ok = strings.CutSuffix(inner, "”")
	}
	return inner, ok && inner != ""
}

// TestExcerptsInSeeds checks that every figure's and claim's quoted words
// appear word for word in the seed file of the article it names, and that
// the hedge word of a figure or claim is among those words.
func TestExcerptsInSeeds(t *testing.T) {
	dir := seedDir(t)
	ds := parseShipped(t)
	text := map[string]string{}
	for _, a := range ds.Articles {
		b, err := os.ReadFile(filepath.Join(dir, a.File))
		if err != nil {
			t.Fatalf("article %s: %v", a.ID, err)
		}
		text[a.ID] = string(b)
	}
	check := func(what string, src Source, hedge string) {
		t.Helper()
		ex, ok := excerpt(src.Where)
		if !ok {
			t.Errorf("%s: where %q quotes no words", what, src.Where)
			return
		}
		if !strings.Contains(text[src.Article], ex) {
			t.Errorf("%s: “%s” is not word for word in %s", what, ex, src.Article)
		}
		if hedge != "" && !strings.Contains(ex, hedge) {
			t.Errorf("%s: hedge %q is not in its excerpt “%s”", what, hedge, ex)
		}
	}
	n := 0
	for _, f := range ds.Figures {
		check("figure "+f.ID, f.Source, f.Hedge)
		n++
	}
	for _, c := range ds.Claims {
		check("claim "+c.ID, c.Source, c.Hedge)
		if !strings.Contains(text[c.Source.Article], c.Quote) {
			t.Errorf("claim %s: quote “%s” is not word for word in %s", c.ID, c.Quote, c.Source.Article)
		}
		n++
	}
	if n < 40 {
		t.Errorf("checked only %d excerpts", n)
	}
}

// TestArticlesAsTheSeedsGiveThem: an article's title and date, when the
// dataset gives one, are word for word in its seed file (neither seed has
// a headline or a date, so neither article may carry one), and the names
// its description gives — author, publisher — are the text's own.
func TestArticlesAsTheSeedsGiveThem(t *testing.T) {
	dir := seedDir(t)
	ds := parseShipped(t)
	names := map[string][]string{ // written out by hand from the seeds
		"aws_q4":     nil, // no author, no publisher named
		"layoffs_ai": {"Kai Emerson", "ESG University"},
	}
	for _, a := range ds.Articles {
		b, err := os.ReadFile(filepath.Join(dir, a.File))
		if err != nil {
			t.Fatalf("article %s: %v", a.ID, err)
		}
		text := string(b)
		for what, s := range map[string]string{"title": a.Title, "date": a.Date} {
			if s != "" && !strings.Contains(text, s) {
				t.Errorf("article %s: %s %q is not in %s", a.ID, what, s, a.File)
			}
		}
		want, ok := names[a.ID]
		if !ok {
			t.Errorf("article %s: no names written out for it here", a.ID)
		}
		for _, n := range want {
			if !strings.Contains(text, n) || !strings.Contains(a.About, n) {
				t.Errorf("article %s: %q should be in both its seed and its description %q", a.ID, n, a.About)
			}
		}
		if a.Short != "an unnamed website" && !strings.Contains(text, a.Short) {
			t.Errorf("article %s: short name %q is not in %s", a.ID, a.Short, a.File)
		}
	}
}
