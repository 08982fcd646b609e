package widget

import (
	"os"
	"strings"
	"testing"

	"amzwidget/data"
	"amzwidget/scenario"
)

// A story from one article says "the article's figures" in its link
// previews, one from several "the articles'" (found by following the
// README with a third story, issue 14).
func TestShareTextCountsTheArticles(t *testing.T) {
	for _, tc := range []struct {
		file, want, not string
	}{
		{"../data/dataset.json", "The articles’ figures:", "The article’s figures"},
		{"../testdata/story2/dataset.json", "The article’s figures:", "The articles’ figures"},
		{"../testdata/story3/dataset.json", "The article’s figures:", "The articles’ figures"},
	} {
		b, err := os.ReadFile(tc.file)
		if err != nil {
			t.Fatal(err)
		}
		ds, err := data.Load(b)
		if err != nil {
			t.Fatal(err)
		}
		_, desc := ShareText(ds.Topics, scenario.New(ds))
		if !strings.Contains(desc, tc.want) || strings.Contains(desc, tc.not) {
			t.Errorf("%s: the description %q, want %q", tc.file, desc, tc.want)
		}
	}
}
