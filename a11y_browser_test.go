package main

import (
	"encoding/base64"
	"fmt"
	"io"
	"net/http"
	"os"
	"strings"
	"testing"
	"time"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// a11yRoutes are the pages axe checks and the tests photograph.
var a11yRoutes = []string{"/", "/embed/workforce", "/embed/capex", "/embed/growth", "/embed/all"}

// axeViolations injects axe-core through the DevTools protocol (not a
// <script> tag, which the CSP would refuse) and returns the WCAG 2.1 A/AA
// violations, one line each.
func axeViolations(t *testing.T, tab *browsertest.Tab) []string {
	t.Helper()
	src, err := os.ReadFile("testdata/npm/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core is not installed (run make deps): %v", err)
	}
	browsertest.Eval[bool](tab, string(src)+";true")
	out := browsertest.Eval[[]string](tab, `axe.run(document, {
		runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
		resultTypes: ["violations"]
	}).then(r => r.violations.map(v => v.id + " (" + v.impact + "): " + v.help + " — " +
		v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(" | ")))`)
	return out
}

// TestBrowserAccessibilityAndScreenshots runs axe-core on every route in
// the light and dark scheme (and with theme=dark in the URL), with
// JavaScript on and off, and saves screenshots at 320 and 1280 px.
func TestBrowserAccessibilityAndScreenshots(t *testing.T) {
	srv := server(t)
	// First prove the check can fail: a page with known violations.
	bad := browsertest.New(t)
	bad.Navigate(`data:text/html,<html><body><img src="x.png"><input type="text"></body></html>`)
	if vs := strings.Join(axeViolations(t, bad), "\n"); !strings.Contains(vs, "image-alt") || !strings.Contains(vs, "label") {
		t.Fatalf("axe-core missed known violations: %s", vs)
	}
	type variant struct {
		name  string
		query string
		opts  []browsertest.Option
		js    bool
		width int
	}
	var variants []variant
	for _, sch := range []struct {
		name, query string
		opt         browsertest.Option
	}{
		{"light", "", browsertest.LightScheme()},
		{"dark", "", browsertest.DarkScheme()},
		{"darkparam", "theme=dark", browsertest.LightScheme()},
	} {
		for _, w := range []int{1280, 320} {
			variants = append(variants, variant{sch.name, sch.query, []browsertest.Option{sch.opt, browsertest.Viewport(w, 900)}, true, w})
		}
		// Scripts blocked rather than disabled: DevTools can still run axe.
		variants = append(variants, variant{sch.name + "-nojs", sch.query, []browsertest.Option{sch.opt, browsertest.NoScripts()}, false, 1280})
	}
	for _, route := range a11yRoutes {
		for _, v := range variants {
			name := strings.Trim(strings.ReplaceAll(route, "/", "-"), "-")
			if name == "" {
				name = "dashboard"
			}
			t.Run(name+"/"+v.name+fmt.Sprint("-", v.width), func(t *testing.T) {
				tab := browsertest.New(t, v.opts...)
				u := srv.URL + route
				if v.query != "" {
					u += "?" + v.query
				}
				tab.Navigate(u)
				if v.js {
					wasmReady(tab)
				}
				if vs := axeViolations(t, tab); len(vs) > 0 {
					t.Errorf("axe: %d violations:\n%s", len(vs), strings.Join(vs, "\n"))
				}
				if v.name != "darkparam" && v.js || v.name == "light-nojs" && false {
					tab.Screenshot(fmt.Sprintf("%s-%s-%d", name, v.name, v.width))
				}
			})
		}
	}
}

// chartWidth returns the width attribute of the Both-rounds bar.
func chartWidth(tab *browsertest.Tab) string {
	return browsertest.Eval[string](tab, `(() => { const r = document.querySelectorAll("#chart-workforce rect.bar"); return r.length ? r[r.length-1].getAttribute("width") : ""; })()`)
}

