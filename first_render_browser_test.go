package main

import (
	"encoding/json"
	"math"
	"os"
	"slices"
	"testing"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// laterProbe records, when go-app removes its loader (the end of the
// first render in the browser), what the page holds then.
const laterProbe = `(() => {
  let seen = false;
  const mo = new MutationObserver(() => {
    if (document.getElementById("app-wasm-loader")) seen = true;
    if (window.__atReady || !seen || document.getElementById("app-wasm-loader")) return;
    window.__atReady = JSON.stringify({
      elements: document.querySelectorAll(".board *").length,
      later: [...document.querySelectorAll(".later")].map(e => ({id: e.id, height: e.getBoundingClientRect().height})),
      claims: !!document.querySelector("#claims-capex .claims-list"),
      fields: !!document.querySelector("#assumptions-capex .fields"),
      y: window.scrollY});
  });
  mo.observe(document, {childList: true, subtree: true});
})();`

// atReady is what laterProbe records.
type atReady struct {
	Elements int
	Later    []struct {
		ID     string
		Height float64
	}
	Claims, Fields bool
	Y              float64
}

// firstRenderWeb is the web directory the first-render tests serve: the
// built one, or $FIRST_RENDER_WEB (to show that they fail on a build
// without widget/board_later.go).
func firstRenderWeb() string { return os.Getenv("FIRST_RENDER_WEB") }

// loaderGone waits until go-app removed its loader: the first render is
// done (wasmReady waits for the rest too).
func loaderGone(tab *browsertest.Tab) {
	tab.WaitFor("the wasm to start (loader removed)", func() (bool, string) {
		gone, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`document.getElementById("app-wasm-loader") === null && !!window.__atReady`))
		return err == nil && gone, ""
	})
}

