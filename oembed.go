package main

import (
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"amzwidget/app"
	"amzwidget/data"
	"amzwidget/scenario"
	"amzwidget/widget"
)

// embedPath maps a page of ours to the page an embed shows: the dashboard
// embeds as /embed/all.
func embedPath(path string) (string, bool) {
	if path == "/" || path == "" {
		return "/embed/all", true
	}
	_, ok := widget.EmbedHeights[strings.TrimPrefix(path, "/embed/")]
	return path, ok && strings.HasPrefix(path, "/embed/")
}

// origin returns the scheme and host the request reached us at.
func origin(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

// iframeHTML is the plain embed snippet: it works alone, at a sensible
// height, with a title and lazy loading. src must be built by us.
func iframeHTML(src, title string, width string, height int) string {
	return `<iframe src="` + html.EscapeString(src) + `" title="` + html.EscapeString(title) +
		`" width="` + html.EscapeString(width) + `" height="` + strconv.Itoa(height) +
		`" loading="lazy" scrolling="no" frameborder="0" style="border:0;width:100%;max-width:100%" data-amzwidget></iframe>`
}

// oembed answers GET /oembed?url=...&format=json&maxwidth=&maxheight=:
// a "rich" oEmbed response whose HTML is the iframe of the embed page the
// URL names, with the URL's assumptions (re-encoded, never copied).
func oembed(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		http.Error(w, "only format=json is supported", http.StatusNotImplemented)
		return
	}
	u, err := url.Parse(q.Get("url"))
	if err != nil || u.Host != r.Host || (u.Scheme != "http" && u.Scheme != "https") {
		http.NotFound(w, r)
		return
	}
	path, ok := embedPath(u.Path)
	if !ok {
		http.NotFound(w, r)
		return
	}
	sc, _ := scenario.Decode(data.Default(), u.Query())
	src := u.Scheme + "://" + u.Host + path
	if enc := sc.Query(); enc != "" {
		src += "?" + enc
	}
	height := widget.EmbedHeights[strings.TrimPrefix(path, "/embed/")]
	if mh, err := strconv.Atoi(q.Get("maxheight")); err == nil && mh > 0 && mh < height {
		height = mh
	}
	width := 640
	if mw, err := strconv.Atoi(q.Get("maxwidth")); err == nil && mw > 0 && mw < width {
		width = mw
	}
	title := app.EmbedTitles[strings.TrimPrefix(path, "/embed/")]
	if path == "/embed/all" {
		title = app.Title
	}
	resp := map[string]any{
		"version":       "1.0",
		"type":          "rich",
		"provider_name": app.Title,
		"provider_url":  origin(r) + "/",
		"title":         title,
		"html":          iframeHTML(src, title, "100%", height),
		"width":         width,
		"height":        height,
		"cache_age":     3600,
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(resp)
}

// oembedDiscovery inserts the oEmbed discovery link into every page's
// head. go-app's head is the same for every page, so the link, which names
// the page, is added here. The page URL is rebuilt from our own route path
// and the decoded scenario: nothing from the request is copied raw.
func oembedDiscovery(h http.Handler) http.Handler {
	pages := map[string]bool{}
	for _, p := range app.Pages() {
		pages[p] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !pages[r.URL.Path] || r.Method != http.MethodGet {
			h.ServeHTTP(w, r)
			return
		}
		rec := &bufferedWriter{header: http.Header{}}
		h.ServeHTTP(rec, r)
		body := rec.buf.Bytes()
		for k, vs := range rec.header {
			w.Header()[k] = vs
		}
		if rec.status == 0 || rec.status == http.StatusOK {
			sc, _ := scenario.Decode(data.Default(), r.URL.Query())
			page := origin(r) + r.URL.Path
			if enc := sc.Query(); enc != "" {
				page += "?" + enc
			}
			link := `<link rel="alternate" type="application/json+oembed" href="` +
				html.EscapeString("/oembed?format=json&url="+url.QueryEscape(page)) + `" title="` + html.EscapeString(app.Title) + `">` + "\n"
			if i := bytes.Index(body, []byte("</head>")); i >= 0 {
				body = append(body[:i:i], append([]byte(link), body[i:]...)...)
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		if rec.status != 0 {
			w.WriteHeader(rec.status)
		}
		w.Write(body)
	})
}

// bufferedWriter holds a response so that it can be changed before it is
// sent.
type bufferedWriter struct {
	header http.Header
	buf    bytes.Buffer
	status int
}

func (b *bufferedWriter) Header() http.Header { return b.header }

func (b *bufferedWriter) Write(p []byte) (int, error) { return b.buf.Write(p) }

func (b *bufferedWriter) WriteHeader(code int) {
	if b.status == 0 {
		b.status = code
	}
}
