package main

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
)

// serverBytes fetches path from the test server.
func serverBytes(t *testing.T, srvURL, path string) []byte {
	t.Helper()
	res, err := http.Get(srvURL + path)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	if res.StatusCode != 200 {
		t.Fatalf("GET %s: %d", path, res.StatusCode)
	}
	return b
}

// TestBrowserShareAndDownloadChart: after the reader types a workforce of
// 300,000, "Copy link" puts the page's URL with that value on the real
// clipboard (or hands it to navigator.share where the browser has it);
// "SVG" saves, without asking the server, the very SVG the server draws
// for that URL; "PNG" downloads the server's PNG for it (a real download,
// decoded). All of it under the page's CSP, with no console error.
func TestBrowserShareAndDownloadChart(t *testing.T) {
	srv := server(t)
	tab := clipboardTab(t, srv.URL)
	tab.Navigate(srv.URL + "/embed/workforce")
	wasmReady(tab)
	typeInto(tab, "#in-workforce", "300000")
	// 30,000 / 300,000 = 10 %.
	tab.WaitText("#cmp-cut_share_total .value", "10%")
	want := srv.URL + "/embed/workforce?workforce=300000"

	// Copy link, to the clipboard.
	browsertest.Eval[bool](tab, `navigator.clipboard.writeText("not copied yet").then(() => true)`)
	tab.Run(chromedp.Click(chromedp.CSS("#copy-link-workforce")))
	var got string
	tab.WaitFor("the clipboard to be written", func() (bool, string) {
		got = readClipboard(tab)
		return got != "not copied yet", got
	})
	if got != want {
		t.Errorf("Copy link put %q on the clipboard, want %q", got, want)
	}
	tab.WaitText("#share-status-workforce", "Link copied.")
	// Said in the board's one live region too.
	tab.WaitText("#announce", "Link copied.")
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("[aria-live]").length`); n != 1 {
		t.Errorf("%d live regions, want 1", n)
	}

	// Where the browser has a share sheet, the link goes to it.
	browsertest.Eval[bool](tab, `(() => { Object.defineProperty(navigator, "share", {configurable: true,
		value: d => { window.__shared = d; return Promise.resolve(); }}); return true; })()`)
	tab.Run(chromedp.Click(chromedp.CSS("#copy-link-workforce")))
	tab.WaitFor("navigator.share to be called", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!!window.__shared`), ""
	})
	if u := browsertest.Eval[string](tab, `window.__shared.url`); u != want {
		t.Errorf("navigator.share got %q, want %q", u, want)
	}

	// SVG: drawn in the browser, byte for byte the server's.
	wantSVG := serverBytes(t, srv.URL, "/chart/workforce.svg?workforce=300000")
	before := len(tab.Requests())
	browsertest.Eval[bool](tab, `(() => { const o = URL.createObjectURL.bind(URL);
		URL.createObjectURL = b => { window.__blob = b; return o(b); }; return true; })()`)
	tab.Run(chromedp.Click(chromedp.CSS("#download-svg-workforce")))
	tab.WaitFor("the SVG blob", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!!window.__blob`), ""
	})
	b64 := browsertest.Eval[string](tab, `window.__blob.arrayBuffer().then(b => {
		let s = ""; for (const c of new Uint8Array(b)) s += String.fromCharCode(c); return btoa(s); })`)
	svg, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(svg, wantSVG) {
		t.Errorf("the browser's SVG (%d bytes) differs from the server's (%d bytes)\nbrowser: %.400q\nserver:  %.400q", len(svg), len(wantSVG), svg, wantSVG)
	}
	if typ := browsertest.Eval[string](tab, `window.__blob.type`); typ != "image/svg+xml" {
		t.Errorf("blob type %q", typ)
	}
	for _, u := range tab.Requests()[before:] {
		if strings.Contains(u, "/chart/") {
			t.Errorf("the SVG download asked the server: %s", u)
		}
	}

	// PNG: a real download of the server's image for the scenario on
	// screen (the link was written for the page as served, without it).
	dir := t.TempDir()
	browsertest.Call(tab, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
		Behavior: browser.SetDownloadBehaviorBehaviorAllow, DownloadPath: dir})
	t.Cleanup(func() {
		browsertest.Call(tab, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorDefault})
	})
	tab.Run(chromedp.Click(chromedp.CSS("#download-png-workforce")))
	file := filepath.Join(dir, "amazon-workforce.png")
	var png []byte
	tab.WaitFor("the PNG download", func() (bool, string) {
		png, err = os.ReadFile(file)
		entries, _ := os.ReadDir(dir)
		return err == nil && len(png) > 0, fmt.Sprint(entries)
	})
	wantPNG := serverBytes(t, srv.URL, "/chart/workforce.png?workforce=300000")
	if !bytes.Equal(decodePNG(t, png).Pix, decodePNG(t, wantPNG).Pix) {
		t.Error("the downloaded PNG is not the server's for workforce=300000")
	}
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors (CSP?): %v", errs)
	}
}

// TestBrowserChartSVGDownloadOffline: with the server stopped, a page
// opened from the service worker's cache still saves its chart as SVG,
// the same bytes the server drew for that URL while it was up.
func TestBrowserChartSVGDownloadOffline(t *testing.T) {
	s := startStoppable(t, "", "share-offline-v1")
	tab := browsertest.New(t, browsertest.Fresh())
	tab.Navigate(s.url() + "/embed/workforce")
	wasmReady(tab)
	swControls(tab)
	want := serverBytes(t, s.url(), "/chart/workforce.svg?workforce=300000")
	s.stop() // offline for real

	tab.Navigate(s.url() + "/embed/workforce?workforce=300000")
	wasmReady(tab)
	tab.WaitText("#cmp-cut_share_total .value", "10%") // 30,000 / 300,000
	browsertest.Eval[bool](tab, `(() => { const o = URL.createObjectURL.bind(URL);
		URL.createObjectURL = b => { window.__blob = b; return o(b); }; return true; })()`)
	tab.Run(chromedp.Click(chromedp.CSS("#download-svg-workforce")))
	tab.WaitFor("the SVG blob", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!!window.__blob`), ""
	})
	b64 := browsertest.Eval[string](tab, `window.__blob.arrayBuffer().then(b => {
		let s = ""; for (const c of new Uint8Array(b)) s += String.fromCharCode(c); return btoa(s); })`)
	got, err := base64.StdEncoding.DecodeString(b64)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("offline, the SVG (%d bytes) differs from the server's (%d bytes)", len(got), len(want))
	}
}
