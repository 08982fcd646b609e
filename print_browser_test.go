package main

import (
	"bytes"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"amzwidget/data"
	"amzwidget/internal/browsertest"
	"amzwidget/widget"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// A paper and its margins, in PostScript points (72 to the inch, 96 CSS
// px to 72 pt). The margins are chosen so that the printable width is a
// whole number of CSS pixels: the page emulation below lays the page out
// at exactly the width Chromium prints it at.
type paper struct {
	name          string
	wPt, hPt, mPt float64
}

var papers = []*paper{
	{name: "A4", wPt: 595, hPt: 842, mPt: 29},     // 210 × 297 mm, ~1 cm margins: 716 × 1045.3 px
	{name: "Letter", wPt: 612, hPt: 792, mPt: 30}, // 8.5 × 11 in, 0.42 in margins: 736 × 976 px
}

// printable is the page's content box in CSS px.
func (p *paper) printable() (w, h float64) {
	return (p.wPt - 2*p.mPt) * 4 / 3, (p.hPt - 2*p.mPt) * 4 / 3
}

// printPDF prints the tab's page to PDF on the paper, without backgrounds
// (the browser's default), as a reader's "Save as PDF" does.
func printPDF(tab *browsertest.Tab, p *paper) []byte {
	m := p.mPt / 72
	r := browsertest.Call(tab, page.PrintToPDF, page.PrintToPDFParams{
		PaperWidth: p.wPt / 72, PaperHeight: p.hPt / 72,
		MarginTop: &m, MarginBottom: &m, MarginLeft: &m, MarginRight: &m,
	})
	return r.Data
}

var pdfPageRe = regexp.MustCompile(`/Type\s*/Page\b[^s]`)

// pdfPages counts the page objects of a PDF as Chromium writes it (Skia:
// one uncompressed dictionary per page, no object streams).
func pdfPages(t *testing.T, pdf []byte) int {
	t.Helper()
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) {
		t.Fatalf("not a PDF: %q", pdf[:min(len(pdf), 16)])
	}
	if bytes.Contains(pdf, []byte("/ObjStm")) {
		t.Fatal("the PDF has object streams: count its pages another way")
	}
	n := len(pdfPageRe.FindAll(pdf, -1))
	if n == 0 {
		t.Fatal("no page in the PDF")
	}
	return n
}

// pagination is what the page emulation found.
type pagination struct {
	Pages   int      `json:"pages"`
	Checked int      `json:"checked"` // boxes and headings looked at
	Split   []string `json:"split"`   // boxes cut across pages
	Alone   []string `json:"alone"`   // headings last on their page
}

// unbreakable are the boxes no page may cut.
const unbreakable = ".card, .field, figure.chart, .claim, .claim-badge, .headline, .result, .story-foot"

// headings must be followed, on their page, by what they head.
const headings = "h1, h2, h3, .chart-title, .results-title"

