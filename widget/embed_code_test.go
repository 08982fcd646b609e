package widget

import (
	"encoding/json"
	"html/template"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"amzwidget/data"

	"golang.org/x/net/html"
)

// attrs parses snippet as HTML and returns the attributes of its first
// element named tag, decoded as a browser decodes them.
func attrs(t *testing.T, snippet, tag string) map[string]string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(snippet))
	if err != nil {
		t.Fatal(err)
	}
	var find func(n *html.Node) map[string]string
	find = func(n *html.Node) map[string]string {
		if n.Type == html.ElementNode && n.Data == tag {
			m := map[string]string{}
			for _, a := range n.Attr {
				m[a.Key] = a.Val
			}
			return m
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if m := find(c); m != nil {
				return m
			}
		}
		return nil
	}
	m := find(doc)
	if m == nil {
		t.Fatalf("no <%s> in %s", tag, snippet)
	}
	return m
}

var pymCall = regexp.MustCompile(`<script>new pym\.Parent\(("[^"]*"), ("(?:[^"\\]|\\.)*"), \{title: ("(?:[^"\\]|\\.)*")\}\);</script>`)

// readJSString reads a double-quoted JavaScript string literal written as
// html/template writes one (JSON).
func readJSString(t *testing.T, lit string) string {
	t.Helper()
	var s string
	if err := json.Unmarshal([]byte(lit), &s); err != nil {
		t.Fatalf("not a string literal: %s (%v)", lit, err)
	}
	return s
}

// Issue 18, bug 2: each snippet carries the src and the title exactly, as
// an HTML attribute and as a JavaScript string inside <script>.
func TestEmbedSpecEscapesForEachPlace(t *testing.T) {
	for _, s := range []EmbedSpec{
		{Data: data.Default(), Site: "https://w.example", Group: "capex", Query: "capex_2026=250&workforce=300000&theme=dark&transparent=1&controls=open"},
		{Data: data.Default(), Site: "https://w.example/sub", Group: "all", Query: "aws_growth=30&theme=light"},
		{Data: data.Default(), Site: "https://w.example", Group: "growth"},
		{Data: data.Default(), Site: "https://w.example", Group: "workforce", Title: `Tom's "</script><b>" & co`, Height: 321},
		{Data: data.Default(), Site: "", Group: "nope"},
		{Data: data.Default(), Site: "javascript:alert(1)//", Group: "capex", Query: "theme=dark"},
	} {
		src := s.Src()
		title := s.Title
		if title == "" {
			title = embedTitle(s.Data, s.group())
		}
		height := s.Height
		if height == 0 {
			height, _ = EmbedHeight(s.Data, s.group())
		}
		for name, snippet := range map[string]string{"plain": s.Plain(), "script": s.Script()} {
			a := attrs(t, snippet, "iframe")
			if a["src"] != src || a["title"] != title || a["height"] != strconv.Itoa(height) {
				t.Errorf("%s snippet of %+v: iframe src %q title %q height %q, want %q %q %d\n%s", name, s, a["src"], a["title"], a["height"], src, title, height, snippet)
			}
			if _, ok := a["data-amzwidget"]; !ok || a["loading"] != "lazy" {
				t.Errorf("%s snippet of %+v lacks data-amzwidget or loading=lazy: %s", name, s, snippet)
			}
		}
		if got := attrs(t, s.Script(), "script")["src"]; got != s.site()+"/web/embed.js" || (s.site() == "" && s.Site != "") && !strings.HasPrefix(src, "/embed/") {
			t.Errorf("script snippet of %+v loads %q", s, got)
		}
		pym := s.Pym()
		m := pymCall.FindStringSubmatch(pym)
		if m == nil {
			t.Errorf("pym snippet of %+v: no new pym.Parent(id, src, {title}) call:\n%s", s, pym)
			continue
		}
		id, psrc, ptitle := readJSString(t, m[1]), readJSString(t, m[2]), readJSString(t, m[3])
		if id != "amzwidget-"+s.group() || attrs(t, pym, "div")["id"] != id {
			t.Errorf("pym snippet of %+v: container id %q, div %q", s, id, attrs(t, pym, "div")["id"])
		}
		if psrc != src || ptitle != title {
			t.Errorf("pym snippet of %+v: JavaScript reads src %q title %q, want %q %q\n%s", s, psrc, ptitle, src, title, pym)
		}
		if strings.Contains(m[0], "&amp;") || strings.Contains(m[0], "&#") || strings.Count(pym, "</script>") != 2 {
			t.Errorf("pym snippet of %+v has HTML escapes in its script, or ends it early:\n%s", s, pym)
		}
	}
}