// The dashboard's first render in the browser draws the headlines and the
// first topic, and holds the place of the rest at the prerendered height,
// so that a reader who scrolled the prerendered page down before the wasm
// ran stays where they were; the rest follows, complete.
func TestBrowserFirstRenderDrawsTheRestLater(t *testing.T) {
	wrap, letGo := holdWasmOnServer()
	t.Cleanup(letGo)
	s := startRelease(t, "", release{version: "later-1", wrap: wrap, webDir: firstRenderWeb()})
	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(1280, 900))
	browsertest.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: laterProbe})
	// Not tab.Navigate: the held wasm (preloaded) delays the load event.
	browsertest.Call(tab, page.Navigate, page.NavigateParams{URL: s.url() + "/"})
	tab.WaitFor("the prerendered page, before the wasm", func() (bool, string) {
		// With its stylesheets: before they come, the page is laid out
		// unstyled, several hundred pixels taller.
		ok, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`!!document.getElementById("topic-growth") && !!document.getElementById("app-wasm-loader") && document.readyState !== "loading" &&
		  [...document.querySelectorAll('link[rel="stylesheet"]')].every(l => l.sheet)`))
		return err == nil && ok, ""
	})
	// The reader scrolls the growth section to 100 px below the window's top.
	var pre struct {
		Heights map[string]float64
		IDs     []string
		Y       float64
	}
	json.Unmarshal([]byte(browsertest.Eval[string](tab, `(() => {
	  const g = document.getElementById("topic-growth");
	  window.scrollTo(0, g.getBoundingClientRect().top + window.scrollY - 100);
	  const heights = {};
	  for (const id of ["topic-workforce", "topic-capex", "topic-growth", "embed-code"]) heights[id] = document.getElementById(id).getBoundingClientRect().height;
	  return JSON.stringify({Heights: heights, IDs: [...document.querySelectorAll(".board [id]")].map(e => e.id).sort(), Y: window.scrollY});
	})()`)), &pre)
	if pre.Y < 1000 {
		t.Fatalf("the prerendered page scrolled to %v: the growth section should be far below the first screen", pre.Y)
	}
	letGo()
	loaderGone(tab)
	tab.WaitFor("the rest drawn", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!document.querySelector(".later") && !!document.getElementById("in-aws_growth") && !!document.querySelector("#embed-code .embed-choice")`), ""
	})

	var r atReady
	if err := json.Unmarshal([]byte(browsertest.Eval[string](tab, `window.__atReady || ""`)), &r); err != nil {
		t.Fatalf("no record of the loader's removal: %v", err)
	}
	var ids []string
	for _, l := range r.Later {
		ids = append(ids, l.ID)
		// The placeholder is as tall as the section it stands for was.
		if want, ok := pre.Heights[l.ID]; !ok || math.Abs(l.Height-want) > 0.5 {
			t.Errorf("placeholder #%s is %.1f px tall at the first render, the prerendered section %.1f px", l.ID, l.Height, want)
		}
	}
	if want := []string{"topic-capex", "topic-growth", "embed-code"}; !slices.Equal(ids, want) {
		t.Errorf("placeholders at the first render: %v, want %v (the first topic and the headlines drawn at once, the rest later)", ids, want)
	}
	end := browsertest.Eval[float64](tab, `document.querySelectorAll(".board *").length`)
	if float64(r.Elements) > end/2 {
		t.Errorf("the first render drew %d of the board's %v elements, want at most half", r.Elements, end)
	}
	if math.Abs(r.Y-pre.Y) > 1 {
		t.Errorf("the first render moved the page from %v to %v", pre.Y, r.Y)
	}
	var post struct {
		Y, Top float64
		IDs    []string
	}
	json.Unmarshal([]byte(browsertest.Eval[string](tab, `JSON.stringify({Y: window.scrollY, Top: document.getElementById("topic-growth").getBoundingClientRect().top,
	  IDs: [...document.querySelectorAll(".board [id]")].map(e => e.id).sort()})`)), &post)
	if math.Abs(post.Y-pre.Y) > 1 || math.Abs(post.Top-100) > 2 {
		t.Errorf("after the rest came, the page is at %v (was %v) and the growth section's top at %v px (was 100)", post.Y, pre.Y, post.Top)
	}
	// Everything the prerendered board had is there again.
	var missing []string
	for _, id := range pre.IDs {
		if _, ok := slices.BinarySearch(post.IDs, id); !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		t.Errorf("after the rest came, %d ids of the prerendered board are missing: %v", len(missing), missing)
	}
}

// An embed's first render in the browser leaves out the contents of its
// closed disclosures; they follow, and the prerendered page has them.
func TestBrowserFirstRenderEmbedDrawsClosedContentsLater(t *testing.T) {
	s := startRelease(t, "", release{version: "later-2", webDir: firstRenderWeb()})
	tab := browsertest.New(t, browsertest.Fresh(), browsertest.Viewport(600, 900))
	browsertest.Call(tab, page.AddScriptToEvaluateOnNewDocument, page.AddScriptToEvaluateOnNewDocumentParams{Source: laterProbe})
	tab.Navigate(s.url() + "/embed/capex")
	loaderGone(tab)
	tab.WaitFor("the closed disclosures' contents", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!!document.querySelector("#claims-capex .claims-list") && !!document.querySelector("#assumptions-capex .fields")`), ""
	})
	var r atReady
	if err := json.Unmarshal([]byte(browsertest.Eval[string](tab, `window.__atReady || ""`)), &r); err != nil {
		t.Fatalf("no record of the loader's removal: %v", err)
	}
	if r.Claims || r.Fields {
		t.Errorf("at the first render, claims list drawn: %v, assumption fields drawn: %v; want both left for later", r.Claims, r.Fields)
	}
	// Opened, the disclosure shows its fields.
	browsertest.Eval[bool](tab, `(() => { document.querySelector("#assumptions-capex summary").click(); return true; })()`)
	tab.WaitFor("the capex field in the opened disclosure", func() (bool, string) {
		return browsertest.Eval[bool](tab, `(() => { const e = document.getElementById("in-capex_2026_estimate"); return !!e && e.getBoundingClientRect().height > 0; })()`), ""
	})
}
