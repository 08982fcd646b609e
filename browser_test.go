package main

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"testing"
	"time"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"
)

func TestMain(m *testing.M) { browsertest.Main(m) }

// wasmReady waits until go-app removed its loader (the wasm runs) and
// the board drew what its first render left for later (the mark
// amz:board-complete, widget/board_later.go).
func wasmReady(tab *browsertest.Tab) {
	tab.WaitFor("the wasm to start (loader removed) and the board to be complete", func() (bool, string) {
		// Errors are tolerated while polling: the page may be reloading.
		gone, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`document.getElementById("app-wasm-loader") === null && !!document.querySelector(".value") && performance.getEntriesByName("amz:board-complete").length > 0`))
		label, _ := chromedp.Run(tab.Ctx, chromedp.Evaluate[string](`(document.getElementById("app-wasm-loader-label")||{}).textContent || ""`))
		return err == nil && gone, label
	})
}

// typeInto replaces an input's text the way a reader does: select it all,
// then type the keys.
func typeInto(tab *browsertest.Tab, sel, text string) {
	browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.focus(); e.select(); return true; })()`, sel))
	if text == "" {
		tab.Run(chromedp.KeyEvent("\b"))
		return
	}
	// chromedp.SendKeys looks the node up by a DOM node id, which a
	// document update in between can invalidate ("Could not find node
	// with given id", seen once in make test while the wasm was held):
	// then the node is looked up again, once.
	if _, err := chromedp.Run(tab.Ctx, chromedp.SendKeys(chromedp.CSS(sel), text)); err != nil {
		if !strings.Contains(err.Error(), "Could not find node") {
			tab.Fatalf("typing %q into %s: %v", text, sel, err)
		}
		browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.focus(); e.select(); return true; })()`, sel))
		tab.Run(chromedp.SendKeys(chromedp.CSS(sel), text))
	}
}

