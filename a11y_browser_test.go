package main

import (
	"encoding/json"
	"os"
	"strings"
	"testing"
	"time"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// axeViolation is the part of an axe-core result a failure message needs.
type axeViolation struct {
	ID     string `json:"id"`
	Impact string `json:"impact"`
	Help   string `json:"help"`
	Nodes  []struct {
		Target []any  `json:"target"`
		HTML   string `json:"html"`
	} `json:"nodes"`
}

// runAxe injects axe-core (through DevTools, so the page's CSP does not
// apply) and returns the WCAG 2.1 A/AA violations.
func runAxe(t *testing.T, tab *browsertest.Tab) []axeViolation {
	t.Helper()
	src, err := os.ReadFile("testdata/npm/node_modules/axe-core/axe.min.js")
	if err != nil {
		t.Fatalf("axe-core: %v (run scripts/deps.sh)", err)
	}
	if _, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](string(src)+";true")); err != nil {
		t.Fatalf("inject axe: %v", err)
	}
	out := browsertest.Eval[string](tab, `axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`)
	var vs []axeViolation
	if err := json.Unmarshal([]byte(out), &vs); err != nil {
		t.Fatal(err)
	}
	return vs
}

func TestBrowserAccessibility(t *testing.T) {
	srv := server(t)
	// First prove the check can fail: a page with known violations.
	bad := browsertest.New(t)
	bad.Navigate(`data:text/html,<html><body><img src="x.png"><input type="text"></body></html>`)
	found := map[string]bool{}
	for _, v := range runAxe(t, bad) {
		found[v.ID] = true
	}
	if !found["image-alt"] || !found["label"] {
		t.Fatalf("axe-core missed known violations: %v", found)
	}

	routes := append(sortedKeys(prerendered), "/?workforce=abc&exact=1")
	for _, path := range routes {
		for _, scheme := range []string{"light", "dark"} {
			for _, js := range []bool{true, false} {
				opts := []browsertest.Option{browsertest.LightScheme()}
				if scheme == "dark" {
					opts[0] = browsertest.DarkScheme()
				}
				if !js {
					opts = append(opts, browsertest.NoScripts())
				}
				tab := browsertest.New(t, opts...)
				tab.Navigate(srv.URL + path)
				if js {
					wasmReady(tab)
				}
				for _, v := range runAxe(t, tab) {
					var where []string
					for _, n := range v.Nodes {
						where = append(where, strings.TrimSpace(n.HTML))
						if len(where) == 3 {
							break
						}
					}
					t.Errorf("%s (%s, js=%v): %s [%s] %s: %q", path, scheme, js, v.ID, v.Impact, v.Help, where)
				}
			}
		}
	}
}

// Keyboard only: Tab reaches the workforce field and its slider in order,
// each with a visible focus ring; the arrow key moves the slider by its
// step (1,000) and the result changes: 30,000 / 351,000 = 8.547…% → ≈ 8.55%.
// The live region then announces the change once, not per keystroke.
func TestBrowserKeyboardOnly(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/embed/workforce")
	wasmReady(tab)
	var order []string
	for i := 0; i < 10; i++ {
		tab.Run(chromedp.KeyEvent("\t"))
		id := browsertest.Eval[string](tab, `document.activeElement.id`)
		order = append(order, id)
		if id == "in-workforce" || id == "slider-workforce" {
			ring := browsertest.Eval[string](tab, `getComputedStyle(document.activeElement).outlineStyle`)
			if ring == "none" {
				t.Errorf("%s has no visible focus ring", id)
			}
		}
		if id == "slider-workforce" {
			break
		}
	}
	if len(order) < 2 || order[len(order)-1] != "slider-workforce" || order[len(order)-2] != "in-workforce" {
		t.Fatalf("tab order %v: want the workforce field, then its slider", order)
	}
	browsertest.Eval[bool](tab, `(() => { window.__said = []; new MutationObserver(() => window.__said.push(document.querySelector("#announce").textContent)).observe(document.querySelector("#announce"), {childList: true, characterData: true, subtree: true}); return true; })()`)
	tab.Run(chromedp.KeyEvent(kb.ArrowRight))
	tab.WaitText("#cmp-cut_share_total .value", "≈ 8.55%")
	if got := browsertest.Eval[string](tab, `document.querySelector("#in-workforce").value`); got != "351000" {
		t.Errorf("after → the field reads %q, want 351000", got)
	}
	// Type a long number key by key: one announcement after the pause.
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
	if n != 1 || len(said) > 3 {
		t.Errorf("announcements %q: want the 10%% result announced once", said)
	}
}