// snippetOracle writes the three snippets with html/template, which
// escapes each value for its context. It is the reference the builder is
// held to; the builder does not use html/template only because of what it
// would add to the wasm.
var snippetOracle = template.Must(template.New("").Parse(
	`{{define "plain"}}<iframe src="{{.Src}}" title="{{.Title}}" width="100%" height="{{.Height}}" loading="lazy" scrolling="no" frameborder="0" style="border:0;width:100%{{if .Transparent}};color-scheme:light{{end}}" data-amzwidget></iframe>{{end}}` +
		`{{define "script"}}{{template "plain" .}}` + "\n" + `<script src="{{.Site}}/web/embed.js" async></script>{{end}}` +
		`{{define "pym"}}<div id="{{.ID}}"{{if .Transparent}} style="color-scheme:light"{{end}}></div>` + "\n" +
		`<script src="https://pym.nprapps.org/pym.v1.min.js"></script>` + "\n" +
		`<script>new pym.Parent({{.ID}}, {{.Src}}, {title: {{.Title}}});</script>{{end}}`))

// The snippets are exactly what html/template writes, for every page, with
// and without parameters, on a site with a path prefix, and with a title
// that needs escaping in both places.
func TestEmbedSpecMatchesHTMLTemplate(t *testing.T) {
	var specs []EmbedSpec
	for _, g := range []string{"workforce", "capex", "growth", "all"} {
		for _, q := range []string{"", "theme=dark", "capex_2026=250&workforce=300000&theme=dark&transparent=1&controls=open"} {
			specs = append(specs, EmbedSpec{Data: data.Default(), Site: "https://w.example", Group: g, Query: q})
		}
	}
	specs = append(specs,
		EmbedSpec{Data: data.Default(), Site: "http://127.0.0.1:8000/sub/path", Group: "growth", Query: "aws_growth=-10"},
		EmbedSpec{Data: data.Default(), Site: "https://w.example", Group: "all", Title: `Tom's "</script><!--" & co`, Height: 321},
	)
	for _, s := range specs {
		d := struct {
			Site, Src, Title, ID string
			Height               int
			// A transparent frame states the light colour scheme.
			Transparent bool
		}{s.site(), s.Src(), s.title(), "amzwidget-" + s.group(), s.height(), strings.Contains("&"+s.Query+"&", "&transparent=1&")}
		for name, got := range map[string]string{"plain": s.Plain(), "script": s.Script(), "pym": s.Pym()} {
			var want strings.Builder
			if err := snippetOracle.ExecuteTemplate(&want, name, d); err != nil {
				t.Fatal(err)
			}
			if got != want.String() {
				t.Errorf("%s snippet of %+v:\n got %s\nwant %s", name, s, got, want.String())
			}
		}
	}
}

// The default heights are the topics' embed_height in data/dataset.json
// (516, 659, 618) and, for the page with every topic, their sum.
func TestEmbedHeight(t *testing.T) {
	ds := data.Default()
	for id, want := range map[string]int{"workforce": 516, "capex": 659, "growth": 618, "all": 516 + 659 + 618} {
		if got, ok := EmbedHeight(ds, id); !ok || got != want {
			t.Errorf("EmbedHeight(%q) = %d, %v; want %d", id, got, ok, want)
		}
	}
	for _, id := range []string{"", "nope", "All"} {
		if _, ok := EmbedHeight(ds, id); ok {
			t.Errorf("EmbedHeight(%q) is ok", id)
		}
	}
}
