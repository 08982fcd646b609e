package main

import (
	"fmt"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"
)

// WCAG 2.1 SC 1.4.11 (non-text contrast) asks 3:1 between a graphical
// object that carries meaning and what is adjacent to it. axe-core does
// not check SVG marks, so these tests read the computed colours of every
// mark of every chart and compute the ratio themselves. Relative luminance
// is a grey level too: a pair at 3:1 stays apart when printed in black and
// white, which the print tests rely on.

// minGraphicContrast is SC 1.4.11's ratio.
const minGraphicContrast = 3.0

// rgba is a CSS colour, channels 0–255 and alpha 0–1.
type rgba struct{ R, G, B, A float64 }

var colourRe = regexp.MustCompile(`^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$`)

// parseColour reads a computed colour ("rgb(r, g, b)" or "rgba(r, g, b, a)");
// ok is false for "none" and anything else.
func parseColour(s string) (rgba, bool) {
	m := colourRe.FindStringSubmatch(strings.TrimSpace(s))
	if m == nil {
		return rgba{}, false
	}
	f := func(x string) float64 { v, _ := strconv.ParseFloat(x, 64); return v }
	c := rgba{f(m[1]), f(m[2]), f(m[3]), 1}
	if m[4] != "" {
		if strings.HasSuffix(m[4], "%") {
			c.A = f(strings.TrimSuffix(m[4], "%")) / 100
		} else {
			c.A = f(m[4])
		}
	}
	return c, true
}

// over composites c over the opaque colour below.
func (c rgba) over(below rgba) rgba {
	mix := func(a, b float64) float64 { return a*c.A + b*(1-c.A) }
	return rgba{mix(c.R, below.R), mix(c.G, below.G), mix(c.B, below.B), 1}
}

func (c rgba) String() string {
	return fmt.Sprintf("#%02x%02x%02x", int(math.Round(c.R)), int(math.Round(c.G)), int(math.Round(c.B)))
}