// paginate lays the page out in print media at the paper's printable
// width, then fragments it into columns one printable page tall: Chromium
// breaks columns with the same engine and the same rules (break-inside,
// break-after, orphans, widows) as pages. Each column is a page; a box with
// fragments in two columns is cut; a heading whose next content starts in
// a later column is last on its page.
func paginate(tab *browsertest.Tab, p *paper) pagination {
	w, h := p.printable()
	browsertest.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
	tab.Run(chromedp.EmulateViewport(int64(w), int64(h)))
	return browsertest.Eval[pagination](tab, fmt.Sprintf(`(() => {
		const W = %v, H = %v;
		const s = document.body.style;
		s.width = W + "px"; s.height = H + "px"; s.columnWidth = W + "px"; s.columnGap = "0px"; s.columnFill = "auto";
		const x0 = document.body.getBoundingClientRect().left;
		const frags = e => [...e.getClientRects()].filter(r => r.width > 0.5 && r.height > 0.5);
		const col = r => Math.floor((r.left - x0 + 1) / W);
		const name = e => e.tagName.toLowerCase() + (e.id ? "#" + e.id : "") + "." + [...e.classList].join(".") +
			" “" + e.textContent.replace(/\s+/g, " ").trim().slice(0, 50) + "”";
		let pages = 0, checked = 0;
		const all = [...document.body.querySelectorAll("*")];
		for (const e of all) for (const r of frags(e)) pages = Math.max(pages, col(r) + 1);
		const split = [];
		for (const e of document.querySelectorAll(%q)) {
			const f = frags(e); if (!f.length) continue;
			checked++;
			const cols = new Set(f.map(col));
			if (cols.size > 1) split.push(name(e) + " on pages " + [...cols].map(c => c + 1).join(", "));
		}
		const leaf = e => e.children.length === 0 || e instanceof SVGElement ||
			[...e.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
		const alone = [];
		for (const hd of document.querySelectorAll(%q)) {
			const f = frags(hd); if (!f.length || hd.getBoundingClientRect().width <= 1) continue;
			checked++;
			const at = col(f[f.length - 1]);
			let next = null;
			for (let i = all.indexOf(hd) + 1; i < all.length && !next; i++) {
				const e = all[i];
				if (!hd.contains(e) && leaf(e) && frags(e).length && e.getBoundingClientRect().width > 1) next = e;
			}
			if (next && col(frags(next)[0]) !== at) alone.push(name(hd) + " ends page " + (at + 1) + ", " + name(next) + " starts page " + (col(frags(next)[0]) + 1));
		}
		return {pages, checked, split, alone};
	})()`, w, h, unbreakable, headings))
}

// printPages are the pages a reader prints: the dashboard and each embed.
var printPages = []string{"/", "/embed/workforce", "/embed/capex", "/embed/growth", "/embed/all"}

// TestBrowserPrint prints the dashboard and each embed to PDF on A4 and
// Letter, with the wasm running, and checks the page breaks in the page
// emulation: no card, field or chart cut across pages, no heading last on
// a page, and as many pages as the PDF has (the emulation is the print).
// It also checks every chart mark in print against its neighbours in grey
// levels, and saves the first pages' PDFs for people to look at.
func TestBrowserPrint(t *testing.T) {
	srv := server(t)
	var table []string
	for _, path := range printPages {
		row := "| " + path
		// One tab for both papers: the PDFs first, then the emulation,
		// which changes the page's styles.
		tab := browsertest.New(t, browsertest.LightScheme(), browsertest.Viewport(1280, 900))
		tab.Navigate(srv.URL + path)
		wasmReady(tab)
		printed := map[*paper]int{}
		for _, p := range papers {
			pdf := printPDF(tab, p)
			printed[p] = pdfPages(t, pdf)
			savePDF(t, fmt.Sprintf("print-%s-%s", pageName(path), strings.ToLower(p.name)), pdf)
			row += fmt.Sprintf(" | %d", printed[p])
		}
		for _, p := range papers {
			n := printed[p]
			pg := paginate(tab, p)
			if pg.Checked < 5 {
				t.Errorf("%s on %s: only %d boxes and headings checked", path, p.name, pg.Checked)
			}
			if pg.Pages != n {
				t.Errorf("%s on %s: the emulation has %d pages, the PDF %d: the emulation does not match the print", path, p.name, pg.Pages, n)
			}
			for _, s := range pg.Split {
				t.Errorf("%s on %s: cut across pages: %s", path, p.name, s)
			}
			for _, a := range pg.Alone {
				t.Errorf("%s on %s: heading alone at a page's foot: %s", path, p.name, a)
			}
		}
		table = append(table, row+" |")
	}
	t.Logf("pages printed (PDF, with the wasm running, light scheme):\n| page | A4 | Letter |\n|---|---|---|\n%s", strings.Join(table, "\n"))
}

func pageName(path string) string {
	if n := strings.Trim(strings.ReplaceAll(path, "/", "-"), "-"); n != "" {
		return n
	}
	return "dashboard"
}

