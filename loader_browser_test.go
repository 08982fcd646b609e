package main

import (
	"fmt"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"

	cdpfetch "github.com/chromedp/cdproto/fetch"
)

// holdWasm pauses every request for the wasm in the tab and never lets it
// go: the page stays as a reader sees it while the wasm downloads, with
// go-app's loader showing its progress.
func holdWasm(tab *browsertest.Tab) {
	browsertest.Call(tab, cdpfetch.Enable, cdpfetch.EnableParams{Patterns: []*cdpfetch.RequestPattern{{URLPattern: "*.wasm*"}}})
}

type box struct {
	Top, Bottom, Left, Right float64
	Text                     string
	Clipped                  bool
}

func (a box) overlaps(b box) bool {
	return a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom
}

// TestBrowserEmbedLoaderClearsTitle loads each embed (and the dashboard)
// at 320 and 400 px with the wasm held back, and checks that go-app's
// loader label is on screen, whole, and clear of the title and every
// heading and text line near the top.
func TestBrowserEmbedLoaderClearsTitle(t *testing.T) {
	srv := server(t)
	for _, width := range []int{320, 400} {
		for _, path := range []string{"/embed/workforce", "/embed/capex", "/embed/growth", "/embed/all", "/"} {
			t.Run(fmt.Sprintf("%s-%d", strings.Trim(strings.ReplaceAll(path, "/", "-"), "-"), width), func(t *testing.T) {
				tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(width, 800))
				holdWasm(tab)
				tab.Navigate(srv.URL + path)
				// go-app's script writes the progress into the label.
				tab.WaitText("#app-wasm-loader-label", "0%")
				boxes := browsertest.Eval[map[string]box](tab, `(() => {
					const b = e => { const r = e.getBoundingClientRect();
						return {Top: r.top, Bottom: r.bottom, Left: r.left, Right: r.right, Text: e.textContent.trim(), Clipped: e.scrollWidth > e.clientWidth}; };
					const out = {label: b(document.getElementById("app-wasm-loader-label"))};
					const title = document.querySelector("h1");
					if (title) out.title = b(title);
					// Every heading and paragraph that starts in the first 100 px.
					document.querySelectorAll("h1, h2, h3, p, .field, .headline").forEach((e, i) => {
						const r = e.getBoundingClientRect();
						if (!e.closest("#app-wasm-loader") && r.top < 100 && r.height > 0) out["el" + i + " " + e.tagName + "." + e.className] = b(e);
					});
					return out;
				})()`)
				label, ok := boxes["label"]
				if !ok || label.Bottom-label.Top < 10 || label.Right-label.Left < 100 {
					t.Fatalf("the loader label is not shown: %+v", label)
				}
				if label.Clipped {
					t.Errorf("the loader label %q is cut at %d px", label.Text, width)
				}
				if _, ok := boxes["title"]; !ok {
					t.Fatal("the page has no h1")
				}
				for name, b := range boxes {
					if name == "label" {
						continue
					}
					if label.overlaps(b) {
						t.Errorf("at %d px the loader label (%.0f–%.0f px from the top) overlaps %s %q (%.0f–%.0f px)",
							width, label.Top, label.Bottom, name, b.Text, b.Top, b.Bottom)
					}
				}
				if width == 320 && path == "/embed/all" {
					tab.Screenshot("loader-embed-all-320")
				}
			})
		}
	}
}
