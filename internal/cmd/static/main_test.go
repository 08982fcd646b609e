package main

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amzwidget/data"

	"golang.org/x/net/html"
)

// metaOf parses a page and returns its meta tags by property or name.
func metaOf(t *testing.T, page []byte) map[string]string {
	t.Helper()
	doc, err := html.Parse(bytes.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "meta" {
			var key, content string
			for _, a := range n.Attr {
				switch a.Key {
				case "property", "name":
					key = a.Val
				case "content":
					content = a.Val
				}
			}
			m[key] = content
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return m
}

// TestStaticShareImages: the export writes each topic's image with the
// article's figures, and with -public-url every page's preview names its
// lead topic's PNG by an absolute URL under it.
func TestStaticShareImages(t *testing.T) {
	web, err := filepath.Abs("../../../web")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(web, "app.wasm")); err != nil {
		t.Fatalf("run make build first: %v", err)
	}
	out := t.TempDir()
	if err := run(data.Default(), out, web, "/w/", "https://news.example/w/"); err != nil {
		t.Fatal(err)
	}
	for _, id := range []string{"workforce", "capex", "growth"} {
		b, err := os.ReadFile(filepath.Join(out, "chart", id+".png"))
		if err != nil {
			t.Fatal(err)
		}
		img, err := png.Decode(bytes.NewReader(b))
		if err != nil || img.Bounds().Dx() != 1200 || img.Bounds().Dy() < 630 {
			t.Errorf("%s.png: %v %v", id, err, img)
		}
		svg, err := os.ReadFile(filepath.Join(out, "chart", id+".svg"))
		if err != nil || !bytes.Contains(svg, []byte("news.example/w/embed/"+id)) {
			t.Errorf("%s.svg: %v; the address should be news.example/w/embed/%s", id, err, id)
		}
	}
	for file, lead := range map[string]string{"index.html": "workforce", "embed/capex/index.html": "capex", "embed/all/index.html": "workforce"} {
		page, err := os.ReadFile(filepath.Join(out, file))
		if err != nil {
			t.Fatal(err)
		}
		m := metaOf(t, page)
		if want := "https://news.example/w/chart/" + lead + ".png"; m["og:image"] != want {
			t.Errorf("%s: og:image %q, want %q", file, m["og:image"], want)
		}
		if want := "https://news.example/w/" + strings.TrimSuffix(strings.TrimSuffix(file, "index.html"), "/"); m["og:url"] != want {
			t.Errorf("%s: og:url %q, want %q", file, m["og:url"], want)
		}
		if m["twitter:card"] != "summary_large_image" {
			t.Errorf("%s: twitter:card %q", file, m["twitter:card"])
		}
	}
	// 30,000 of 350,000: ≈ 8.57 %.
	page, _ := os.ReadFile(filepath.Join(out, "index.html"))
	if got := metaOf(t, page)["og:title"]; got != "The two rounds of layoffs cut ≈\u00a08.57% of Amazon’s corporate workforce." {
		t.Errorf("og:title %q", got)
	}
	if err := run(data.Default(), t.TempDir(), web, "/", "javascript:alert(1)"); err == nil {
		t.Error("-public-url javascript: was accepted")
	}
}
