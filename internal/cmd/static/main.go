// Command static writes the widget as a static site, for any static host or
// CDN: every route prerendered (with the article's figures; a static host
// cannot prerender a query, so the wasm applies it once it runs), go-app's
// PWA files, and web/ with app.wasm and its precompressed .br and .gz.
//
//	go run ./internal/cmd/static -out dist -prefix /widgets/amazon/ -public-url https://news.example/widgets/amazon/
//
// It also writes each topic's share image, chart/{topic}.svg and .png,
// with the article's figures (a static host cannot draw a reader's
// scenario). With -public-url, every page's social preview names them:
// og:url and og:image become absolute URLs under it, og:title the lead
// topic's answer, and twitter:card summary_large_image.
//
// make build must have run. A page /embed/capex is written as
// embed/capex/index.html (nginx: try_files $uri $uri/index.html).
package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"html"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"amzwidget/chartimg"
	"amzwidget/data"
	"amzwidget/pages"
	"amzwidget/scenario"
	"amzwidget/widget"
)

func main() {
	out := flag.String("out", "dist", "output directory (replaced)")
	web := flag.String("web", "web", "directory of the built assets")
	prefix := flag.String("prefix", "/", "URL path the site is served under, e.g. /widgets/amazon/")
	public := flag.String("public-url", "", "the site's public URL, e.g. https://news.example/widgets/amazon/: the social previews' og:url and og:image start with it (without it they are left as go-app writes them)")
	flag.Parse()
	// The story is the dataset compiled in (make static DATA=file swaps
	// it with -overlay).
	if err := run(data.Default(), *out, *web, *prefix, *public); err != nil {
		fmt.Fprintln(os.Stderr, "static:", err)
		os.Exit(1)
	}
}

func run(ds *data.Dataset, out, web, prefix, public string) error {
	p, err := pages.CleanPrefix(prefix)
	if err != nil {
		return fmt.Errorf("-prefix %q: %w", prefix, err)
	}
	if public != "" {
		u, err := url.Parse(public)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" ||
			strings.ContainsAny(public, "\"'<> ") {
			return fmt.Errorf("-public-url %q: want an absolute http or https URL without query or fragment", public)
		}
		public = strings.TrimRight(public, "/")
	}
	raw, err := os.ReadFile(filepath.Join(web, "app.wasm"))
	if err != nil {
		return fmt.Errorf("read app.wasm (run make build first): %w", err)
	}
	version := ""
	if b, err := os.ReadFile(filepath.Join(web, "version.txt")); err == nil {
		version = strings.TrimSpace(string(b))
	}
	if version == "" {
		sum := sha256.Sum256(raw)
		version = hex.EncodeToString(sum[:8])
	}
	// The pages are rendered from their paths at the root; the handler
	// writes every URL under the prefix, and the files go to out as if
	// it were the prefix's directory.
	h := pages.ScopedManifest(pages.Handler(ds, version, int64(len(raw)), p), p)
	pages.Routes(ds)

	if err := os.RemoveAll(out); err != nil {
		return err
	}
	paths := append(pages.Pages(ds), "/app.js", "/app.css", "/app-worker.js", "/manifest.webmanifest", "/wasm_exec.js")
	for _, p := range paths {
		req := httptest.NewRequest(http.MethodGet, p, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			return fmt.Errorf("GET %s: %d", p, rec.Code)
		}
		file := p
		if !strings.Contains(filepath.Base(p), ".") {
			file = strings.TrimSuffix(p, "/") + "/index.html"
		}
		body := rec.Body.Bytes()
		if public != "" && file != p {
			body = shareMeta(ds, body, p, public)
		}
		if err := write(filepath.Join(out, file), body); err != nil {
			return err
		}
	}
	if err := writeImages(ds, out, prefix, public); err != nil {
		return err
	}
	n := 0
	err = filepath.WalkDir(web, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(web, path)
		if strings.HasSuffix(rel, ".sha256") || strings.HasSuffix(rel, ".tmp") {
			return nil
		}
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		b, err := io.ReadAll(src)
		if err != nil {
			return err
		}
		n++
		return write(filepath.Join(out, "web", rel), b)
	})
	if err != nil {
		return err
	}
	fmt.Printf("static: %d pages and %d assets in %s (prefix %s, version %s)\n", len(pages.Pages(ds)), n, out, prefix, version)
	return nil
}

func write(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}

// writeImages writes every topic's share image with the article's
// figures: chart/{topic}.svg and chart/{topic}.png.
func writeImages(ds *data.Dataset, out, prefix, public string) error {
	sc := scenario.New(ds)
	for _, t := range ds.Topics {
		address := strings.TrimRight(prefix, "/") + "/embed/" + t.ID
		if public != "" {
			address = public + "/embed/" + t.ID
			if i := strings.Index(address, "://"); i >= 0 {
				address = address[i+3:]
			}
		}
		d := widget.ShareCard(t, sc, address).Layout()
		if err := write(filepath.Join(out, "chart", t.ID+".svg"), d.SVG()); err != nil {
			return err
		}
		b, err := chartimg.PNG(d)
		if err != nil {
			return err
		}
		if err := write(filepath.Join(out, "chart", t.ID+".png"), b); err != nil {
			return err
		}
	}
	return nil
}

// shareMeta sets a page's social-preview tags for a static host: og:url
// and og:image as absolute URLs under public, og:title and
// og:description from the lead topic's answer with the article's
// figures, and twitter:card.
func shareMeta(ds *data.Dataset, page []byte, path, public string) []byte {
	topics := pages.PageTopics(ds, path)
	title, desc := widget.ShareText(topics, scenario.New(ds))
	page = setMeta(page, "og:url", public+path)
	page = setMeta(page, "og:title", title)
	page = setMeta(page, "og:description", desc)
	if len(topics) > 0 {
		page = setMeta(page, "og:image", public+"/chart/"+topics[0].ID+".png")
	}
	card := []byte(`<meta name="twitter:card" content="summary_large_image">` + "\n")
	if i := bytes.Index(page, []byte("</head>")); i >= 0 {
		page = append(page[:i:i], append(card, page[i:]...)...)
	}
	return page
}

// setMeta replaces the content of go-app's <meta property="prop"
// content="…"> tag. go-app writes its two attributes in map order, so
// both orders are looked for; the tag's old content is not needed.
func setMeta(page []byte, prop, content string) []byte {
	tag := []byte(`<meta property="` + prop + `" content="` + html.EscapeString(content) + `">`)
	for _, start := range []string{`<meta property="` + prop + `" content="`, `<meta content="`} {
		for i := 0; ; {
			j := bytes.Index(page[i:], []byte(start))
			if j < 0 {
				break
			}
			j += i
			end := bytes.IndexByte(page[j:], '>')
			if end < 0 {
				break
			}
			end += j + 1
			if bytes.Contains(page[j:end], []byte(`property="`+prop+`"`)) {
				return append(page[:j:j], append(tag, page[end:]...)...)
			}
			i = end
		}
	}
	return page
}
