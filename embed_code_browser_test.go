package main

import (
	"fmt"
	"net/url"
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
		if browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).checked`, sel)) == want {
			return
		}
		// The choice just made redraws the snippets a frame later, and
		// the boxes' new heights move the checkbox: a click aimed
		// before then lands beside it. Aim once it has stopped moving,
		// as a reader's pointer would.
		browsertest.Eval[bool](tab, fmt.Sprintf(`(async () => {
		  const el = document.querySelector(%q); el.scrollIntoView({block: "center"});
		  const frame = () => new Promise(r => requestAnimationFrame(r));
		  let last = "";
		  for (let i = 0; i < 60; i++) {
		    await frame();
		    const r = el.getBoundingClientRect(), now = r.x + "," + r.y;
		    if (now === last) return true;
		    last = now;
		  }
		  return true;
		})()`, sel))
		tab.Run(chromedp.Click(chromedp.CSS(sel)))
		tab.WaitFor(sel+" to be "+fmt.Sprint(want)+" after a click on it", func() (bool, string) {
			got := browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).checked`, sel))
			return got == want, fmt.Sprint(got)
		})
	}
	choose("#embed-group", c.group)
	// Ticking "Transparent background" turns "Reader's setting" into
	// Light (the host's background): the theme is chosen after it.
	tick("#embed-transparent", c.transparent)
	choose("#embed-theme", c.theme)
	tick("#embed-keep", c.keep)
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
		{group: "capex", theme: "auto", keep: true, open: true},
		{group: "growth", theme: "dark", transparent: true, open: true},
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

// Issue 18, bug 2: the Pym.js snippet, pasted into a host page that runs
// the real Pym.js, loads the frame with every parameter the snippet names
// (the old snippet wrote &amp; inside <script>: the frame lost all but
// the first), and the frame's title reads as written ("Amazon's", not
// "Amazon&#39;s"), in the Pym.js and in the plain snippet.
func TestBrowserEmbedCodePymKeepsEveryParameter(t *testing.T) {
	srv := server(t)
	parents := parentServer(t)
	defer parents.Close()
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	typeInto(tab, "#in-capex_2026", "250")
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", "$101.14")
	typeInto(tab, "#in-workforce", "300000")
	tab.WaitFor("the workforce to reach the URL", func() (bool, string) {
		u := browsertest.Eval[string](tab, `location.search`)
		return strings.Contains(u, "workforce=300000"), u
	})
	q := browsertest.Eval[string](tab, `location.search.slice(1)`)
	for _, c := range []generatorChoice{
		{group: "capex", theme: "dark", keep: true, transparent: true},
		{group: "all", theme: "light", keep: true},
	} {
		setGenerator(t, tab, c)
		src := wantSrc(srv.URL, c, q)
		boxes := waitSnippets(t, tab, src)
		want, err := url.Parse(src)
		if err != nil {
			t.Fatal(err)
		}
		title := map[string]string{"capex": "Capital spending in 2026", "all": "Amazon's AI bet, by the numbers"}[c.group]
		for _, id := range []string{"snippet-pym", "snippet-plain"} {
			// The host serves the same Pym.js from loopback.
			code := strings.ReplaceAll(boxes[id], "https://pym.nprapps.org/pym.v1.min.js", parents.URL+"/pym.js")
			host := browsertest.New(t)
			host.Navigate(parents.URL + "/paste?html=" + url.QueryEscape(code))
			var search string
			host.WaitFor("the frame to load ("+c.String()+", "+id+")", func() (bool, string) {
				var err error
				search, err = browsertest.TryEvalInFrame[string](host, "/embed/"+c.group, `location.search`)
				return err == nil && search != "", fmt.Sprint(search, err)
			})
			got, _ := url.ParseQuery(strings.TrimPrefix(search, "?"))
			for k, vs := range want.Query() {
				if got.Get(k) != vs[0] {
					t.Errorf("%s, %s: the frame loaded with %s=%q, the snippet says %q (frame's query: %s)", c, id, k, got.Get(k), vs[0], search)
				}
			}
			if tt := browsertest.Eval[string](host, `document.querySelector("iframe").title`); tt != title {
				t.Errorf("%s, %s: the frame's title reads %q, want %q", c, id, tt, title)
			}
		}
	}
}

// Issue 11, item 3: the generator offers "Open the assumptions", which adds
// controls=open to the src; the pasted snippet shows the topic's
// assumptions open, and without it closed.
func TestBrowserEmbedCodeOpensAssumptions(t *testing.T) {
	srv := server(t)
	parents := parentServer(t)
	defer parents.Close()
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	if l := browsertest.Eval[string](tab, `(document.querySelector("label[for=embed-open]") || {}).textContent || ""`); !strings.Contains(l, "Open the assumptions") {
		t.Fatalf("no \"Open the assumptions\" choice in the generator (label %q)", l)
	}
	for _, c := range []generatorChoice{
		{group: "capex", theme: "auto", open: true},
		{group: "growth", theme: "dark", open: true},
		{group: "capex", theme: "auto"},
	} {
		setGenerator(t, tab, c)
		boxes := waitSnippets(t, tab, wantSrc(srv.URL, c, ""))
		if p := browsertest.Eval[string](tab, `document.querySelector("#embed-preview").src`); p != wantSrc(srv.URL, c, "") {
			t.Errorf("%s: the preview shows %s", c, p)
		}
		host := browsertest.New(t)
		host.Navigate(parents.URL + "/paste?html=" + url.QueryEscape(boxes["snippet-plain"]))
		childReady(t, host, "/embed/"+c.group)
		open := browsertest.EvalInFrame[bool](host, "/embed/"+c.group, fmt.Sprintf(`document.querySelector("#assumptions-%s").open`, c.group))
		if open != c.open {
			t.Errorf("%s: the pasted embed's assumptions are open=%v", c, open)
		}
	}
}

