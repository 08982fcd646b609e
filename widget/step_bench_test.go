package widget

import (
	"net/url"
	"testing"

	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// BenchmarkSliderStep is the work of one slider step on /embed/capex,
// outside go-app's DOM update: the value set, every comparison
// recomputed, the topic's key, and the story drawn (to HTML, since the
// host has no DOM). It finds what a step costs in our code; make bench
// measures what the reader gets.
func BenchmarkSliderStep(b *testing.B) {
	ds := data.Default()
	t, _ := ds.Topic("capex")
	bd := &Board{Data: ds, Story: true, Group: "capex"}
	bd.load(&url.URL{Path: "/embed/capex"})
	values := []string{"180", "181.5", "205", "199.25"}
	i := 0
	for b.Loop() {
		v := values[i%len(values)]
		i++
		if err := bd.sc.Set("capex_2026", v); err != nil {
			b.Fatal(err)
		}
		bd.drafts["capex_2026"] = draft{text: v}
		bd.res = bd.sc.Evaluate()
		_ = bd.summary("")
		_ = app.HTMLString(bd.topicView(t, true, 1))
	}
}
