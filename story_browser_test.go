package main

import (
	"fmt"
	"strings"
	"testing"

	"amzwidget/data"
	"amzwidget/internal/browsertest"
	"amzwidget/widget"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
)

// storyLayout is where a story graphic's parts sit, in CSS pixels from the
// top of the document.
type storyLayout struct {
	Height int `json:"height"` // the document's height, as sent to the host
	Answer int `json:"answer"` // the top of the first big number
	Chart  int `json:"chart"`  // the top of the first chart
}

// measureStory reads the layout of the page in the tab.
func measureStory(tab *browsertest.Tab) storyLayout {
	return browsertest.Eval[storyLayout](tab, `(() => {
		const top = s => { const e = document.querySelector(s); return e ? Math.round(e.getBoundingClientRect().top + scrollY) : -1; };
		return {height: Math.ceil(document.documentElement.getBoundingClientRect().height), answer: top(".big-number"), chart: top(".chart")};
	})()`)
}

// checkDefaultHeight fails when page's default frame height def is off
// by more than 10% from its height measured at 600 px wide: a page that
// outgrows its default, or a default too tall.
func checkDefaultHeight(t *testing.T, page string, measured, def int) {
	t.Helper()
	if measured*10 > def*11 || measured*10 < def*9 {
		t.Errorf("%s: measured %d px at 600 px wide, but the default height is %d px (off by more than 10%%)", page, measured, def)
	}
}

// storyBudget is what an embed may take at one width: the frame heights
// newsrooms embed (Our World in Data 600 px, Datawrapper ~500 px), and the
// answer and chart near the top.
type storyBudget struct {
	width            int
	maxHeight        int // the single-topic pages
	maxAnswer        int
	maxChart         int // 0: not checked
	maxHeightAllPage int // /embed/all; 0: not checked
}

var storyBudgets = []storyBudget{
	{width: 600, maxHeight: 650, maxAnswer: 150, maxChart: 400, maxHeightAllPage: 1800},
	{width: 320, maxHeight: 900, maxAnswer: 150},
}

// TestBrowserStoryLayout loads every embed at 600 and 320 px wide, as the
// prerendered page (scripts blocked: what a host shows from first paint)
// and with the wasm running, and checks the budgets: the height with the
// assumptions closed, where the answer and the chart start, how far the
// height moves when the wasm takes over, and that the default heights of
// the embed code are the measured ones.
func TestBrowserStoryLayout(t *testing.T) {
	srv := server(t)
	var table []string
	for _, b := range storyBudgets {
		for _, page := range []string{"workforce", "capex", "growth", "all"} {
			path := "/embed/" + page
			pre := browsertest.New(t, browsertest.Viewport(b.width, 900), browsertest.NoScripts())
			pre.Navigate(srv.URL + path)
			before := measureStory(pre)

			live := browsertest.New(t, browsertest.Viewport(b.width, 900))
			live.Navigate(srv.URL + path)
			wasmReady(live)
			after := measureStory(live)
			table = append(table, fmt.Sprintf("| %s | %d | %d | %d | %d | %d |", path, b.width, before.Height, after.Height, after.Answer, after.Chart))

			if jump := after.Height - before.Height; jump > 40 || jump < -40 {
				t.Errorf("%s at %d px: the height moves from %d to %d px when the wasm takes over", path, b.width, before.Height, after.Height)
			}
			for _, l := range []struct {
				what string
				m    storyLayout
			}{{"prerendered", before}, {"live", after}} {
				if l.m.Answer < 0 || l.m.Answer > b.maxAnswer {
					t.Errorf("%s at %d px (%s): the answer starts at %d px, want within %d", path, b.width, l.what, l.m.Answer, b.maxAnswer)
				}
				if b.maxChart > 0 && (l.m.Chart < 0 || l.m.Chart > b.maxChart) {
					t.Errorf("%s at %d px (%s): the chart starts at %d px, want within %d", path, b.width, l.what, l.m.Chart, b.maxChart)
				}
			}
			max := b.maxHeight
			if page == "all" {
				max = b.maxHeightAllPage
			}
			if max > 0 && after.Height > max {
				t.Errorf("%s at %d px: %d px tall with the assumptions closed, want at most %d", path, b.width, after.Height, max)
			}
			// The embed code's default heights are the measured ones at
			// a typical column width: a page that outgrows its default
			// by more than 10% fails, and so does a default more than
			// 10% too tall.
			if b.width == 600 {
				def, _ := widget.EmbedHeight(data.Default(), page)
				checkDefaultHeight(t, path, after.Height, def)
			}
		}
	}
	t.Logf("\n| page | width | height, prerendered | height, wasm running | answer at | chart at |\n|---|---|---|---|---|---|\n%s", strings.Join(table, "\n"))
}

