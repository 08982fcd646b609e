package chart

import (
	"strings"
	"unicode/utf8"

	"amzwidget/calc"

	"github.com/shopspring/decimal"
)

// Card is a topic's share image: its title, the headline answer (the big
// number and the sentence that says it), the chart, the source line and
// the page's address. It is laid out at social-card size (CardWidth ×
// at least CardHeight) by Layout, for SVG and PNG alike.
type Card struct {
	Title    string
	Number   string
	Sentence string
	// Assumed says which values the answer rests on: the reader's changed
	// ones beside the article's, or the lead input's article figure with
	// its qualifier ("around 350,000").
	Assumed string
	Chart   Chart
	// Sources is the source line, as the embed's footer gives it.
	Sources string
	// Address is the page's address as shown on the image (no scheme).
	Address string
	// Theme is "dark" for light text on a dark ground; anything else is
	// light.
	Theme string
	// Transparent leaves the background out.
	Transparent bool
}

// The card's size: the social-card size of Open Graph images. A card
// whose text needs more room grows taller, never narrower.
const (
	CardWidth  = 1200
	CardHeight = 630
)

// margin is the card's padding; inner the width inside it.
const (
	margin = 56
	inner  = CardWidth - 2*margin
)

// palette is a theme's colours, the page's own (web/widget.css).
type palette struct {
	bg, fg, muted, card, accent, edge Color
}

var (
	lightPalette = palette{bg: "#ffffff", fg: "#1b1f23", muted: "#4d5761", card: "#f6f8fa", accent: "#0f5c5c", edge: "#6e7781"}
	darkPalette  = palette{bg: "#0d1117", fg: "#e6edf3", muted: "#9da7b3", card: "#161b22", accent: "#5cc8c8", edge: "#768390"}
)

// Type sizes and line heights, in pixels.
const (
	titleSize, titleLine       = 28, 38
	numberSize, numberLine     = 60, 70
	sentenceSize, sentenceLine = 26, 34
	chartTitleSize, chartLine  = 20, 30
	rowSize, rowText           = 20, 24
	barHeight, rowGap          = 18, 8
	noteSize, noteLine         = 17, 24
	footSize                   = 17
)