// Issue 18: the "Copied." note belongs to what was copied: it appears once
// the clipboard holds the snippet, and goes when the snippet changes,
// whether by the generator's choices or by the reader's assumptions.
func TestBrowserEmbedCodeCopiedNote(t *testing.T) {
	srv := server(t)
	tab := clipboardTab(t, srv.URL)
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	note := func(id string) string { return tab.Text("#embed-code #copied-" + id) }
	waitNote := func(id, want, why string) {
		t.Helper()
		tab.WaitFor(fmt.Sprintf("the note of %s to read %q %s", id, want, why), func() (bool, string) {
			// Without an element the old markup is in use: read its note.
			got := note(id)
			if !browsertest.Eval[bool](tab, fmt.Sprintf(`!!document.querySelector("#copied-%s")`, id)) {
				got = tab.Text(fmt.Sprintf(`#copy-%s ~ .copied`, id))
			}
			return got == want, got
		})
	}
	setGenerator(t, tab, generatorChoice{group: "capex", theme: "auto", keep: true})
	waitSnippets(t, tab, wantSrc(srv.URL, generatorChoice{group: "capex", theme: "auto"}, ""))
	tab.Run(chromedp.Click(chromedp.CSS("#copy-snippet-plain")))
	waitNote("snippet-plain", "Copied.", "after Copy")
	setGenerator(t, tab, generatorChoice{group: "capex", theme: "dark", keep: true})
	waitSnippets(t, tab, wantSrc(srv.URL, generatorChoice{group: "capex", theme: "dark"}, ""))
	waitNote("snippet-plain", "", "after the theme changed the snippet")

	tab.Run(chromedp.Click(chromedp.CSS("#copy-snippet-pym")))
	waitNote("snippet-pym", "Copied.", "after Copy")
	typeInto(tab, "#in-capex_2026", "250")
	waitSnippets(t, tab, wantSrc(srv.URL, generatorChoice{group: "capex", theme: "dark", keep: true}, "capex_2026=250"))
	waitNote("snippet-pym", "", "after a kept assumption changed the snippet")
}

// Issue 18: at 320 px no label of the generator breaks inside a word
// ("Widget" did, as "Widge/t"): every word of every label sits on one
// line.
func TestBrowserEmbedCodeLabelsAt320(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t, browsertest.Viewport(320, 800))
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	tab.WaitFor("the generator to render", func() (bool, string) {
		return browsertest.Eval[bool](tab, `!!document.querySelector("#embed-group")`), ""
	})
	broken := browsertest.Eval[[]string](tab, `(() => {
		const out = [];
		for (const label of document.querySelectorAll("#embed-code label")) {
			const walker = document.createTreeWalker(label, NodeFilter.SHOW_TEXT);
			for (let n = walker.nextNode(); n; n = walker.nextNode()) {
				for (const m of n.data.matchAll(/\S+/g)) {
					const r = document.createRange();
					r.setStart(n, m.index);
					r.setEnd(n, m.index + m[0].length);
					const tops = new Set([...r.getClientRects()].map(q => Math.round(q.top)));
					if (tops.size > 1) out.push(m[0] + " (in " + JSON.stringify(label.textContent.trim()) + ", " + tops.size + " lines)");
				}
			}
		}
		return out;
	})()`)
	if len(broken) > 0 {
		t.Errorf("words broken across lines at 320 px: %v", broken)
	}
	tab.Screenshot("embed-code-320")
}

// Issue 20: with "Transparent background" ticked the theme is the host
// page's background. Ticking it on the default (the reader's setting)
// picks Light, the select says what it now asks, and every snippet states
// the light colour scheme the transparent embed uses (see
// TestBrowserTransparentEmbedsOnHosts for what a reader then sees).
func TestBrowserEmbedCodeTransparentAsksForTheBackground(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	label := func() string { return tab.Text(`label[for="embed-theme"]`) }
	if got := label(); got != "Theme" {
		t.Errorf("the theme select is labelled %q before ticking", got)
	}
	tab.Run(chromedp.Click(chromedp.CSS("#embed-transparent")))
	boxes := waitSnippets(t, tab, srv.URL+"/embed/workforce?theme=light&transparent=1")
	if got := label(); got != "Your page's background" {
		t.Errorf("with a transparent background the select is labelled %q", got)
	}
	if got := browsertest.Eval[string](tab, `document.querySelector("#embed-theme").value`); got != "light" {
		t.Errorf("the select shows %q, want light", got)
	}
	for id, want := range map[string]string{
		"snippet-plain":  `style="border:0;width:100%;color-scheme:light"`,
		"snippet-script": `style="border:0;width:100%;color-scheme:light"`,
		"snippet-pym":    `<div id="amzwidget-workforce" style="color-scheme:light"></div>`,
	} {
		if !strings.Contains(boxes[id], want) {
			t.Errorf("%s does not hold %s:\n%s", id, want, boxes[id])
		}
	}
	// Unticked, the snippets are opaque embeds again.
	tab.Run(chromedp.Click(chromedp.CSS("#embed-transparent")))
	boxes = waitSnippets(t, tab, srv.URL+"/embed/workforce?theme=light")
	for id, b := range boxes {
		if strings.Contains(b, "color-scheme") {
			t.Errorf("%s of an opaque embed sets a colour scheme:\n%s", id, b)
		}
	}
}
