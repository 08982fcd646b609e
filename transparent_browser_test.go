package main

import (
	"bytes"
	"fmt"
	"image/png"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"amzwidget/data"
	"amzwidget/internal/browsertest"
	"amzwidget/widget"

	"github.com/chromedp/chromedp"
)

// transparentHosts are article pages a transparent embed is pasted into:
// their background, the colour scheme they declare (most declare none),
// and what the editor told the generator about the background (theme=).
var transparentHosts = []struct {
	name, bg, declares, theme string
}{
	{"cream host", "#fdf6e3", "", "light"},
	{"navy host", "#001f5c", "", "dark"},
	{"black host declaring dark", "#000000", "dark", "dark"},
	{"white host declaring light dark", "#ffffff", "light dark", "light"},
}

// TestBrowserTransparentEmbedsOnHosts pastes the generator's plain iframe
// snippet for a transparent embed into light and dark host pages, for a
// reader in the light and in the dark scheme, and checks what the reader
// sees: the host's background through the frame (pixels of a screenshot,
// not CSS), and text readable on it (WCAG 1.4.3: 4.5:1, measured against
// the host's background). Before the fix, theme=dark&transparent=1 on the
// navy host painted an opaque #121212 box, and a light-scheme title sat
// at 1.14:1 on a black host (issue 20).
func TestBrowserTransparentEmbedsOnHosts(t *testing.T) {
	srv := server(t)
	for _, h := range transparentHosts {
		snippet := widget.EmbedSpec{Data: data.Default(), Site: srv.URL, Group: "capex", Query: "theme=" + h.theme + "&transparent=1"}.Plain()
		declare := ""
		if h.declares != "" {
			declare = "color-scheme:" + h.declares + ";"
		}
		host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, `<!doctype html><html><head><style>:root{%s} body{background:%s;margin:0;padding:0 20px} h1{margin:0;height:40px}</style></head>
<body><h1></h1>%s</body></html>`, declare, h.bg, snippet)
		}))
		for _, mode := range []struct {
			name string
			opt  browsertest.Option
		}{{"light reader", browsertest.LightScheme()}, {"dark reader", browsertest.DarkScheme()}} {
			name := h.name + ", " + mode.name
			tab := browsertest.New(t, mode.opt, browsertest.Viewport(600, 800))
			tab.Navigate(host.URL + "/article")
			childReady(t, tab, "/embed/capex")
			bg, _ := parseColour(hexToRGB(h.bg))

			// What the reader sees: the host's background through the frame.
			rect := browsertest.Eval[[]float64](tab, `(() => { const r = document.querySelector("iframe").getBoundingClientRect(); return [r.left, r.top, r.width, Math.min(r.height, innerHeight - r.top)]; })()`)
			shot, err := chromedp.Run(tab.Ctx, chromedp.CaptureScreenshot())
			if err != nil {
				t.Fatal(err)
			}
			img, err := png.Decode(bytes.NewReader(shot))
			if err != nil {
				t.Fatal(err)
			}
			scale := float64(img.Bounds().Dx()) / 600
			same, all := 0, 0
			for y := int(rect[1] * scale); y < int((rect[1]+rect[3])*scale); y += 2 {
				for x := int(rect[0] * scale); x < int((rect[0]+rect[2])*scale); x += 2 {
					r, g, b, _ := img.At(x, y).RGBA()
					all++
					if math.Abs(float64(r>>8)-bg.R) <= 1 && math.Abs(float64(g>>8)-bg.G) <= 1 && math.Abs(float64(b>>8)-bg.B) <= 1 {
						same++
					}
				}
			}
			tab.Screenshot("transparent-" + strings.NewReplacer(" ", "-", ",", "").Replace(name))
			if all == 0 || float64(same)/float64(all) < 0.5 {
				t.Errorf("%s: %d of %d pixels of the frame show the host's %s: the embed is not transparent", name, same, all, h.bg)
			}

			// Every kind of text, against the host's background.
			texts := browsertest.EvalInFrame[[][2]string](tab, "/embed/capex", `[".story-title", ".big-number", ".answer-sentence", ".sources", ".story-links a", ".claim-badge", ".result"]
				.map(s => [s, document.querySelector(s)]).filter(p => p[1]).map(p => [p[0], getComputedStyle(p[1]).color])`)
			if len(texts) < 4 {
				t.Fatalf("%s: found only %v in the frame", name, texts)
			}
			for _, tx := range texts {
				c, ok := parseColour(tx[1])
				if !ok {
					t.Errorf("%s: %s has colour %q", name, tx[0], tx[1])
					continue
				}
				if r := contrast(c.over(bg), bg); r < 4.5 {
					t.Errorf("%s: %s is %s on the host's %s: %.2f:1, want at least 4.5:1", name, tx[0], c, h.bg, r)
				}
			}
		}
		host.Close()
	}
}

// hexToRGB writes #rrggbb as rgb(r, g, b), for parseColour.
func hexToRGB(h string) string {
	var r, g, b int
	fmt.Sscanf(h, "#%02x%02x%02x", &r, &g, &b)
	return fmt.Sprintf("rgb(%d, %d, %d)", r, g, b)
}