// Layout draws the card.
func (c Card) Layout() Drawing {
	p := lightPalette
	if c.Theme == "dark" {
		p = darkPalette
	}
	d := Drawing{Width: CardWidth, Title: c.Title + ": " + c.Sentence}
	if !c.Transparent {
		d.Background = p.bg
	}
	y := margin - 12
	text := func(s string, x, size int, bold, end bool, fill Color) {
		d.Shapes = append(d.Shapes, Shape{Kind: Text, X: px(x), Y: px(y), Text: s, Size: size, Bold: bold, End: end, Fill: fill})
	}
	lines := func(s string, size, line int, bold bool, fill Color) {
		for _, l := range Wrap(s, size, bold, inner) {
			y += line
			text(l, margin, size, bold, false, fill)
		}
	}
	lines(c.Title, titleSize, titleLine, true, p.muted)
	// A huge number is set smaller rather than run off the card.
	size := numberSize
	for size > sentenceSize && TextWidth(c.Number, size, true) > inner {
		size -= 2
	}
	y += numberLine - size - 10
	lines(c.Number, size, size+10, true, p.accent)
	y += 4
	lines(c.Sentence, sentenceSize, sentenceLine, false, p.fg)
	if c.Assumed != "" {
		y += 2
		lines(c.Assumed, noteSize, noteLine, false, p.muted)
	}
	y += 14
	lines(c.Chart.Title, chartTitleSize, chartLine, true, p.fg)
	y += 6

	s := ScaleOf(c.Chart.Rows)
	zero := calc.Int(0)
	// xPx is a position in Units as pixels across the inner width.
	xPx := func(u decimal.Decimal) decimal.Decimal {
		return px(margin).Add(u.Mul(px(inner)).Div(px(Units)).Round(2))
	}
	wPx := func(u decimal.Decimal) decimal.Decimal { return u.Mul(px(inner)).Div(px(Units)).Round(2) }
	dash := []decimal.Decimal{px(6), px(3)}
	for _, r := range c.Chart.Rows {
		y += rowText
		fill := p.fg
		text(r.Name, margin, rowSize, r.Main, false, fill)
		text(r.Text, margin+inner, rowSize, r.Main, true, fill)
		top := px(y + 8)
		h := px(barHeight)
		if r.Track != nil {
			x, w := s.Span(zero, *r.Track)
			d.Shapes = append(d.Shapes, Shape{Kind: Rect, X: xPx(x), Y: top, W: wPx(w), H: h,
				Fill: p.card, Stroke: p.edge, StrokeWidth: px(1)})
		}
		if r.OK {
			x, w := s.Span(zero, r.Value.Lo)
			bar := Shape{Kind: Rect, X: xPx(x), Y: top.Add(px(3)), W: wPx(w), H: h.Sub(px(6)), Fill: p.accent}
			if !r.Main {
				bar.Fill, bar.Stroke, bar.StrokeWidth = p.card, p.muted, decimal.RequireFromString("1.5")
			}
			d.Shapes = append(d.Shapes, bar)
			if !r.Value.IsPoint() {
				x, w := s.Span(r.Value.Lo, r.Value.Hi)
				band := Shape{Kind: Rect, X: xPx(x), Y: top.Add(px(3)), W: wPx(w), H: h.Sub(px(6)),
					Fill: p.bg, Stroke: p.accent, StrokeWidth: px(2), Dash: []decimal.Decimal{px(4), px(2)}}
				if !r.Main {
					band.Stroke = p.muted
				}
				d.Shapes = append(d.Shapes, band)
			}
		}
		if s.HasNegative() {
			z := xPx(s.X(zero).Round(2))
			d.Shapes = append(d.Shapes, Shape{Kind: Line, X: z, Y: top, X2: z, Y2: top.Add(h), Stroke: p.fg, StrokeWidth: px(1)})
		}
		for _, m := range r.Marks {
			mx := xPx(s.X(m).Round(2))
			d.Shapes = append(d.Shapes,
				Shape{Kind: Line, X: mx, Y: top.Sub(px(4)), X2: mx, Y2: top.Add(h).Add(px(4)), Stroke: p.bg, StrokeWidth: px(8)},
				Shape{Kind: Line, X: mx, Y: top.Sub(px(4)), X2: mx, Y2: top.Add(h).Add(px(4)), Stroke: p.fg, StrokeWidth: px(2), Dash: dash})
		}
		y += 8 + barHeight + rowGap
	}
	if c.Chart.Note != "" {
		lines(c.Chart.Note, noteSize, noteLine, false, p.muted)
	}
	y += 12
	d.Shapes = append(d.Shapes, Shape{Kind: Line, X: px(margin), Y: px(y), X2: px(margin + inner), Y2: px(y), Stroke: p.edge, StrokeWidth: px(1)})
	y += 8
	// The address keeps its line's right end; the sources take what is
	// left, wrapped.
	addrW := TextWidth(c.Address, footSize, true)
	src := Wrap(c.Sources, footSize, false, inner-addrW-24)
	y += noteLine
	text(c.Address, margin+inner, footSize, true, true, p.accent)
	for i, l := range src {
		if i > 0 {
			y += noteLine
		}
		text(l, margin, footSize, false, false, p.muted)
	}
	y += margin - 28
	d.Height = max(CardHeight, y)
	return d
}

// TextWidth is an upper estimate of the width, in pixels, of s set in the
// card's font (Go Regular or Go Bold) at size pixels: the layout wraps
// lines with it, the same for SVG and PNG. chartimg's test checks it
// against the font's real advances.
func TextWidth(s string, size int, bold bool) int {
	per := 54 // hundredths of an em per character
	if bold {
		per = 60
	}
	return (utf8.RuneCountInString(s)*size*per + 99) / 100
}

// Wrap breaks s into lines no wider than width (TextWidth) at its
// spaces; a word wider than width stands alone on its line. No-break
// spaces hold.
func Wrap(s string, size int, bold bool, width int) []string {
	var out []string
	line := ""
	// Split at ASCII spaces only: strings.Fields would also split at the
	// no-break spaces that keep "≈ 8.57%" together.
	for _, w := range strings.Split(strings.ReplaceAll(s, "\n", " "), " ") {
		if w == "" {
			continue
		}
		try := w
		if line != "" {
			try = line + " " + w
		}
		if line != "" && TextWidth(try, size, bold) > width {
			out = append(out, line)
			try = w
		}
		line = try
	}
	if line != "" {
		out = append(out, line)
	}
	return out
}
