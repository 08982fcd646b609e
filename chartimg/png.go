// Package chartimg rasterises a chart.Drawing to PNG in pure Go, for the
// server's /chart/{topic}.png: golang.org/x/image/vector fills the shapes
// with anti-aliasing, and the text is set in Go Regular and Go Bold,
// fonts shipped as Go packages (golang.org/x/image/font/gofont), so
// nothing is read or fetched at run time. The server alone imports it:
// app.wasm never carries a rasteriser or a font.
package chartimg

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/draw"
	"image/png"
	"math"
	"strconv"
	"strings"
	"sync"

	"amzwidget/chart"

	"github.com/shopspring/decimal"
	"golang.org/x/image/font"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
	"golang.org/x/image/font/opentype"
	"golang.org/x/image/font/sfnt"
	"golang.org/x/image/math/fixed"
	"golang.org/x/image/vector"
)

// ErrColor is the error of a colour that is not "#rrggbb".
var ErrColor = errors.New("chartimg: a colour must be #rrggbb")

// fonts are Go Regular and Go Bold, parsed once. An sfnt.Font may be used
// by many goroutines at once; a font.Face may not, so faces are made per
// picture.
var fonts = sync.OnceValues(func() ([2]*sfnt.Font, error) {
	var fs [2]*sfnt.Font
	for i, ttf := range [][]byte{goregular.TTF, gobold.TTF} {
		f, err := opentype.Parse(ttf)
		if err != nil {
			return fs, fmt.Errorf("chartimg: parse a Go font: %w", err)
		}
		fs[i] = f
	}
	return fs, nil
})

// encoder keeps png's compression buffers between pictures.
var encoder = png.Encoder{CompressionLevel: png.BestSpeed, BufferPool: &bufferPool{}}

type bufferPool struct{ p sync.Pool }

func (b *bufferPool) Get() *png.EncoderBuffer {
	e, _ := b.p.Get().(*png.EncoderBuffer)
	return e
}

func (b *bufferPool) Put(e *png.EncoderBuffer) { b.p.Put(e) }

// PNG rasterises d and encodes it as a PNG.
func PNG(d chart.Drawing) ([]byte, error) {
	img, err := Rasterize(d)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	if err := encoder.Encode(&buf, img); err != nil {
		return nil, fmt.Errorf("chartimg: encode: %w", err)
	}
	return buf.Bytes(), nil
}

// Rasterize draws d into a new RGBA image of d's size.
func Rasterize(d chart.Drawing) (*image.RGBA, error) {
	fs, err := fonts()
	if err != nil {
		return nil, err
	}
	img := image.NewRGBA(image.Rect(0, 0, d.Width, d.Height))
	p := &painter{img: img, fonts: fs, faces: map[faceKey]font.Face{}}
	if d.Background != "" {
		c, err := parseColor(d.Background)
		if err != nil {
			return nil, err
		}
		draw.Draw(img, img.Bounds(), image.NewUniform(c), image.Point{}, draw.Src)
	}
	for _, s := range d.Shapes {
		if err := p.shape(s); err != nil {
			return nil, err
		}
	}
	return img, nil
}

type faceKey struct {
	size int
	bold bool
}

// painter draws shapes into img.
type painter struct {
	img   *image.RGBA
	fonts [2]*sfnt.Font
	faces map[faceKey]font.Face
	ras   vector.Rasterizer
	buf   sfnt.Buffer
}

// f converts an exact coordinate to the rasteriser's float32: the last
// step, as the pixels are written.
func f(d decimal.Decimal) float32 { return float32(d.InexactFloat64()) }

func (p *painter) shape(s chart.Shape) error {
	switch s.Kind {
	case chart.Rect:
		x0, y0 := f(s.X), f(s.Y)
		x1, y1 := x0+f(s.W), y0+f(s.H)
		if s.Fill != "" {
			c, err := parseColor(s.Fill)
			if err != nil {
				return err
			}
			p.fill(x0, y0, x1, y1, c)
		}
		if s.Stroke != "" {
			for _, e := range [][4]float32{{x0, y0, x1, y0}, {x1, y0, x1, y1}, {x0, y1, x1, y1}, {x0, y0, x0, y1}} {
				if err := p.line(e[0], e[1], e[2], e[3], s); err != nil {
					return err
				}
			}
		}
	case chart.Line:
		return p.line(f(s.X), f(s.Y), f(s.X2), f(s.Y2), s)
	case chart.Text:
		return p.text(s)
	}
	return nil
}

