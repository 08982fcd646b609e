package data

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// seedDir returns the directory holding the articles' seed files: the
// shared/seeds directory beside the repository (../shared/seeds from the
// module root, as CI clones it), or AMZ_SEEDS when that is set. It fails
// the test, never skips it, when the directory is not there.
func seedDir(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("AMZ_SEEDS")
	if dir == "" {
		root, err := filepath.Abs("..") // this package's directory is <module root>/data
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
			t.Fatalf("module root %s has no go.mod: %v", root, err)
		}
		dir = filepath.Join(root, "..", "shared", "seeds")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		t.Fatalf("the articles' seed files are not at %s (clone shared/ beside the repository, or set AMZ_SEEDS): %v", dir, err)
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