// pasteInto replaces an input's text in one input event, as a paste does:
// the field never holds a valid prefix of the text on the way.
func pasteInto(tab *browsertest.Tab, sel, text string) {
	browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { const e = document.querySelector(%q); e.focus(); e.select(); return true; })()`, sel))
	if text == "" {
		tab.Run(chromedp.KeyEvent("\b"))
		return
	}
	browsertest.Call(tab, input.InsertText, input.InsertTextParams{Text: text})
}

// numbersVisible checks that the element's centre is not covered by
// anything else (go-app's loader, say) and that it has a size.
func numbersVisible(tab *browsertest.Tab, sel string) (bool, string) {
	return browsertest.Eval[bool](tab, fmt.Sprintf(`(() => {
		const e = document.querySelector(%q); if (!e) return false;
		e.scrollIntoView({block: "center"});
		const r = e.getBoundingClientRect(); if (r.width < 1 || r.height < 1) return false;
		const top = document.elementFromPoint(r.left + r.width/2, r.top + r.height/2);
		return top !== null && (e === top || e.contains(top));
	})()`, sel)), tab.Text(sel)
}

func noBadText(t *testing.T, tab *browsertest.Tab) {
	t.Helper()
	body := tab.Text("body")
	for _, bad := range []string{"NaN", "Infinity", "undefined", "−0%", "-0%", "e+"} {
		if strings.Contains(body, bad) {
			t.Errorf("page shows %q", bad)
		}
	}
}

func TestBrowserPagesWithJavaScriptOff(t *testing.T) {
	srv := server(t)
	for _, path := range sortedKeys(prerendered) {
		tab := browsertest.New(t, browsertest.JSDisabled())
		tab.Navigate(srv.URL + path)
		text := tab.Text("body")
		for _, w := range prerendered[path] {
			if !strings.Contains(text, w) {
				t.Errorf("%s without JS: lacks %q", path, w)
			}
		}
		// The loader must not cover the prerendered numbers.
		if ok, seen := numbersVisible(tab, ".value"); !ok {
			t.Errorf("%s without JS: the first result is covered or hidden (%q)", path, seen)
		}
		noBadText(t, tab)
	}
}

func TestBrowserPagesWithJavaScriptOn(t *testing.T) {
	srv := server(t)
	for _, path := range sortedKeys(prerendered) {
		tab := browsertest.New(t)
		tab.Navigate(srv.URL + path)
		wasmReady(tab)
		text := tab.Text("body")
		for _, w := range prerendered[path] {
			if !strings.Contains(text, w) {
				t.Errorf("%s with JS: lacks %q", path, w)
			}
		}
		if ok, seen := numbersVisible(tab, ".value"); !ok {
			t.Errorf("%s with JS: the first result is covered or hidden (%q)", path, seen)
		}
		noBadText(t, tab)
		if errs := tab.ConsoleErrors(); len(errs) > 0 {
			t.Errorf("%s: console errors: %q", path, errs)
		}
		if foreign := tab.ForeignRequests(srv.URL); len(foreign) > 0 {
			t.Errorf("%s: requests to other origins: %q", path, foreign)
		}
		if n := len(tab.Requests()); n < 3 {
			t.Errorf("%s: only %d requests recorded: is request recording broken?", path, n)
		}
	}
}

// The acceptance test of issues 2 and 3: a reader changes the workforce
// to 300,000; 30,000 / 300,000 is exactly 10 %, so the "about 10 %" claim
// turns consistent, the URL carries the value, and the same URL without
// JavaScript prerenders 10 %.
func TestBrowserTypingRecomputesAndSharesByURL(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	tab.WaitText("#cmp-cut_share_total .value", "≈ 8.57%")
	tab.WaitText("#claim-claim_cut_share_total .outcome", "Overstated")
	before := tab.Text("#cmp-capex_vs_estimate_diff .value")

	typeInto(tab, "#in-workforce", "300000")
	tab.WaitText("#cmp-cut_share_total .value", "10%")
	if got := tab.Text("#cmp-cut_share_total .value"); got != "10%" {
		t.Errorf("total share = %q, want exactly 10%%", got)
	}
	tab.WaitText("#cmp-cut_share_oct2025 .value", "≈ 4.67%") // 14000/300000 = 4.666…%
	tab.WaitText("#claim-claim_cut_share_total .outcome", "Consistent")
	tab.WaitText("#field-workforce .badge:not(.unchanged)", "changed") // the badge shown, not the hidden one holding its place
	if got := tab.Text("#cmp-capex_vs_estimate_diff .value"); got != before {
		t.Errorf("an unrelated result changed: %q → %q", before, got)
	}
	var loc string
	tab.WaitFor("the URL to carry workforce=300000", func() (bool, string) {
		loc = browsertest.Eval[string](tab, "location.href")
		u, _ := url.Parse(loc)
		return u.Query().Get("workforce") == "300000" && len(u.Query()) == 1, loc
	})

	// The shared link, without JavaScript: prerendered with the reader's value.
	off := browsertest.New(t, browsertest.JSDisabled())
	off.Navigate(loc)
	if got := off.Text("#cmp-cut_share_total .value"); got != "10%" {
		t.Errorf("shared link without JS: total share %q, want 10%%", got)
	}
	if got := off.Text("#claim-claim_cut_share_total .outcome"); !strings.Contains(got, "Consistent") {
		t.Errorf("shared link without JS: claim verdict %q, want Consistent", got)
	}

	// Reset puts the article's figure back, and the URL loses the value.
	tab.Run(chromedp.Click(chromedp.CSS("#reset-workforce")))
	tab.WaitText("#cmp-cut_share_total .value", "≈ 8.57%")
	tab.WaitFor("the URL to drop workforce", func() (bool, string) {
		loc = browsertest.Eval[string](tab, "location.href")
		return !strings.Contains(loc, "workforce="), loc
	})
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// badInputs is what a reader may type into the workforce field, and the
// words of the message that must appear next to it.
var badInputs = []struct{ in, msg string }{
	{"", "enter a number"},
	{"abc", "not a number"},
	{"12abc", "not a number"},
	{"-5", "must be zero or more"},
	{"1e6", "exponents"},
	{"1,23,456", "groups"},
	{"3.5", "whole number"},
	{strings.Repeat("9", 70), "too long"},
	{strings.Repeat("9", 31), "too precise"},
}

// commitPause is longer than the board's commit delay (700 ms): after it,
// a finished value is in the URL.
const commitPause = 1200 * time.Millisecond

func TestBrowserBadInputKeepsEverythingElse(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/embed/workforce")
	wasmReady(tab)
	// A valid value first, so "the last valid value" differs from the article's.
	typeInto(tab, "#in-workforce", "300000")
	tab.WaitText("#cmp-cut_share_total .value", "10%")
	// After a pause the value is committed: the URL carries it.
	tab.WaitFor("the URL to carry workforce=300000", func() (bool, string) {
		q := browsertest.Eval[string](tab, "location.search")
		return q == "?workforce=300000", q
	})
	// Typed key by key, "1e6" and "3.5" pass through valid prefixes ("1",
	// "3"); once refused, the results go back to the committed 300,000,
	// the message says so, and the URL never carries the prefix.
	for _, typed := range []string{"1e6", "3.5"} {
		typeInto(tab, "#in-workforce", typed)
		tab.WaitText("#msg-workforce", "the results use 300,000")
		tab.WaitText("#cmp-cut_share_total .value", "10%")
		time.Sleep(commitPause)
		if q := browsertest.Eval[string](tab, "location.search"); q != "?workforce=300000" {
			t.Errorf("after typing %q the URL is %q", typed, q)
		}
	}
	others := map[string]string{}
	for _, id := range []string{"#cmp-cut_total .value", "#in-cut_oct2025", "#cmp-cut_share_oct2025 .value"} {
		others[id] = tab.Text(id) + "|" + browsertest.Eval[string](tab, fmt.Sprintf(`document.querySelector(%q).value || ""`, id))
	}
	for _, bad := range badInputs {
		pasteInto(tab, "#in-workforce", bad.in)
		tab.WaitText("#msg-workforce", bad.msg)
		if !browsertest.Eval[bool](tab, `document.querySelector("#field-workforce").classList.contains("invalid")`) {
			t.Errorf("%q: field not marked invalid", bad.in)
		}
		if got := browsertest.Eval[string](tab, `document.querySelector("#in-workforce").getAttribute("aria-invalid")`); got != "true" {
			t.Errorf("%q: aria-invalid = %q", bad.in, got)
		}
		if got := tab.Text("#cmp-cut_share_total .value"); got != "10%" {
			t.Errorf("%q: result changed to %q; want the last valid value's 10%%", bad.in, got)
		}
		for id, was := range others {
			if now := tab.Text(id) + "|" + browsertest.Eval[string](tab, fmt.Sprintf(`document.querySelector(%q).value || ""`, id)); now != was {
				t.Errorf("%q: %s changed: %q → %q", bad.in, id, was, now)
			}
		}
		noBadText(t, tab)
	}
	// Zero: a valid number, but the shares can't be computed; nothing else breaks.
	typeInto(tab, "#in-workforce", "0")
	tab.WaitText("#cmp-cut_share_total .value", "Can't be computed")
	tab.WaitText("#cmp-cut_share_total .value", "workforce is zero")
	if got := tab.Text("#cmp-cut_total .value"); got != "30,000" {
		t.Errorf("workforce 0: total cuts %q, want 30,000", got)
	}
	tab.WaitText("#claim-claim_cut_share_total .outcome", "Cannot be checked")
	// Cuts larger than the workforce: computed, over 100 %.
	typeInto(tab, "#in-workforce", "20000")
	tab.WaitText("#cmp-cut_share_total .value", "150%")
	// Separators and a decimal comma are accepted.
	typeInto(tab, "#in-workforce", "300 000")
	tab.WaitText("#cmp-cut_share_total .value", "10%")
	noBadText(t, tab)
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}

// A bad value in a shared link: the page answers 200 with the article's
// value, a note, and never the raw text.
func TestBrowserBadURLValue(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t, browsertest.JSDisabled())
	tab.Navigate(srv.URL + "/?workforce=%3Cb%3Ebold%3C%2Fb%3E&cut_jan2026=-5")
	if got := tab.Text("#cmp-cut_share_total .value"); got != "≈ 8.57%" {
		t.Errorf("total share %q, want the article's ≈ 8.57%%", got)
	}
	tab.WaitText("#url-problems", "workforce")
	tab.WaitText("#url-problems", "cut_jan2026")
	tab.WaitText("#msg-workforce", "not a number")
	if n := browsertest.Eval[int](tab, `document.querySelectorAll("b").length`); n != 0 {
		t.Errorf("%d <b> elements: the raw value reached the page", n)
	}
	if strings.Contains(tab.Text("body"), "bold") {
		t.Error("the raw value's text is on the page")
	}

	// With the wasm: once the reader finishes an edit elsewhere, the URL
	// holds the values in force and the notice about the link goes
	// (issue 18 found it stayed).
	live := browsertest.New(t)
	live.Navigate(srv.URL + "/?workforce=abc")
	wasmReady(live)
	live.WaitText("#url-problems", "workforce")
	typeInto(live, "#in-capex_2026", "250")
	live.Run(chromedp.KeyEvent("\t")) // leaving the field commits
	live.WaitFor("the notice to go and the URL to drop the refused value", func() (bool, string) {
		gone := browsertest.Eval[bool](live, `!document.getElementById("url-problems")`)
		href := browsertest.Eval[string](live, `location.search`)
		return gone && !strings.Contains(href, "workforce") && strings.Contains(href, "capex_2026=250"), href
	})
	live.WaitText("#msg-workforce", "not a number") // the field's own message stays
}

// Each embed page recomputes live too.
func TestBrowserEmbedCapexRecomputes(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/embed/capex")
	wasmReady(tab)
	typeInto(tab, "#in-capex_2026", "250")
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", "$101.14 billion") // 250 − 148.86
	tab.WaitText("#cmp-hyperscaler_capex_sum .value", "$690–720 billion") // 250+175+115+150, 250+185+135+150
}

func sortedKeys[V any](m map[string]V) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// The display options: decimals and exact repeating expansions, kept in
// the URL. 30,000 / 350,000 = 8.571428 571428…%.
func TestBrowserDisplayOptions(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/embed/workforce")
	wasmReady(tab)
	// On an embed the display options are with the other assumptions.
	tab.Run(chromedp.Click(chromedp.CSS("#assumptions-workforce > summary")))
	tab.Run(chromedp.Click(chromedp.CSS("#opt-exact-workforce")))
	tab.WaitText("#cmp-cut_share_total .value", "8.(571428)%")
	tab.WaitText("#cmp-cut_share_jan2026 .value", "4.(571428)%")
	browsertest.Eval[bool](tab, `(() => { const s = document.querySelector("#opt-digits-workforce"); s.value = "4"; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`)
	tab.Run(chromedp.Click(chromedp.CSS("#opt-exact-workforce")))
	tab.WaitText("#cmp-cut_share_total .value", "≈ 8.5714%")
	tab.WaitFor("the URL to carry digits=4 and no exact", func() (bool, string) {
		loc := browsertest.Eval[string](tab, "location.search")
		return loc == "?digits=4", loc
	})
	off := browsertest.New(t, browsertest.JSDisabled())
	off.Navigate(srv.URL + "/embed/workforce?exact=1&digits=0")
	if got := off.Text("#cmp-cut_share_total .value"); got != "8.(571428)%" {
		t.Errorf("exact=1 without JS: %q, want 8.(571428)%%", got)
	}
	if got := off.Text("#cmp-cut_total .value"); got != "30,000" {
		t.Errorf("exact=1 without JS: total cuts %q", got)
	}
}

// A field shows its value in the page's number format, also when a link's
// refused value put the article's value back (issue 18 #3): in French,
// "148,86"; one more digit typed at its end reads as 148.865, never as
// 148 865 (which made the result −148 665 Md $).
func TestBrowserFieldsInThePageLocale(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/embed/capex?lang=fr&capex_2026_estimate=oops&controls=open")
	wasmReady(tab)
	if got := browsertest.Eval[string](tab, `document.querySelector("#in-capex_2026_estimate").value`); got != "148,86" {
		t.Errorf("the refused link value left %q in the field, want 148,86", got)
	}
	// Text() folds no-break spaces into spaces.
	if got := tab.Text("#field-capex_2026 .msg"); !strings.Contains(got, "200 Md $") {
		t.Errorf("the lead field's hint %q is not in French format", got)
	}
	browsertest.Eval[bool](tab, `(() => { const e = document.querySelector("#in-capex_2026_estimate"); e.focus(); e.setSelectionRange(e.value.length, e.value.length); return true; })()`)
	tab.Run(chromedp.SendKeys(chromedp.CSS("#in-capex_2026_estimate"), "5"))
	// 200 − 148.865 = 51.135, shown with two decimals: ≈ 51,14 Md $.
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", "51,14")
	if got := tab.Text("#cmp-capex_vs_estimate_diff .value"); strings.Contains(got, "148") || strings.Contains(got, "−") {
		t.Errorf("after typing 5: %q", got)
	}
	// Money typed as the French page writes it, "250 $": 250 − 148.865 =
	// 101.135 ≈ 101,14 (issue 18 found it refused as "not a number").
	typeInto(tab, "#in-capex_2026", "250 $")
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", "101,14")
	if msg := tab.Text("#field-capex_2026 .msg"); strings.Contains(msg, "number") {
		t.Errorf("250 $ was refused: %q", msg)
	}
}