// savePDF keeps a PDF beside the screenshots ($SCREENSHOT_DIR, or
// testdata/screenshots), for people to look at.
func savePDF(t *testing.T, name string, pdf []byte) {
	dir := os.Getenv("SCREENSHOT_DIR")
	if dir == "" {
		dir = filepath.Join("testdata", "screenshots")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, name+".pdf"), pdf, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserPrintInGreys checks, in print, every chart mark against what
// it touches in relative luminance, the grey level a black-and-white
// printer keeps (3:1, as on screen), in every scheme and theme; and that
// the "changed" badge prints as dark text on the paper (backgrounds do not
// print).
func TestBrowserPrintInGreys(t *testing.T) {
	srv := server(t)
	var table []string
	for _, mode := range colourModes {
		for _, path := range []string{"/?workforce=300000", "/embed/growth?azure_growth=-5"} {
			tab := browsertest.New(t, mode.opt, browsertest.NoScripts())
			u := srv.URL + path // every path here has a query already
			if mode.query != "" {
				u += "&" + mode.query
			}
			tab.Navigate(u)
			browsertest.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
			checks := chartChecks(readCharts(tab))
			if len(checks) < 10 {
				t.Errorf("%s %s: only %d pairs measured", mode.name, path, len(checks))
			}
			for _, c := range checks {
				if !c.ok() {
					t.Errorf("print, %s %s: %s, %s: %s against %s is %.2f:1 in grey (%s on %s), want at least 3:1 %s",
						mode.name, path, c.Chart, c.Rows, c.Mark, c.Against, c.Ratio, c.A, c.B, c.Detail)
				}
			}
			if mode.name == "light" || mode.name == "dark" {
				table = append(table, checkTable("print, "+mode.name, checks)...)
			}
			if strings.HasPrefix(path, "/?") {
				badge := browsertest.Eval[struct {
					Colour string
					Shown  bool
				}](tab, `(() => { const b = document.querySelector("#field-workforce .badge");
					return {Colour: b ? getComputedStyle(b).color : "", Shown: !!b && b.getBoundingClientRect().width > 0}; })()`)
				c, ok := parseColour(badge.Colour)
				paperWhite := rgba{255, 255, 255, 1}
				if !badge.Shown || !ok {
					t.Errorf("print, %s: the changed badge is not printed (%+v)", mode.name, badge)
				} else if r := contrast(c.over(paperWhite), paperWhite); r < 4.5 {
					t.Errorf("print, %s: the changed badge prints %s on the paper, %.2f:1, want 4.5:1", mode.name, c, r)
				}
			}
		}
	}
	t.Logf("chart contrast in print (grey levels):\n%s%s", checkTableHead, strings.Join(table, "\n"))
}

// TestBrowserPrintEmbedInArticle prints a host's article with the three
// story embeds (the embed code with our resizing script) in a 640 px
// column (the plain snippets, our resizing script in the head). A browser prints a frame as one block, at the height it has on
// screen: the embed must fit in it when printed (nothing cut), must not be
// sliced or pushed to a new page when it fits where it is, and the page
// count must be the emulation's.
func TestBrowserPrintEmbedInArticle(t *testing.T) {
	srv := server(t)
	para := strings.Repeat(`<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat.</p>`, 2)
	host := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		var b strings.Builder
		b.WriteString(`<!doctype html><html><head><meta name="viewport" content="width=device-width"><title>Article</title>` +
			// Our resizing script, once for the page (the snippet's async
			// copy could miss a frame's first messages).
			`<script src="` + srv.URL + `/web/embed.js"></script></head>` +
			`<body style="margin:0"><article style="max-width:640px;margin:0 auto;font:17px/1.5 Georgia,serif"><h1>Host article</h1>`)
		for _, topic := range []string{"workforce", "capex", "growth"} {
			b.WriteString(para)
			b.WriteString(widget.EmbedSpec{Data: data.Default(), Site: srv.URL, Group: topic}.Plain())
		}
		b.WriteString(para + `</article></body></html>`)
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(b.String()))
	}))
	defer host.Close()
	tab := browsertest.New(t, browsertest.LightScheme(), browsertest.Viewport(800, 900))
	tab.Navigate(host.URL)
	// Every frame loaded (they are lazy: bring each into view) and sized by its story.
	for i := range 3 {
		browsertest.Eval[bool](tab, fmt.Sprintf(`(document.querySelectorAll("iframe")[%d].scrollIntoView(), true)`, i))
		tab.WaitFor(fmt.Sprintf("frame %d to be sized", i), func() (bool, string) {
			h := browsertest.Eval[string](tab, fmt.Sprintf(`document.querySelectorAll("iframe")[%d].style.height`, i))
			return h != "" && !strings.HasPrefix(h, "0"), h
		})
	}
	printed := map[*paper]int{}
	for _, p := range papers {
		pdf := printPDF(tab, p)
		printed[p] = pdfPages(t, pdf)
		savePDF(t, "print-article-"+strings.ToLower(p.name), pdf)
	}
	// A real print lays the frames out at their screen heights, with no
	// time for a height message: the emulation below must not let our
	// resizing script follow the print layout either.
	browsertest.Eval[bool](tab, `(document.querySelectorAll("iframe").forEach(f => f.removeAttribute("data-amzwidget")), true)`)
	for _, p := range papers {
		n := printed[p]
		// The print inside each frame: no taller than the frame.
		browsertest.Call(tab, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"})
		for _, topic := range []string{"workforce", "capex", "growth"} {
			fit := browsertest.EvalInFrame[struct {
				Doc, Frame float64
				Framed     bool
			}](tab, "/embed/"+topic, `({Doc: document.documentElement.scrollHeight, Frame: innerHeight,
				Framed: document.documentElement.classList.contains("framed")})`)
			if !fit.Framed {
				t.Errorf("%s: the embed does not know it is framed", topic)
			}
			if fit.Doc > fit.Frame+1 {
				t.Errorf("%s on %s: the printed embed is %.0f px tall in a %.0f px frame: its foot is cut", topic, p.name, fit.Doc, fit.Frame)
			}
		}
		pg := paginate(tab, p)
		if pg.Pages != n {
			t.Errorf("article on %s: the emulation has %d pages, the PDF %d", p.name, pg.Pages, n)
		}
		_, ph := p.printable()
		frames := browsertest.Eval[[]struct {
			Cols       []int
			Top, H     float64
			PrevBottom float64
			PrevCol    int
		}](tab, `(() => {
			const W = document.body.getBoundingClientRect().width, x0 = document.body.getBoundingClientRect().left;
			const col = r => Math.floor((r.left - x0 + 1) / W) + 1; // pages from 1
			return [...document.querySelectorAll("iframe")].map(f => {
				const rs = [...f.getClientRects()], prev = f.previousElementSibling.getBoundingClientRect();
				return {Cols: rs.map(col), Top: rs[0].top, H: f.getBoundingClientRect().height, PrevBottom: prev.bottom, PrevCol: col(prev)};
			});
		})()`)
		var at []string
		for i, f := range frames {
			at = append(at, fmt.Sprintf("embed %d (%.0f px) on page %v", i+1, f.H, f.Cols))
			if len(f.Cols) != 1 {
				t.Errorf("article on %s: embed %d is sliced across pages %v", p.name, i+1, f.Cols)
				continue
			}
			// It fitted under the paragraph before it: it must be there.
			room := ph - f.PrevBottom
			if f.Cols[0] != f.PrevCol && f.H <= room-40 {
				t.Errorf("article on %s: embed %d (%.0f px) moved to a new page with %.0f px left under the text", p.name, i+1, f.H, room)
			}
		}
		t.Logf("article with three embeds on %s: %d pages; %s", p.name, n, strings.Join(at, ", "))
	}
}
