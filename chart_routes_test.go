package main

import (
	"bytes"
	"encoding/xml"
	"image"
	"image/png"
	"io"
	"net/http"
	"strings"
	"testing"

	"amzwidget/internal/seeds"

	"github.com/shopspring/decimal"
)

// svgDoc is what the tests read of a chart SVG: its size, its texts in
// order, and its rectangles.
type svgDoc struct {
	Width, Height string
	Texts         []string
	Rects         []svgRect
}

type svgRect struct{ X, Y, Width, Height, Fill string }

// parseSVG reads an SVG with encoding/xml, failing on anything that is not
// well-formed XML.
func parseSVG(t *testing.T, body string) svgDoc {
	t.Helper()
	dec := xml.NewDecoder(strings.NewReader(body))
	var doc svgDoc
	var inText bool
	var text strings.Builder
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch e := tok.(type) {
		case xml.StartElement:
			attr := map[string]string{}
			for _, a := range e.Attr {
				attr[a.Name.Local] = a.Value
			}
			switch e.Name.Local {
			case "svg":
				if e.Name.Space != "http://www.w3.org/2000/svg" {
					t.Errorf("svg namespace %q", e.Name.Space)
				}
				doc.Width, doc.Height = attr["width"], attr["height"]
			case "rect":
				doc.Rects = append(doc.Rects, svgRect{attr["x"], attr["y"], attr["width"], attr["height"], attr["fill"]})
			case "text":
				inText = true
				text.Reset()
			}
		case xml.CharData:
			if inText {
				text.Write(e)
			}
		case xml.EndElement:
			if e.Name.Local == "text" {
				inText = false
				doc.Texts = append(doc.Texts, text.String())
			}
		}
	}
	return doc
}

// widthOf is the width of the first rect whose fill is fill and whose
// width is not the whole card's.
func (d svgDoc) widthsOf(fill string) []string {
	var out []string
	for _, r := range d.Rects {
		if r.Fill == fill && r.X != "" {
			out = append(out, r.Width)
		}
	}
	return out
}

func getImage(t *testing.T, path string) (*http.Response, []byte) {
	t.Helper()
	res, body := get(t, path)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("GET %s: %d %s", path, res.StatusCode, body)
	}
	return res, []byte(body)
}

// nbsp folds the no-break spaces the texts keep numbers together with.
var nbsp = strings.NewReplacer("\u00a0", " ", "\u202f", " ")

func TestChartSVG(t *testing.T) {
	res, body := getImage(t, "/chart/capex.svg")
	if ct := res.Header.Get("Content-Type"); ct != "image/svg+xml; charset=utf-8" {
		t.Errorf("Content-Type %q", ct)
	}
	def := parseSVG(t, string(body))
	if def.Width != "1200" || def.Height != "630" {
		t.Errorf("size %s × %s, want 1200 × 630", def.Width, def.Height)
	}
	all := nbsp.Replace(strings.Join(def.Texts, " "))
	for _, want := range []string{
		"Capital spending in 2026",
		// The article's own figure keeps its qualifier.
		"approximately $200 billion",
		"Sources: an unnamed website; ESG University.",
		"/embed/capex",
	} {
		if !strings.Contains(all, want) {
			t.Errorf("the default SVG lacks %q; texts:\n%s", want, all)
		}
	}
	// The scale runs to the largest value, Amazon's $200 billion: its
	// bar (the accent fill) is the whole inner width, 1200 − 2 × 56.
	if w := def.widthsOf("#0f5c5c"); len(w) != 1 || w[0] != "1088" {
		t.Errorf("Amazon's bar widths %v, want [1088]", w)
	}

	_, body = getImage(t, "/chart/capex.svg?capex_2026=150")
	mine := parseSVG(t, string(body))
	all = nbsp.Replace(strings.Join(mine.Texts, " "))
	if !strings.Contains(all, "$150 billion") || strings.Contains(all, "approximately $150") {
		t.Errorf("the reader's $150 billion should be shown without the article's qualifier; texts:\n%s", all)
	}
	// Now the scale runs to Alphabet's high end, $185 billion: Amazon's
	// bar is 150/185 of the width in thousandths, rounded to two places,
	// then times 1088/1000, rounded to two places.
	units := decimal.NewFromInt(150).Mul(decimal.NewFromInt(1000)).DivRound(decimal.NewFromInt(185), 2) // 810.81
	want := units.Mul(decimal.NewFromInt(1088)).Div(decimal.NewFromInt(1000)).Round(2)                  // 882.16
	if w := mine.widthsOf("#0f5c5c"); len(w) != 1 || w[0] != want.String() {
		t.Errorf("Amazon's bar widths %v, want [%s]", w, want)
	}
	// The image says what the answer rests on: the reader's value beside
	// the article's, with its qualifier.
	if !strings.Contains(all, "Assumed: Amazon capital expenditure, 2026 forecast $150 billion (article: approximately $200 billion).") {
		t.Errorf("the reader's value should be named beside the article's; texts:\n%s", all)
	}
	_, body = getImage(t, "/chart/workforce.svg")
	if wfd := nbsp.Replace(strings.Join(parseSVG(t, string(body)).Texts, " ")); !strings.Contains(wfd, "Amazon corporate workforce: around 350,000, as the article gives it.") {
		t.Errorf("the article's workforce should keep its qualifier; texts:\n%s", wfd)
	}
	// Headline: $150 billion against the analysts' $148.86 billion.
	if !strings.Contains(all, "$1.14 billion above the analysts’ estimate") {
		t.Errorf("the headline should say $1.14 billion above; texts:\n%s", all)
	}

	// Every parameter: lang, digits, theme.
	_, body = getImage(t, "/chart/workforce.svg?lang=de&digits=1&theme=dark")
	wf := parseSVG(t, string(body))
	all = nbsp.Replace(strings.Join(wf.Texts, " "))
	// 30,000 of 350,000 is 8.5714…%: one place, a decimal comma.
	if !strings.Contains(all, "cut ≈ 8,6 % of Amazon’s") {
		t.Errorf("lang=de&digits=1 should write ≈ 8,6 %%; texts:\n%s", all)
	}
	if !strings.Contains(string(body), `fill="#0d1117"`) {
		t.Error("theme=dark should draw on the dark background")
	}
}

