package main

import (
	"net/http"
	"net/url"
	"sync"
	"testing"
	"time"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// holdWasmOnServer delays /web/app.wasm until release is called (or a minute
// passes), so that a test acts on the prerendered page first.
func holdWasmOnServer() (wrap func(http.Handler) http.Handler, release func()) {
	hold := make(chan struct{})
	var once sync.Once
	release = func() { once.Do(func() { close(hold) }) }
	wrap = func(h http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/web/app.wasm" {
				select {
				case <-hold:
				case <-time.After(time.Minute):
				case <-r.Context().Done():
					return
				}
			}
			h.ServeHTTP(w, r)
		})
	}
	return wrap, release
}

// A reader on a slow phone types, drags and chooses while the wasm is on
// its way: when it starts, nothing of that is lost, the results follow
// it, the link carries it, and the field the reader was typing in keeps
// the focus.
func TestBrowserTypingBeforeTheWasmIsKept(t *testing.T) {
	wrap, letGo := holdWasmOnServer()
	t.Cleanup(letGo)
	s := startRelease(t, "", release{version: "early-1", wrap: wrap})
	tab := browsertest.New(t, browsertest.Fresh())
	// Not tab.Navigate: the held wasm (preloaded) delays the load event.
	browsertest.Call(tab, page.Navigate, page.NavigateParams{URL: s.url() + "/"})
	tab.WaitFor("the prerendered page, before the wasm", func() (bool, string) {
		ok, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`!!document.getElementById("in-workforce") && !!document.getElementById("app-wasm-loader") && document.readyState !== "loading"`))
		return err == nil && ok, ""
	})

	// Real keys into the prerendered field and slider; a choice in the
	// select as a reader makes it (the page has no script of its own yet).
	typeInto(tab, "#in-workforce", "300000")
	browsertest.Eval[bool](tab, `(() => { const s = document.getElementById("slider-aws_growth"); s.scrollIntoView({block: "center"}); s.focus(); return true; })()`)
	for range 5 {
		tab.Run(chromedp.KeyEvent(kb.ArrowRight)) // 24 → 24.5 in steps of 0.1
	}
	browsertest.Eval[bool](tab, `(() => { const s = document.getElementById("opt-digits"); s.value = "0"; return true; })()`)
	// Back into the workforce field, caret after "3000".
	browsertest.Eval[bool](tab, `(() => { const e = document.getElementById("in-workforce"); e.focus(); e.setSelectionRange(4, 4); return true; })()`)
	if still := browsertest.Eval[bool](tab, `!!document.getElementById("app-wasm-loader")`); !still {
		t.Fatal("the wasm ran before the reader acted: the test tests nothing")
	}
	if v := browsertest.Eval[string](tab, `document.getElementById("slider-aws_growth").value`); v != "24.5" {
		t.Fatalf("the prerendered slider is at %q after five ArrowRight presses, want 24.5", v)
	}

	letGo()
	wasmReady(tab)
	// 30,000 jobs (14,000 + 16,000) of 300,000 = 10%, with 0 decimals.
	tab.WaitText("#cmp-cut_share_total .value", "10%")
	if got := browsertest.Eval[string](tab, `document.getElementById("in-workforce").value`); got != "300000" {
		t.Errorf("workforce field = %q after the wasm started, want the reader's 300000", got)
	}
	if got := browsertest.Eval[string](tab, `document.getElementById("in-aws_growth").value`); got != "24.5" {
		t.Errorf("AWS growth field = %q, want 24.5 from the slider the reader moved", got)
	}
	if got := browsertest.Eval[string](tab, `document.getElementById("opt-digits").value`); got != "0" {
		t.Errorf("decimals = %q, want the reader's 0", got)
	}
	tab.WaitFor("the link to carry the reader's values", func() (bool, string) {
		u, _ := url.Parse(browsertest.Eval[string](tab, `location.href`))
		q := u.Query()
		return q.Get("workforce") == "300000" && q.Get("aws_growth") == "24.5" && q.Get("digits") == "0", u.RawQuery
	})
	tab.WaitFor("the focus back in the workforce field, caret where it was", func() (bool, string) {
		got := browsertest.Eval[string](tab, `(() => { const e = document.activeElement; return (e && e.id) + ":" + (e && e.selectionStart); })()`)
		return got == "in-workforce:4", got
	})
	if text := tab.Text("#field-aws_growth .badge:not(.unchanged)"); text != "changed" {
		t.Errorf("AWS growth field's shown badge reads %q, want changed", text)
	}
	// The page still works: the wasm did not stop on the way.
	typeInto(tab, "#in-workforce", "600000")
	tab.WaitText("#cmp-cut_share_total .value", "5%") // 30,000 of 600,000
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
}
