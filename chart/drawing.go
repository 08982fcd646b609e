package chart

import "github.com/shopspring/decimal"

// A Drawing is a picture as a list of shapes in pixels, from the top left
// corner, with exact decimal coordinates. SVG writes it as it is; the
// server's PNG rasteriser (chartimg) converts a coordinate to floating
// point only when it writes pixels.
type Drawing struct {
	Width, Height int
	// Background fills the whole picture; "" leaves it transparent.
	Background Color
	Shapes     []Shape
	// Title is the picture's accessible name (SVG <title>).
	Title string
}

// Color is an sRGB colour written "#rrggbb".
type Color string

// ShapeKind says what a Shape is.
type ShapeKind int

// The kinds of shape.
const (
	// Rect is a rectangle at X, Y of size W × H, filled with Fill (if set)
	// and outlined with Stroke (if set) of StrokeWidth, centred on its
	// edge, dashed when Dash is set.
	Rect ShapeKind = iota
	// Line is a straight line from X, Y to X2, Y2, horizontal or vertical,
	// of Stroke and StrokeWidth, dashed when Dash is set.
	Line
	// Text is one line of Text whose baseline starts at X, Y (or ends
	// there, when End is set), Size pixels high, in Fill.
	Text
)

// Shape is one element of a Drawing.
type Shape struct {
	Kind        ShapeKind
	X, Y, W, H  decimal.Decimal
	X2, Y2      decimal.Decimal
	Fill        Color
	Stroke      Color
	StrokeWidth decimal.Decimal
	// Dash is the dash and gap lengths of a dashed stroke; empty for a
	// solid one.
	Dash []decimal.Decimal

	Text string
	Size int
	Bold bool
	// End anchors the text at its end (right-aligned at X).
	End bool
}

// px is a whole number of pixels as a decimal.
func px(n int) decimal.Decimal { return decimal.NewFromInt(int64(n)) }
