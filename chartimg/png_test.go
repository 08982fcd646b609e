package chartimg_test

import (
	"bytes"
	"errors"
	"image/png"
	"net/url"
	"strings"
	"testing"

	"amzwidget/chart"
	"amzwidget/chartimg"
	"amzwidget/data"
	"amzwidget/scenario"
	"amzwidget/widget"
)

// cards are every topic's card under scenarios that stretch its texts.
func cards(t testing.TB) map[string]chart.Drawing {
	ds := data.Default()
	out := map[string]chart.Drawing{}
	for _, q := range []string{"", "digits=6&exact=1", "lang=fr&digits=6", "lang=de", "workforce=1&aws_growth=-1234.5678", "capex_2026=0.01&digits=6", "capex_2026=99999999999999999999999999&workforce=100&exact=1"} {
		v, err := url.ParseQuery(q)
		if err != nil {
			t.Fatal(err)
		}
		sc, probs := scenario.Decode(ds, v)
		if len(probs) > 0 {
			t.Fatalf("%s: %v", q, probs)
		}
		for _, tp := range ds.Topics {
			out[tp.ID+"?"+q] = widget.ShareCard(tp, sc, "widgets.example/embed/"+tp.ID).Layout()
		}
	}
	// Long texts, wrapped: digits (the widest characters of Go Regular)
	// and words; the real cards' texts are short enough never to wrap.
	long := strings.Repeat("Amazon’s 2026 spending 8,888,888,888.888888 billion WWW above ", 5)
	c := widget.ShareCard(ds.Topics[1], scenario.New(ds), "widgets.example/embed/capex")
	c.Title, c.Sentence, c.Number, c.Sources = long, long, "$8,888,888,888.888888 billion", long
	c.Chart.Note = long
	out["long"] = c.Layout()
	return out
}

// TestCardTextFits sets every text of every card in the real font and
// checks that it stays inside the margins, and that a row's name and its
// value do not run into each other: the layout's width estimate
// (chart.TextWidth) must not be below the font's.
func TestCardTextFits(t *testing.T) {
	const left, right = 56, 1200 - 56
	for name, d := range cards(t) {
		if d.Width != chart.CardWidth || d.Height < chart.CardHeight {
			t.Errorf("%s: %d × %d", name, d.Width, d.Height)
		}
		starts := map[string]float64{} // the end of each line's left text, by baseline
		for _, s := range d.Shapes {
			if s.Kind != chart.Text || s.End {
				continue
			}
			w, err := chartimg.Measure(s.Text, s.Size, s.Bold)
			if err != nil {
				t.Fatal(err)
			}
			x := s.X.InexactFloat64()
			if x < left || x+w > right {
				t.Errorf("%s: %q runs from %.1f to %.1f, outside %d–%d", name, s.Text, x, x+w, left, right)
			}
			starts[s.Y.String()] = x + w
		}
		for _, s := range d.Shapes {
			if s.Kind != chart.Text || !s.End {
				continue
			}
			w, err := chartimg.Measure(s.Text, s.Size, s.Bold)
			if err != nil {
				t.Fatal(err)
			}
			x := s.X.InexactFloat64() - w
			if end, ok := starts[s.Y.String()]; ok && end+12 > x {
				t.Errorf("%s: %q (from %.1f) runs into the text before it (to %.1f)", name, s.Text, x, end)
			}
			if x < left {
				t.Errorf("%s: %q starts at %.1f", name, s.Text, x)
			}
		}
	}
}

func TestPNGDecodes(t *testing.T) {
	d := cards(t)["workforce?"]
	b, err := chartimg.PNG(d)
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	if img.Bounds().Dx() != 1200 || img.Bounds().Dy() != 630 {
		t.Errorf("size %v", img.Bounds())
	}
	// The background is the light theme's white, the top left corner.
	if r, g, bl, a := img.At(0, 0).RGBA(); r>>8 != 0xff || g>>8 != 0xff || bl>>8 != 0xff || a>>8 != 0xff {
		t.Errorf("corner %x %x %x %x, want white", r>>8, g>>8, bl>>8, a>>8)
	}
	if _, err := chartimg.PNG(chart.Drawing{Width: 2, Height: 2, Background: "red"}); err == nil {
		t.Error("a colour that is not #rrggbb was accepted")
	}
}

// BenchmarkChartPNG draws the dashboard's lead topic's card for
// /?workforce=300000 and encodes it: the work of one uncached
// /chart/workforce.png?workforce=300000.
func BenchmarkChartPNG(b *testing.B) {
	ds := data.Default()
	sc, _ := scenario.Decode(ds, url.Values{"workforce": {"300000"}})
	tp := ds.Topics[0]
	var n int
	for b.Loop() {
		out, err := chartimg.PNG(widget.ShareCard(tp, sc, "widgets.example/embed/"+tp.ID).Layout())
		if err != nil {
			b.Fatal(err)
		}
		n = len(out)
	}
	b.ReportMetric(float64(n), "bytes")
}

// TestPNGConcurrent draws from many goroutines at once, as the server
// does (run it with -race): the fonts are shared, the faces are not, and
// every picture is the same.
func TestPNGConcurrent(t *testing.T) {
	d := cards(t)["growth?"]
	want, err := chartimg.PNG(d)
	if err != nil {
		t.Fatal(err)
	}
	errs := make(chan error, 8)
	for range 8 {
		go func() {
			got, err := chartimg.PNG(d)
			if err == nil && !bytes.Equal(got, want) {
				err = errors.New("a picture drawn concurrently differs")
			}
			errs <- err
		}()
	}
	for range 8 {
		if err := <-errs; err != nil {
			t.Error(err)
		}
	}
}
