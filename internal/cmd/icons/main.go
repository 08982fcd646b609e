// Command icons draws the widget's PWA icons into a directory: a bar-chart
// glyph on a teal square, as 192 px and 512 px PNGs, a maskable 512 px PNG
// (glyph inside the central safe zone, background to the edges) and an SVG.
// Run `go run ./internal/cmd/icons -out web`; the files are committed.
package main

import (
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
)

var (
	teal   = color.RGBA{0x0f, 0x5c, 0x5c, 0xff}
	white  = color.RGBA{0xff, 0xff, 0xff, 0xff}
	orange = color.RGBA{0xe8, 0x59, 0x0c, 0xff}
)

// bars are the glyph's bars as fractions (in 1/100) of the glyph box:
// x, width, height from the baseline.
var bars = [][3]int{{14, 18, 38}, {41, 18, 58}, {68, 18, 78}}

func main() {
	out := flag.String("out", "web", "output directory")
	flag.Parse()
	for _, ic := range []struct {
		name     string
		size     int
		maskable bool
	}{{"icon-192.png", 192, false}, {"icon-512.png", 512, false}, {"icon-maskable-512.png", 512, true}} {
		if err := writePNG(filepath.Join(*out, ic.name), draw(ic.size, ic.maskable)); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if err := os.WriteFile(filepath.Join(*out, "icon.svg"), []byte(svg), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func draw(n int, maskable bool) *image.RGBA {
	img := image.NewRGBA(image.Rect(0, 0, n, n))
	radius := n / 6
	if maskable {
		radius = 0 // the platform applies its own mask
	}
	for y := 0; y < n; y++ {
		for x := 0; x < n; x++ {
			if inRounded(x, y, n, radius) {
				img.Set(x, y, teal)
			}
		}
	}
	// The glyph box: 70 % of the icon, or 56 % for maskable (safe zone 80 %).
	box := n * 70 / 100
	if maskable {
		box = n * 56 / 100
	}
	off := (n - box) / 2
	base := off + box
	for i, b := range bars {
		c := white
		if i == len(bars)-1 {
			c = orange
		}
		x0, w, h := off+box*b[0]/100, box*b[1]/100, box*b[2]/100
		for y := base - h; y < base; y++ {
			for x := x0; x < x0+w; x++ {
				img.Set(x, y, c)
			}
		}
	}
	return img
}

func inRounded(x, y, n, r int) bool {
	if r == 0 {
		return true
	}
	cx, cy := x, y
	switch {
	case x < r && y < r:
		cx, cy = r, r
	case x >= n-r && y < r:
		cx, cy = n-r-1, r
	case x < r && y >= n-r:
		cx, cy = r, n-r-1
	case x >= n-r && y >= n-r:
		cx, cy = n-r-1, n-r-1
	default:
		return true
	}
	dx, dy := x-cx, y-cy
	return dx*dx+dy*dy <= r*r
}

func writePNG(path string, img image.Image) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	if err := png.Encode(f, img); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

const svg = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 100">
<rect width="100" height="100" rx="16" fill="#0f5c5c"/>
<rect x="24.8" y="58.4" width="12.6" height="26.6" fill="#fff"/>
<rect x="43.7" y="44.4" width="12.6" height="40.6" fill="#fff"/>
<rect x="62.6" y="30.4" width="12.6" height="54.6" fill="#e8590c"/>
</svg>
`
