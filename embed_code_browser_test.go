package main

import (
	"fmt"
	"strings"
	"testing"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// grantPermissions is Browser.grantPermissions, which cdproto v0.159 no
// longer lists but Chromium still answers.
var grantPermissions = cdp.Command[grantPermissionsParams, cdp.Empty]{Method: "Browser.grantPermissions"}

type grantPermissionsParams struct {
	Permissions []browser.PermissionType `json:"permissions"`
	Origin      string                   `json:"origin,omitempty"`
}

// clipboardTab opens a tab whose page at origin may read and write the
// real clipboard, and counts as focused (the Clipboard API refuses an
// unfocused document; a headless tab is never focused by itself).
func clipboardTab(t *testing.T, origin string) *browsertest.Tab {
	t.Helper()
	tab := browsertest.New(t)
	browsertest.Call(tab, grantPermissions, grantPermissionsParams{
		Permissions: []browser.PermissionType{browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite},
		Origin:      origin,
	})
	browsertest.Call(tab, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true})
	return tab
}

func readClipboard(tab *browsertest.Tab) string {
	return browsertest.Eval[string](tab, `navigator.clipboard.readText()`)
}

// generatorChoice is one setting of the embed code generator.
type generatorChoice struct {
	group, theme            string
	keep, transparent, open bool
}

func (c generatorChoice) String() string {
	return fmt.Sprintf("%s/%s/keep=%v/transparent=%v/open=%v", c.group, c.theme, c.keep, c.transparent, c.open)
}

// setGenerator sets the generator's controls as a reader does: the two
// selects by choosing an option, the boxes by clicking them when they do
// not read as wanted.
func setGenerator(t *testing.T, tab *browsertest.Tab, c generatorChoice) {
	t.Helper()
	choose := func(sel, v string) {
		browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, sel, v))
	}
	tick := func(sel string, want bool) {
		if browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).checked`, sel)) != want {
			tab.Run(chromedp.Click(chromedp.CSS(sel)))
		}
	}
	choose("#embed-group", c.group)
	choose("#embed-theme", c.theme)
	tick("#embed-keep", c.keep)
	tick("#embed-transparent", c.transparent)
	if c.open || browsertest.Eval[bool](tab, `!!document.querySelector("#embed-open")`) {
		tick("#embed-open", c.open)
	}
}

// wantSrc is the src the generator must write for c (HTML-decoded), with
// the reader's assumptions q.
func wantSrc(origin string, c generatorChoice, q string) string {
	var ps []string
	if c.keep && q != "" {
		ps = append(ps, q)
	}
	if c.theme != "auto" {
		ps = append(ps, "theme="+c.theme)
	}
	if c.transparent {
		ps = append(ps, "transparent=1")
	}
	if c.open {
		ps = append(ps, "controls=open")
	}
	s := origin + "/embed/" + c.group
	if len(ps) > 0 {
		s += "?" + strings.Join(ps, "&")
	}
	return s
}

// waitSnippets waits until the plain snippet's src is want (as the HTML
// attribute writes it) and returns the three snippets as the boxes show
// them.
func waitSnippets(t *testing.T, tab *browsertest.Tab, want string) map[string]string {
	t.Helper()
	attr := `src="` + strings.ReplaceAll(want, "&", "&amp;") + `"`
	tab.WaitFor("the snippets to follow the choices ("+want+")", func() (bool, string) {
		plain := browsertest.Eval[string](tab, `document.querySelector("#snippet-plain").value`)
		return strings.Contains(plain, attr), plain
	})
	out := map[string]string{}
	for _, id := range []string{"snippet-plain", "snippet-script", "snippet-pym"} {
		out[id] = browsertest.Eval[string](tab, fmt.Sprintf(`document.querySelector("#%s").value`, id))
	}
	return out
}

// Issue 18, bug 1: every Copy button puts on the real clipboard exactly the
// snippet its box shows, for the choices in force, however many times the
// choices changed since the page loaded.
func TestBrowserEmbedCodeCopies(t *testing.T) {
	srv := server(t)
	tab := clipboardTab(t, srv.URL)
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	typeInto(tab, "#in-capex_2026", "250")
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", "$101.14")
	for i, c := range []generatorChoice{
		{group: "capex", theme: "dark", keep: true},
		{group: "growth", theme: "light", transparent: true},
		{group: "all", theme: "auto", keep: true, transparent: true},
		{group: "workforce", theme: "dark"},
	} {
		setGenerator(t, tab, c)
		boxes := waitSnippets(t, tab, wantSrc(srv.URL, c, "capex_2026=250"))
		for _, id := range []string{"snippet-plain", "snippet-script", "snippet-pym"} {
			sentinel := fmt.Sprintf("not copied yet %d %s", i, id)
			browsertest.Eval[bool](tab, fmt.Sprintf(`navigator.clipboard.writeText(%q).then(() => true)`, sentinel))
			tab.Run(chromedp.Click(chromedp.CSS("#copy-" + id)))
			var got string
			tab.WaitFor("the clipboard to be written ("+c.String()+", "+id+")", func() (bool, string) {
				got = readClipboard(tab)
				return got != sentinel, got
			})
			if got != boxes[id] {
				t.Errorf("%s: Copy on %s put on the clipboard\n%s\nbut the box shows\n%s", c, id, got, boxes[id])
			}
		}
	}
}
