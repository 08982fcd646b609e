package main

import (
	"encoding/json"
	"net/url"
	"testing"

	"amzwidget/data"
	"amzwidget/widget"
)

// The oEmbed answer's iframe is the generator's plain snippet for the same
// page and assumptions, from the one builder (issue 18, bug 2): every
// parameter and the title survive the escaping.
func TestOEmbedUsesTheSnippetBuilder(t *testing.T) {
	srv := server(t)
	for _, tc := range []struct{ page, group, query, title string }{
		{"/embed/capex?workforce=300000&capex_2026=250", "capex", "workforce=300000&capex_2026=250", "Capital spending in 2026"},
		{"/?aws_growth=30&workforce=300000", "all", "workforce=300000&aws_growth=30", "Amazon's AI bet, by the numbers"},
		{"/embed/growth", "growth", "", "Cloud growth and AWS’s fourth quarter"},
	} {
		res, body := get(t, "/oembed?format=json&url="+url.QueryEscape(srv.URL+tc.page))
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", tc.page, res.StatusCode, body)
		}
		var o struct {
			HTML, Title string
			Height      int
		}
		if err := json.Unmarshal([]byte(body), &o); err != nil {
			t.Fatal(err)
		}
		// tc.query is the scenario's own encoding (its parameters' order).
		spec := widget.EmbedSpec{Data: data.Default(), Site: srv.URL, Group: tc.group, Query: tc.query, Title: o.Title, Height: o.Height}
		if o.HTML != spec.Plain() {
			t.Errorf("%s: oEmbed html\n%s\nis not the plain snippet\n%s", tc.page, o.HTML, spec.Plain())
		}
		if o.Title != tc.title {
			t.Errorf("%s: title %q, want %q", tc.page, o.Title, tc.title)
		}
	}
}