// line strokes an axis-aligned line of s's stroke, width and dashes.
func (p *painter) line(x0, y0, x1, y1 float32, s chart.Shape) error {
	c, err := parseColor(s.Stroke)
	if err != nil {
		return err
	}
	hw := f(s.StrokeWidth) / 2
	horizontal := y0 == y1
	a, b := y0, y1
	if horizontal {
		a, b = x0, x1
	}
	if b < a {
		a, b = b, a
	}
	seg := func(from, to float32) {
		if horizontal {
			p.fill(from, y0-hw, to, y0+hw, c)
		} else {
			p.fill(x0-hw, from, x0+hw, to, c)
		}
	}
	if len(s.Dash) == 0 {
		seg(a, b)
		return nil
	}
	var pattern []float32
	var period float32
	for _, d := range s.Dash {
		pattern = append(pattern, f(d))
		period += f(d)
	}
	if period <= 0 {
		seg(a, b)
		return nil
	}
	for pos, i := a, 0; pos < b; i = (i + 1) % len(pattern) {
		end := min(pos+pattern[i], b)
		if i%2 == 0 {
			seg(pos, end)
		}
		pos += pattern[i]
	}
	return nil
}

// fill paints the rectangle from (x0, y0) to (x1, y1) in c, with
// anti-aliased edges.
func (p *painter) fill(x0, y0, x1, y1 float32, c color.Color) {
	bx0, by0 := int(math.Floor(float64(x0))), int(math.Floor(float64(y0)))
	bx1, by1 := int(math.Ceil(float64(x1))), int(math.Ceil(float64(y1)))
	r := image.Rect(bx0, by0, bx1, by1).Intersect(p.img.Bounds())
	if r.Empty() {
		return
	}
	ox, oy := float32(r.Min.X), float32(r.Min.Y)
	p.ras.Reset(r.Dx(), r.Dy())
	p.ras.MoveTo(x0-ox, y0-oy)
	p.ras.LineTo(x1-ox, y0-oy)
	p.ras.LineTo(x1-ox, y1-oy)
	p.ras.LineTo(x0-ox, y1-oy)
	p.ras.ClosePath()
	p.ras.Draw(p.img, r, image.NewUniform(c), image.Point{})
}

// face returns the face of a size and weight, made once per picture.
func (p *painter) face(size int, bold bool) (font.Face, error) {
	k := faceKey{size, bold}
	if fc, ok := p.faces[k]; ok {
		return fc, nil
	}
	i := 0
	if bold {
		i = 1
	}
	fc, err := opentype.NewFace(p.fonts[i], &opentype.FaceOptions{Size: float64(size), DPI: 72, Hinting: font.HintingNone})
	if err != nil {
		return nil, fmt.Errorf("chartimg: face: %w", err)
	}
	p.faces[k] = fc
	return fc, nil
}

// text sets s's text with its baseline at s.Y, starting (or, with End,
// ending) at s.X. A character the font lacks (the narrow no-break space
// of French numbers) is set as a no-break space.
func (p *painter) text(s chart.Shape) error {
	fc, err := p.face(s.Size, s.Bold)
	if err != nil {
		return err
	}
	c, err := parseColor(s.Fill)
	if err != nil {
		return err
	}
	str := p.covered(s.Text, s.Bold)
	x := f(s.X)
	if s.End {
		x -= float32(font.MeasureString(fc, str)) / 64
	}
	dr := font.Drawer{Dst: p.img, Src: image.NewUniform(c), Face: fc,
		Dot: fixed.Point26_6{X: fixed.Int26_6(x * 64), Y: fixed.Int26_6(f(s.Y) * 64)}}
	dr.DrawString(str)
	return nil
}

// covered replaces the characters the font has no glyph for.
func (p *painter) covered(s string, bold bool) string {
	fnt := p.fonts[0]
	if bold {
		fnt = p.fonts[1]
	}
	return strings.Map(func(r rune) rune {
		if gi, err := fnt.GlyphIndex(&p.buf, r); err != nil || gi == 0 {
			return '\u00a0'
		}
		return r
	}, s)
}

// Measure returns the advance width, in pixels, of s set in the card's
// font at size pixels, as PNG sets it.
func Measure(s string, size int, bold bool) (float64, error) {
	fs, err := fonts()
	if err != nil {
		return 0, err
	}
	p := &painter{fonts: fs, faces: map[faceKey]font.Face{}}
	fc, err := p.face(size, bold)
	if err != nil {
		return 0, err
	}
	return float64(font.MeasureString(fc, p.covered(s, bold))) / 64, nil
}

// parseColor reads "#rrggbb".
func parseColor(c chart.Color) (color.RGBA, error) {
	s := string(c)
	if len(s) != 7 || s[0] != '#' {
		return color.RGBA{}, fmt.Errorf("%q: %w", s, ErrColor)
	}
	n, err := strconv.ParseUint(s[1:], 16, 32)
	if err != nil {
		return color.RGBA{}, fmt.Errorf("%q: %w", s, ErrColor)
	}
	return color.RGBA{R: uint8(n >> 16), G: uint8(n >> 8), B: uint8(n), A: 0xff}, nil
}