func decodePNG(t *testing.T, b []byte) *image.RGBA {
	t.Helper()
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("not a PNG: %v", err)
	}
	rgba := image.NewRGBA(img.Bounds())
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y; y++ {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x++ {
			rgba.Set(x, y, img.At(x, y))
		}
	}
	return rgba
}

func TestChartPNG(t *testing.T) {
	res, def := getImage(t, "/chart/workforce.png")
	if ct := res.Header.Get("Content-Type"); ct != "image/png" {
		t.Errorf("Content-Type %q", ct)
	}
	if enc := res.Header.Get("Content-Encoding"); enc != "" {
		t.Errorf("a PNG is sent as it is, not %s", enc)
	}
	a := decodePNG(t, def)
	if b := a.Bounds(); b.Dx() < 1200 || b.Dy() < 630 {
		t.Fatalf("size %v, want at least 1200 × 630", b.Size())
	}
	_, mine := getImage(t, "/chart/workforce.png?workforce=300000")
	b := decodePNG(t, mine)
	if bytes.Equal(a.Pix, b.Pix) {
		t.Error("two scenarios gave the same picture")
	}
	// Malformed or huge values are refused, and the article's figures
	// drawn: the very picture of the default.
	for _, q := range []string{
		"workforce=abc", "workforce=-5", "workforce=1e999999", "workforce=" + strings.Repeat("9", 5000),
		"digits=99&theme=%3Cscript%3E", "workforce=350000.5",
	} {
		_, got := getImage(t, "/chart/workforce.png?"+q)
		if !bytes.Equal(decodePNG(t, got).Pix, a.Pix) {
			t.Errorf("?%s: want the article's picture", q)
		}
	}
	// A value valid but far outside the slider is drawn, not refused.
	_, got := getImage(t, "/chart/workforce.png?workforce=1")
	if bytes.Equal(decodePNG(t, got).Pix, a.Pix) {
		t.Error("workforce=1 drew the article's picture")
	}
	for _, p := range []string{"/chart/nope.png", "/chart/workforce.gif", "/chart/workforce", "/chart/"} {
		if res, _ := get(t, p); res.StatusCode != http.StatusNotFound {
			t.Errorf("GET %s: %d, want 404", p, res.StatusCode)
		}
	}
}

func TestChartImagesCached(t *testing.T) {
	server(t)
	count := func(path string) int64 {
		before := chartRenders.Load()
		getImage(t, path)
		return chartRenders.Load() - before
	}
	// A canonical URL is drawn once; the same URL again comes from the cache.
	q := "/chart/growth.png?aws_growth=30&theme=dark"
	count(q)
	if n := count(q); n != 0 {
		t.Errorf("a cached image was drawn again (%d renders)", n)
	}
	// A query that is not canonical is drawn for each request.
	if n := count("/chart/growth.png?theme=dark&aws_growth=30"); n != 1 {
		t.Errorf("a non-canonical query: %d renders, want 1", n)
	}
}

// TestNoInventedProvenanceInImages: the share images say no more than the
// pages: every date-like or quoted string in their texts (titles, answers,
// rows, notes, source line) is word for word in a seed file.
func TestNoInventedProvenanceInImages(t *testing.T) {
	texts, err := seeds.Text()
	if err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, s := range texts {
		all = append(all, seeds.Fold(s))
	}
	p := &provenance{t: t, seeds: strings.Join(all, "\n")}
	for _, path := range []string{"/chart/workforce.svg", "/chart/capex.svg", "/chart/growth.svg", "/chart/capex.svg?lang=fr&digits=3"} {
		_, body := getImage(t, path)
		doc := parseSVG(t, string(body))
		for _, s := range doc.Texts {
			p.text(path, s)
		}
	}
	if p.n == 0 {
		t.Error("no date or quote checked: the images' row names hold dates (October 2025)")
	}
}