// TestBrowserStoryAssumptions opens a story's assumptions as a reader does,
// with the mouse and with the keyboard, and checks that every field is
// there to use with no inner scrollbar; that controls=open opens them from
// the link, before and after the wasm; that changed values are summed up
// in one line with a reset; and that print shows the assumptions used.
func TestBrowserStoryAssumptions(t *testing.T) {
	srv := server(t)
	for _, width := range []int{600, 320} {
		for _, topic := range []string{"workforce", "capex", "growth"} {
			t.Run(fmt.Sprintf("%s-%d", topic, width), func(t *testing.T) {
				tab := browsertest.New(t, browsertest.Viewport(width, 900))
				tab.Navigate(srv.URL + "/embed/" + topic)
				wasmReady(tab)
				sel := "#assumptions-" + topic
				if browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).open`, sel)) {
					t.Fatal("the assumptions are open at load")
				}
				closed := measureStory(tab).Height
				tab.Run(chromedp.Click(chromedp.CSS(sel + " > summary")))
				tab.WaitFor("the assumptions to open", func() (bool, string) {
					return browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).open`, sel)), ""
				})
				open := measureStory(tab).Height
				if open <= closed {
					t.Errorf("opening the assumptions: height %d px, closed %d px", open, closed)
				}
				// Every field of the topic but the lead one is in the
				// disclosure, visible, inside the page's width.
				bad := browsertest.Eval[[]string](tab, fmt.Sprintf(`(() => {
					const out = [];
					const fields = document.querySelectorAll(%q + " .field");
					if (fields.length === 0) out.push("no fields");
					for (const f of fields) {
						const r = f.getBoundingClientRect();
						if (r.width < 1 || r.height < 1) out.push(f.id + " has no size");
						if (r.right > document.documentElement.clientWidth + 1) out.push(f.id + " runs past the right edge");
					}
					for (const e of document.querySelectorAll("body *")) {
						const cs = getComputedStyle(e);
						if (/(auto|scroll)/.test(cs.overflowY + cs.overflowX) && (e.scrollHeight > e.clientHeight + 1 || e.scrollWidth > e.clientWidth + 1)) out.push((e.id || e.className || e.tagName) + " scrolls inside");
					}
					if (document.documentElement.scrollWidth > document.documentElement.clientWidth + 1) out.push("the page scrolls sideways");
					return out;
				})()`, sel))
				for _, b := range bad {
					t.Error(b)
				}
				// The keyboard: the toggle is focusable, Enter closes and
				// opens it, and Tab goes on into the first field.
				browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { document.querySelector(%q + " > summary").focus(); return true; })()`, sel))
				tab.Run(chromedp.KeyEvent("\r"))
				tab.WaitFor("Enter to close the assumptions", func() (bool, string) {
					return !browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).open`, sel)), ""
				})
				tab.Run(chromedp.KeyEvent("\r"))
				tab.WaitFor("Enter to open the assumptions", func() (bool, string) {
					return browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).open`, sel)), ""
				})
				tab.Run(chromedp.KeyEvent("\t"))
				if in := browsertest.Eval[bool](tab, fmt.Sprintf(`document.querySelector(%q).contains(document.activeElement) && document.activeElement.tagName === "INPUT"`, sel)); !in {
					t.Errorf("Tab after the toggle goes to %s, not into the first field", browsertest.Eval[string](tab, `document.activeElement.id || document.activeElement.tagName`))
				}
			})
		}
	}

	t.Run("controls=open", func(t *testing.T) {
		for _, opts := range [][]browsertest.Option{{browsertest.NoScripts()}, nil} {
			tab := browsertest.New(t, append(opts, browsertest.Viewport(600, 900))...)
			tab.Navigate(srv.URL + "/embed/capex?controls=open&theme=dark")
			if opts == nil {
				wasmReady(tab)
			}
			if !browsertest.Eval[bool](tab, `document.querySelector("#assumptions-capex").open`) {
				t.Errorf("controls=open (scripts %v): the assumptions are closed", opts == nil)
			}
		}
	})

	t.Run("your assumptions", func(t *testing.T) {
		tab := browsertest.New(t, browsertest.Viewport(600, 900))
		tab.Navigate(srv.URL + "/embed/workforce?workforce=300000&cut_oct2025=15000")
		wasmReady(tab)
		got := tab.Text("#yours-workforce")
		for _, want := range []string{"Your assumptions", "Amazon corporate workforce 300,000", "15,000"} {
			if !strings.Contains(got, want) {
				t.Errorf("summary %q lacks %q", got, want)
			}
		}
		// (15,000 + 16,000) / 300,000 = 10.333…%
		tab.WaitText("#cmp-cut_share_total .value", "≈ 10.33%")
		tab.Run(chromedp.Click(chromedp.CSS("#reset-story-workforce")))
		tab.WaitText("#cmp-cut_share_total .value", "≈ 8.57%")
		if tab.Text("#yours-workforce") != "" {
			t.Error("the summary stays after the reset")
		}
		if q := browsertest.Eval[string](tab, `location.search`); strings.Contains(q, "workforce=") || strings.Contains(q, "cut_oct2025=") {
			t.Errorf("the URL keeps the reset values: %s", q)
		}
	})

	t.Run("print", func(t *testing.T) {
		tab := browsertest.New(t, browsertest.Viewport(600, 900))
		tab.Navigate(srv.URL + "/embed/workforce?workforce=300000")
		wasmReady(tab)
		browsertest.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		shown := browsertest.Eval[bool](tab, `(() => { const e = document.querySelector("#story-workforce .assumptions-used"); return !!e && e.getBoundingClientRect().height > 0; })()`)
		if !shown {
			t.Fatal("print shows no assumptions")
		}
		got := tab.Text("#story-workforce .assumptions-used")
		for _, want := range []string{"Amazon corporate workforce: 300,000 (changed from the article’s)", "Corporate jobs cut, October 2025 round: 14,000"} {
			if !strings.Contains(got, want) {
				t.Errorf("printed assumptions %q lack %q", got, want)
			}
		}
	})
}

// TestBrowserResetKeepsFocus: a Reset pressed from the keyboard hides
// itself; the focus goes to the field it reset (or, for a topic's reset,
// to its lead input), never to the page's body (issue 18).
func TestBrowserResetKeepsFocus(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t, browsertest.Viewport(600, 900))
	tab.Navigate(srv.URL + "/embed/workforce?workforce=300000&controls=open")
	wasmReady(tab)
	for _, c := range []struct{ button, want string }{
		{"#reset-workforce", "in-workforce"},
	} {
		browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { document.querySelector(%q).focus(); return true; })()`, c.button))
		tab.Run(chromedp.KeyEvent("\r"))
		tab.WaitFor("the focus to go to "+c.want, func() (bool, string) {
			id := browsertest.Eval[string](tab, `document.activeElement ? document.activeElement.id || document.activeElement.tagName : ""`)
			return id == c.want, id
		})
	}
	typeInto(tab, "#in-cut_oct2025", "15000")
	tab.WaitFor("the summary line", func() (bool, string) {
		s := tab.Text("#yours-workforce")
		return strings.Contains(s, "15,000"), s
	})
	browsertest.Eval[bool](tab, `(() => { document.querySelector("#reset-story-workforce").focus(); return true; })()`)
	tab.Run(chromedp.KeyEvent("\r"))
	tab.WaitFor("the focus to go to the lead input", func() (bool, string) {
		id := browsertest.Eval[string](tab, `document.activeElement ? document.activeElement.id || document.activeElement.tagName : ""`)
		return id == "in-workforce", id
	})

	// The dashboard's "Reset all" goes away with the changes it undoes:
	// the focus goes to the first field, not to <body> (issue 18).
	tab.Navigate(srv.URL + "/?workforce=300000&capex_2026=250")
	wasmReady(tab)
	browsertest.Eval[bool](tab, `(() => { document.querySelector("#reset-all").focus(); return true; })()`)
	tab.Run(chromedp.KeyEvent("\r"))
	tab.WaitFor("the focus to go to the first field after Reset all", func() (bool, string) {
		id := browsertest.Eval[string](tab, `document.activeElement ? document.activeElement.id || document.activeElement.tagName : ""`)
		return id == "in-workforce" && !resetAllShown(tab), id
	})
}

// resetAllShown reports whether the dashboard still shows its "Reset all"
// button.
func resetAllShown(tab *browsertest.Tab) bool {
	return browsertest.Eval[bool](tab, `!!document.querySelector("#reset-all")`)
}
