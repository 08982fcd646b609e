package chart

import (
	"strconv"
	"strings"
)

// fontFamily is the SVG's font list: Go's own fonts (those the PNG is set
// in) when the viewer has them, else a common sans-serif. Nothing is
// fetched.
const fontFamily = "Go, 'Go Regular', 'DejaVu Sans', Arial, Helvetica, sans-serif"

// SVG writes the drawing as a standalone SVG document (UTF-8, with its
// XML declaration): every coordinate as its exact decimal, every text
// escaped for XML.
func (d Drawing) SVG() []byte {
	var b strings.Builder
	w, h := strconv.Itoa(d.Width), strconv.Itoa(d.Height)
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" width="` + w + `" height="` + h + `" viewBox="0 0 ` + w + ` ` + h +
		`" font-family="` + escapeXML(fontFamily) + `" role="img">` + "\n")
	if d.Title != "" {
		b.WriteString(`<title>` + escapeXML(d.Title) + "</title>\n")
	}
	if d.Background != "" {
		b.WriteString(`<rect width="` + w + `" height="` + h + `" fill="` + escapeXML(string(d.Background)) + `"/>` + "\n")
	}
	for _, s := range d.Shapes {
		switch s.Kind {
		case Rect:
			b.WriteString(`<rect x="` + s.X.String() + `" y="` + s.Y.String() + `" width="` + s.W.String() + `" height="` + s.H.String() + `"`)
			paint(&b, s)
			b.WriteString("/>\n")
		case Line:
			b.WriteString(`<line x1="` + s.X.String() + `" y1="` + s.Y.String() + `" x2="` + s.X2.String() + `" y2="` + s.Y2.String() + `"`)
			paint(&b, s)
			b.WriteString("/>\n")
		case Text:
			b.WriteString(`<text x="` + s.X.String() + `" y="` + s.Y.String() + `" font-size="` + strconv.Itoa(s.Size) + `"`)
			if s.Bold {
				b.WriteString(` font-weight="bold"`)
			}
			if s.End {
				b.WriteString(` text-anchor="end"`)
			}
			b.WriteString(` fill="` + escapeXML(string(s.Fill)) + `">` + escapeXML(s.Text) + "</text>\n")
		}
	}
	b.WriteString("</svg>\n")
	return []byte(b.String())
}

// paint writes a rect's or line's fill and stroke attributes.
func paint(b *strings.Builder, s Shape) {
	fill := string(s.Fill)
	if fill == "" {
		fill = "none"
	}
	b.WriteString(` fill="` + escapeXML(fill) + `"`)
	if s.Stroke == "" {
		return
	}
	b.WriteString(` stroke="` + escapeXML(string(s.Stroke)) + `" stroke-width="` + s.StrokeWidth.String() + `"`)
	if len(s.Dash) > 0 {
		parts := make([]string, len(s.Dash))
		for i, d := range s.Dash {
			parts[i] = d.String()
		}
		b.WriteString(` stroke-dasharray="` + strings.Join(parts, " ") + `"`)
	}
}

// escapeXML escapes text for an XML attribute value or text node, and
// drops the characters XML 1.0 does not allow.
func escapeXML(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '&':
			b.WriteString("&amp;")
		case r == '<':
			b.WriteString("&lt;")
		case r == '>':
			b.WriteString("&gt;")
		case r == '"':
			b.WriteString("&#34;")
		case r == '\'':
			b.WriteString("&#39;")
		case r == '\t' || r == '\n' || r == '\r':
			b.WriteRune(r)
		case r < 0x20 || r == 0xFFFE || r == 0xFFFF || (r >= 0xD800 && r <= 0xDFFF):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