// luminance is WCAG 2.1's relative luminance of an opaque sRGB colour.
func luminance(c rgba) float64 {
	lin := func(v float64) float64 {
		v /= 255
		if v <= 0.04045 {
			return v / 12.92
		}
		return math.Pow((v+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(c.R) + 0.7152*lin(c.G) + 0.0722*lin(c.B)
}

// contrast is WCAG 2.1's contrast ratio, from 1 to 21.
func contrast(a, b rgba) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func TestContrastFormula(t *testing.T) {
	white, black := rgba{255, 255, 255, 1}, rgba{0, 0, 0, 1}
	for _, tc := range []struct {
		a, b rgba
		want float64
	}{
		{white, black, 21},
		{white, white, 1},
		{rgba{118, 118, 118, 1}, white, 4.54}, // #767676, the classic 4.5:1 grey
		{rgba{0x0f, 0x5c, 0x5c, 1}, rgba{0x1b, 0x1f, 0x23, 1}, 2.14},
	} {
		if got := contrast(tc.a, tc.b); math.Abs(got-tc.want) > 0.01 {
			t.Errorf("contrast(%s, %s) = %.3f, want %.2f", tc.a, tc.b, got, tc.want)
		}
	}
	if c, ok := parseColour("rgba(0, 0, 0, 0.5)"); !ok || c.over(white).String() != "#808080" {
		t.Errorf("rgba(0,0,0,.5) over white = %v %v", c.over(white), ok)
	}
	if _, ok := parseColour("none"); ok {
		t.Error("none parsed as a colour")
	}
}

// chartMark is one SVG element of a chart row, as the page computes it.
type chartMark struct {
	Class       string  `json:"cls"`
	Fill        string  `json:"fill"`
	Stroke      string  `json:"stroke"`
	StrokeWidth float64 `json:"strokeWidth"` // CSS px (the lines' strokes do not scale)
	Opacity     float64 `json:"opacity"`
	X           float64 `json:"x"` // viewBox units: rects
	W           float64 `json:"w"`
	X1          float64 `json:"x1"` // lines
}

type chartRow struct {
	Name  string      `json:"name"`
	Main  bool        `json:"main"`
	Marks []chartMark `json:"marks"`
}

type chartSeen struct {
	ID   string     `json:"id"`
	BG   []string   `json:"bg"` // background colours from the chart up to the root
	Rows []chartRow `json:"rows"`
}

// readCharts reads every chart on the page: each row's marks with their
// computed colours, and the backgrounds behind the chart.
func readCharts(tab *browsertest.Tab) []chartSeen {
	return browsertest.Eval[[]chartSeen](tab, `(() => {
		const bgs = el => { const out = []; for (let e = el; e; e = e.parentElement) out.push(getComputedStyle(e).backgroundColor); return out; };
		const num = (el, a) => parseFloat(el.getAttribute(a) || "0");
		return [...document.querySelectorAll("figure.chart")].map(fig => ({
			id: fig.id,
			bg: bgs(fig),
			rows: [...fig.querySelectorAll(".bar-row")].map(row => ({
				name: row.querySelector(".bar-name").textContent,
				main: row.classList.contains("main"),
				marks: [...row.querySelectorAll("svg.chart-svg > *")].map(el => {
					const cs = getComputedStyle(el);
					return {cls: el.getAttribute("class") || el.tagName, fill: cs.fill, stroke: cs.stroke,
						strokeWidth: parseFloat(cs.strokeWidth) || 0, opacity: parseFloat(cs.opacity),
						x: num(el, "x"), w: num(el, "width"), x1: num(el, "x1")};
				}),
			})),
		}));
	})()`)
}

// background composites the chart's backgrounds over paper white.
func (c chartSeen) background() rgba {
	bg := rgba{255, 255, 255, 1}
	for i := len(c.BG) - 1; i >= 0; i-- {
		if col, ok := parseColour(c.BG[i]); ok {
			bg = col.over(bg)
		}
	}
	return bg
}

// contrastCheck is one pair of colours that must be told apart.
type contrastCheck struct {
	Chart, Rows, Mark, Against string
	A, B                       rgba
	Ratio                      float64
	Detail                     string // how a two-tone mark was judged
}

func (c contrastCheck) ok() bool { return c.Ratio >= minGraphicContrast-1e-9 }

// paint is what a mark shows: its fill, or its stroke, composited.
func (m chartMark) paint(colour string, below rgba) (rgba, bool) {
	c, ok := parseColour(colour)
	if !ok || c.A == 0 {
		return rgba{}, false
	}
	if !math.IsNaN(m.Opacity) && m.Opacity < 1 {
		c.A *= m.Opacity
	}
	return c.over(below), true
}

// edge is the colour where a filled mark meets what is around it: its
// stroke when it has a visible one (at least 1 px), else its fill.
func (m chartMark) edge(below rgba) (rgba, string) {
	if m.StrokeWidth >= 1 {
		if c, ok := m.paint(m.Stroke, below); ok {
			return c, "outline"
		}
	}
	c, _ := m.paint(m.Fill, below)
	return c, "fill"
}

func (m chartMark) is(class string) bool { return slices.Contains(strings.Fields(m.Class), class) }

// chartChecks lists the pairs in every chart that carry meaning:
//   - each bar against the background or the track it sits on;
//   - the track's outline (the whole that a bar is a part of) against the background;
//   - the main series' bar against the other series' bars;
//   - a range band's outline against the background, and where the band
//     begins: the bar's edge against the band's fill;
//   - a marker against the background (it reaches past the bar) and
//     against the bar it crosses. A marker is two-tone, a line over a
//     halo: over a bar it stands out when the line does (3:1 against the
//     bar), or when the halo does (3:1 against the bar, at least 1.5 px
//     on each side of the line) and the line stands out on the halo;
//   - the zero line, when there is one, against the background.
func chartChecks(charts []chartSeen) []contrastCheck {
	var out []contrastCheck
	add := func(chart, row, mark, against string, a, b rgba, detail string) {
		out = append(out, contrastCheck{Chart: chart, Rows: row, Mark: mark, Against: against, A: a, B: b, Ratio: contrast(a, b), Detail: detail})
	}
	for _, ch := range charts {
		bg := ch.background()
		chart := strings.TrimPrefix(ch.ID, "chart-")
		// The main series' fill, for the other series to be told from.
		var mainFill *rgba
		for _, r := range ch.Rows {
			for _, m := range r.Marks {
				if m.is("bar") {
					if c, ok := m.paint(m.Fill, bg); ok {
						mainFill = &c
					}
				}
			}
		}
		for _, r := range ch.Rows {
			surface, surfaceName := bg, "background"
			var bars []chartMark // the rects, in paint order
			for _, m := range r.Marks {
				switch {
				case m.is("track"):
					fill, _ := m.paint(m.Fill, bg)
					edge, _ := m.edge(bg)
					add(chart, r.Name, "track outline", "background", edge, bg, "")
					surface, surfaceName = fill, "track"
					bars = append(bars, m)
				case m.is("bar"), m.is("bar-alt"):
					series := "main bar"
					if m.is("bar-alt") {
						series = "other bar"
					}
					edge, how := m.edge(surface)
					add(chart, r.Name, series+" ("+how+")", surfaceName, edge, surface, "")
					if m.is("bar-alt") && mainFill != nil {
						fill, _ := m.paint(m.Fill, surface)
						add(chart, r.Name, "other bar (fill)", "main bar", fill, *mainFill, "")
					}
					bars = append(bars, m)
				case m.is("bar-range"):
					edge, _ := m.edge(surface)
					fill, _ := m.paint(m.Fill, surface)
					add(chart, r.Name, "range band outline", surfaceName, edge, surface, "")
					if len(bars) > 0 {
						prev := bars[len(bars)-1]
						pe, _ := prev.edge(surface)
						add(chart, r.Name, "bar's end", "range band", pe, fill, "")
					}
					bars = append(bars, m)
				case m.is("zero"):
					c, _ := m.paint(m.Stroke, bg)
					add(chart, r.Name, "zero line", "background", c, bg, "")
				case m.is("marker"):
					core, _ := m.paint(m.Stroke, bg)
					var halo *chartMark
					for i := range r.Marks {
						if r.Marks[i].is("marker-halo") && r.Marks[i].X1 == m.X1 {
							halo = &r.Marks[i]
						}
					}
					add(chart, r.Name, "marker", "background", core, bg, "")
					// The topmost rect under the marker.
					var under *chartMark
					for i := range bars {
						b := bars[i]
						if b.X <= m.X1+1e-6 && m.X1 <= b.X+b.W+1e-6 {
							under = &bars[i]
						}
					}
					if under == nil || under.is("track") {
						if under != nil {
							tf, _ := under.paint(under.Fill, bg)
							add(chart, r.Name, "marker", "track", core, tf, "")
						}
						continue
					}
					below, _ := under.paint(under.Fill, surface)
					name := "main bar"
					switch {
					case under.is("bar-alt"):
						name = "other bar"
					case under.is("bar-range"):
						name = "range band"
					}
					direct := contrast(core, below)
					ratio, detail := direct, fmt.Sprintf("line/bar %.2f", direct)
					if halo != nil {
						hc, _ := halo.paint(halo.Stroke, bg)
						side := (halo.StrokeWidth - m.StrokeWidth) / 2
						hb, ch := contrast(hc, below), contrast(core, hc)
						detail += fmt.Sprintf(", halo/bar %.2f, line/halo %.2f, halo %.1f px a side", hb, ch, side)
						if side >= 1.5 && min(hb, ch) > ratio {
							ratio = min(hb, ch)
						}
					}
					out = append(out, contrastCheck{Chart: chart, Rows: r.Name, Mark: "marker", Against: name, A: core, B: below, Ratio: ratio, Detail: detail})
				}
			}
		}
	}
	return out
}

// mergeChecks folds the rows of a chart that give the same pair into one
// line, for a table that can be quoted.
func mergeChecks(cs []contrastCheck) []contrastCheck {
	var out []contrastCheck
	for _, c := range cs {
		i := slices.IndexFunc(out, func(o contrastCheck) bool {
			return o.Chart == c.Chart && o.Mark == c.Mark && o.Against == c.Against && o.A == c.A && o.B == c.B && o.Detail == c.Detail
		})
		if i < 0 {
			out = append(out, c)
		} else if !strings.Contains(out[i].Rows, c.Rows) {
			out[i].Rows += ", " + c.Rows
		}
	}
	return out
}

func checkTable(mode string, cs []contrastCheck) []string {
	var lines []string
	for _, c := range mergeChecks(cs) {
		verdict := "ok"
		if !c.ok() {
			verdict = "**FAIL**"
		}
		detail := ""
		if c.Detail != "" {
			detail = " (" + c.Detail + ")"
		}
		lines = append(lines, fmt.Sprintf("| %s | %s | %s | %s | %s | %s on %s | %.2f%s | %s |",
			mode, c.Chart, c.Rows, c.Mark, c.Against, c.A, c.B, c.Ratio, detail, verdict))
	}
	return lines
}

const checkTableHead = "| mode | chart | rows | mark | against | colours | ratio | ≥ 3:1 |\n|---|---|---|---|---|---|---|---|\n"

// chartPages show every chart: the dashboard has all three; the growth
// embed is loaded with a negative rate, so that its zero line is drawn.
var chartPages = []string{"/", "/embed/workforce", "/embed/capex", "/embed/growth?azure_growth=-5"}

// colourModes are the four ways a page gets its colours: the reader's
// light or dark scheme, and theme= overriding the other scheme. query is
// the URL parameter, without its separator.
var colourModes = []struct {
	name, query string
	opt         browsertest.Option
}{
	{"light", "", browsertest.LightScheme()},
	{"dark", "", browsertest.DarkScheme()},
	{"theme=dark", "theme=dark", browsertest.LightScheme()},
	{"theme=light", "theme=light", browsertest.DarkScheme()},
}

// TestBrowserChartContrast checks SC 1.4.11 on every chart, in the light
// and the dark scheme and with theme= overriding the scheme, and logs the
// table of every pair measured.
func TestBrowserChartContrast(t *testing.T) {
	srv := server(t)
	var table []string
	for _, mode := range colourModes {
		for _, page := range chartPages {
			u := srv.URL + page
			if mode.query != "" {
				if strings.Contains(u, "?") {
					u += "&" + mode.query
				} else {
					u += "?" + mode.query
				}
			}
			// The prerendered page: the wasm draws the same marks with the same classes.
			tab := browsertest.New(t, mode.opt, browsertest.NoScripts(), browsertest.Viewport(1000, 900))
			tab.Navigate(u)
			charts := readCharts(tab)
			if len(charts) == 0 {
				t.Fatalf("%s: no chart on the page", page)
			}
			checks := chartChecks(charts)
			kinds := map[string]bool{}
			for _, c := range checks {
				kinds[c.Mark+" on "+c.Against] = true
				if !c.ok() {
					t.Errorf("%s %s: %s, %s: %s against %s is %.2f:1 (%s on %s), want at least 3:1 %s",
						mode.name, page, c.Chart, c.Rows, c.Mark, c.Against, c.Ratio, c.A, c.B, c.Detail)
				}
			}
			// The checks must have found what the charts are known to hold.
			want := map[string][]string{
				"/embed/workforce":              {"track outline on background", "main bar (fill) on track"},
				"/embed/capex":                  {"marker on main bar", "range band outline on background", "other bar (fill) on main bar"},
				"/embed/growth?azure_growth=-5": {"zero line on background", "marker on other bar", "other bar (fill) on main bar"},
			}[page]
			for _, w := range want {
				if !kinds[w] {
					t.Errorf("%s %s: no %q measured (measured: %v)", mode.name, page, w, slices.Sorted(func(yield func(string) bool) {
						for k := range kinds {
							if !yield(k) {
								return
							}
						}
					}))
				}
			}
			// The table: the dashboard's charts (the embeds draw the same),
			// and the zero line, which only the growth embed has here.
			fresh := checks
			if page != "/" {
				fresh = slices.DeleteFunc(slices.Clone(checks), func(c contrastCheck) bool { return c.Mark != "zero line" })
			}
			table = append(table, checkTable(mode.name, fresh)...)
		}
	}
	t.Logf("chart contrast (WCAG 2.1 SC 1.4.11):\n%s%s", checkTableHead, strings.Join(table, "\n"))
}