// TestBrowserKeyboardOnly reaches the workforce slider with Tab alone,
// moves it with an arrow key, and sees the result and the chart change.
func TestBrowserKeyboardOnly(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/embed/workforce")
	wasmReady(tab)
	beforeCard := tab.Text("#cmp-cut_share_total .value")
	beforeBar := chartWidth(tab)
	// 30000/350000 = 8.(571428) %: ≈ 8.57%; on a scale of 0–100 % drawn
	// 1000 units wide, the bar is 1000 × 30000/350000 = 85.714… → 85.71.
	if !strings.Contains(beforeCard, "8.57%") || beforeBar != "85.71" {
		t.Fatalf("before: card %q, bar %q", beforeCard, beforeBar)
	}
	var path []string
	for i := 0; i < 30; i++ {
		tab.Run(chromedp.KeyEvent(kb.Tab))
		id := browsertest.Eval[string](tab, `document.activeElement ? document.activeElement.id : ""`)
		path = append(path, id)
		if id == "slider-workforce" {
			break
		}
	}
	if path[len(path)-1] != "slider-workforce" {
		t.Fatalf("Tab never reached the slider; focus went %v", path)
	}
	if path[0] != "in-workforce" {
		t.Errorf("first Tab stop is %q, want the workforce field", path[0])
	}
	// A visible focus ring on the slider.
	if ol := browsertest.Eval[string](tab, `getComputedStyle(document.activeElement).outlineStyle`); ol == "none" {
		t.Error("focused slider has no outline")
	}
	tab.Run(chromedp.KeyEvent(kb.ArrowRight))
	tab.WaitFor("the result to change", func() (bool, string) {
		s := tab.Text("#cmp-cut_share_total .value")
		return s != beforeCard, s
	})
	after := chartWidth(tab)
	if after == beforeBar || after == "" {
		t.Errorf("chart bar did not change: %q → %q", beforeBar, after)
	}
	// The change is announced once, after the pause, in the live region.
	tab.WaitText("#announce", "Both rounds as a share of the corporate workforce")
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("[aria-live]").length`); n != 1 {
		t.Errorf("%d live regions, want 1", n)
	}
}

// TestBrowserDownloadMatchesServer: the CSV the browser builds for a URL
// state is byte for byte the server's /data.csv for the same state.
func TestBrowserDownloadMatchesServer(t *testing.T) {
	srv := server(t)
	for _, kind := range []string{"csv", "json"} {
		res, err := http.Get(srv.URL + "/data." + kind + "?workforce=300000")
		if err != nil {
			t.Fatal(err)
		}
		want, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("/data.%s: %d", kind, res.StatusCode)
		}
		tab := browsertest.New(t)
		tab.Navigate(srv.URL + "/embed/workforce?workforce=300000")
		wasmReady(tab)
		// Capture the Blob the download link makes.
		browsertest.Eval[bool](tab, `(() => { const o = URL.createObjectURL.bind(URL);
			URL.createObjectURL = b => { window.__blob = b; return o(b); }; return true; })()`)
		tab.Run(chromedp.Click(chromedp.CSS("#download-" + kind)))
		tab.WaitFor("the blob", func() (bool, string) {
			return browsertest.Eval[bool](tab, `!!window.__blob`), ""
		})
		b64 := browsertest.Eval[string](tab, `window.__blob.arrayBuffer().then(b => {
			let s = ""; for (const c of new Uint8Array(b)) s += String.fromCharCode(c); return btoa(s); })`)
		got, err := base64.StdEncoding.DecodeString(b64)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("%s: browser (%d bytes) and server (%d bytes) differ\nbrowser: %.300q\nserver:  %.300q", kind, len(got), len(want), got, want)
		}
		if kind == "csv" && !strings.Contains(string(got), "cut_share_total,Both rounds as a share of the corporate workforce,10,") {
			t.Errorf("csv lacks the hand-computed 30000/300000 = 10%% row")
		}
		if errs := tab.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("console errors (CSP?): %v", errs)
		}
	}
}

// Typing a long number key by key is announced once, after the pause,
// naming the result that changed (30,000 / 300,000 = 10%).
func TestBrowserAnnouncesOncePerChange(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/embed/workforce")
	wasmReady(tab)
	browsertest.Eval[bool](tab, `(() => { window.__said = []; new MutationObserver(() => window.__said.push(document.querySelector("#announce").textContent)).observe(document.querySelector("#announce"), {childList: true, characterData: true, subtree: true}); return true; })()`)
	typeInto(tab, "#in-workforce", "300000")
	tab.WaitText("#announce", "10%")
	time.Sleep(1200 * time.Millisecond)
	said := browsertest.Eval[[]string](tab, `window.__said`)
	n := 0
	for _, s := range said {
		if strings.Contains(s, "10%") {
			n++
		}
	}
	if n != 1 || len(said) > 2 {
		t.Errorf("announcements %q: want the 10%% result announced once", said)
	}
}
