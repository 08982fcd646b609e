package main

import (
	"net/url"
	"strconv"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// headMeta parses a page and returns its head's meta tags, by property
// or name; a tag given twice or an inline script in the head fails the
// test.
func headMeta(t *testing.T, page string) map[string]string {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	meta := map[string]string{}
	var walk func(n *html.Node, inHead bool)
	walk = func(n *html.Node, inHead bool) {
		if n.Type == html.ElementNode && n.Data == "head" {
			inHead = true
		}
		if inHead && n.Type == html.ElementNode && n.Data == "meta" {
			key := attr(n, "property")
			if key == "" {
				key = attr(n, "name")
			}
			if _, dup := meta[key]; dup && key != "" {
				t.Errorf("meta %q twice", key)
			}
			meta[key] = attr(n, "content")
		}
		if inHead && n.Type == html.ElementNode && n.Data == "script" && attr(n, "src") == "" {
			t.Errorf("an inline script in the head: %q", n.FirstChild.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c, inHead)
		}
	}
	walk(doc, false)
	return meta
}

func TestShareMeta(t *testing.T) {
	base := server(t).URL
	for _, c := range []struct {
		path, query, lead string
		title             string // the lead topic's answer, computed by hand
		desc              []string
	}{
		// (14,000 + 16,000) / 300,000 = 10 %.
		{"/", "workforce=300000", "workforce",
			"The two rounds of layoffs cut 10% of Amazon’s corporate workforce.",
			[]string{"Amazon corporate workforce 300,000", "spending is $51.14 billion above"}},
		{"/embed/workforce", "workforce=300000&theme=dark", "workforce",
			"The two rounds of layoffs cut 10% of Amazon’s corporate workforce.",
			[]string{"What share of Amazon’s corporate workforce", "300,000"}},
		// 250 − 148.86 = 101.14.
		{"/embed/capex", "capex_2026=250", "capex",
			"Amazon’s planned 2026 capital spending is $101.14 billion above the analysts’ estimate.",
			[]string{"$250 billion"}},
		// 30 − 39 = −9: behind, by 9 pp.
		{"/embed/growth", "aws_growth=30&lang=de", "growth",
			"AWS’s Q4 2025 growth was 9 pp behind Microsoft Azure’s in its latest quarter.",
			[]string{"30 %"}},
		// 30,000 / 350,000 = 8.571…%, to one place.
		{"/embed/all", "digits=1", "workforce",
			"The two rounds of layoffs cut ≈ 8.6% of Amazon’s corporate workforce.",
			[]string{"The articles’ figures"}},
	} {
		_, page := get(t, c.path+"?"+c.query)
		m := headMeta(t, page)
		if got := nbsp.Replace(m["og:title"]); got != c.title {
			t.Errorf("%s?%s: og:title %q, want %q", c.path, c.query, got, c.title)
		}
		for _, want := range c.desc {
			if got := nbsp.Replace(m["og:description"]); !strings.Contains(got, want) {
				t.Errorf("%s?%s: og:description %q lacks %q", c.path, c.query, got, want)
			}
		}
		if want := base + "/chart/" + c.lead + ".png?" + c.query; m["og:image"] != want {
			t.Errorf("%s?%s: og:image %q, want %q", c.path, c.query, m["og:image"], want)
		}
		if want := base + c.path + "?" + c.query; m["og:url"] != want {
			t.Errorf("%s?%s: og:url %q, want %q", c.path, c.query, m["og:url"], want)
		}
		// The size the card is laid out at, as the PNG says it.
		if m["og:image:width"] != "1200" || m["og:image:height"] != "630" || m["og:image:type"] != "image/png" {
			t.Errorf("%s: og:image:width %q height %q type %q, want 1200, 630, image/png", c.path, m["og:image:width"], m["og:image:height"], m["og:image:type"])
		}
		if m["twitter:card"] != "summary_large_image" {
			t.Errorf("%s: twitter:card %q", c.path, m["twitter:card"])
		}
		if !strings.Contains(m["og:image:alt"], c.title[:20]) {
			t.Errorf("%s: og:image:alt %q", c.path, m["og:image:alt"])
		}
		// The image the page names is there.
		u, err := url.Parse(m["og:image"])
		if err != nil {
			t.Fatal(err)
		}
		res, img := get(t, u.RequestURI())
		if res.StatusCode != 200 || res.Header.Get("Content-Type") != "image/png" {
			t.Fatalf("%s: og:image answers %d %s", c.path, res.StatusCode, res.Header.Get("Content-Type"))
		}
		if b := decodePNG(t, []byte(img)).Bounds(); strconv.Itoa(b.Dx()) != m["og:image:width"] || strconv.Itoa(b.Dy()) != m["og:image:height"] {
			t.Errorf("%s: the PNG is %v, the tags say %s × %s", c.path, b.Size(), m["og:image:width"], m["og:image:height"])
		}
	}

	// Hostile query text is never copied: refused values and unknown
	// parameters leave the article's values and the bare page URL.
	_, page := get(t, "/embed/workforce?workforce=%22%3E%3Cscript%3Ealert(1)%3C/script%3E&x=%22%3E%3Cb%3E")
	m := headMeta(t, page)
	for k, v := range m {
		if strings.ContainsAny(v, "<>") || strings.Contains(v, "alert") {
			t.Errorf("%s carries query text: %q", k, v)
		}
	}
	if m["og:image"] != base+"/chart/workforce.png" || m["og:url"] != base+"/embed/workforce" {
		t.Errorf("og:image %q og:url %q, want the article's", m["og:image"], m["og:url"])
	}
	if got := nbsp.Replace(m["og:title"]); got != "The two rounds of layoffs cut ≈ 8.57% of Amazon’s corporate workforce." {
		t.Errorf("og:title %q, want the article's answer", got)
	}
}
