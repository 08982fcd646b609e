package main

import (
	"bytes"
	"encoding/json"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"amzwidget/data"
	"amzwidget/pages"
	"amzwidget/scenario"
	"amzwidget/widget"
)

// embedPath maps a page of story ds to the page an embed shows: the
// dashboard embeds as /embed/all.
func embedPath(ds *data.Dataset, path string) (string, bool) {
	if path == "/" || path == "" {
		return "/embed/all", true
	}
	_, ok := widget.EmbedHeight(ds, strings.TrimPrefix(path, "/embed/"))
	return path, ok && strings.HasPrefix(path, "/embed/")
}

// oembed answers GET /oembed?url=...&format=json&maxwidth=&maxheight=:
// a "rich" oEmbed response whose HTML is the iframe of the embed page the
// URL names, with the URL's assumptions (re-encoded, never copied). The
// URL must be one of this site's (ps) pages of story ds; the iframe's src
// is always built from the site, so it is https when the site is.
func oembed(ds *data.Dataset, ps publicSite) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		serveOEmbed(w, r, ds, ps.of(r))
	}
}

func serveOEmbed(w http.ResponseWriter, r *http.Request, ds *data.Dataset, s site) {
	q := r.URL.Query()
	if f := q.Get("format"); f != "" && f != "json" {
		http.Error(w, "only format=json is supported", http.StatusNotImplemented)
		return
	}
	u, err := url.Parse(q.Get("url"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	own, ok := s.ownPath(u)
	if !ok {
		http.NotFound(w, r)
		return
	}
	path, ok := embedPath(ds, own)
	if !ok {
		http.NotFound(w, r)
		return
	}
	sc, _ := scenario.Decode(ds, u.Query())
	group := strings.TrimPrefix(path, "/embed/")
	height, _ := widget.EmbedHeight(ds, group)
	if mh, err := strconv.Atoi(q.Get("maxheight")); err == nil && mh > 0 && mh < height {
		height = mh
	}
	width := 640
	if mw, err := strconv.Atoi(q.Get("maxwidth")); err == nil && mw > 0 && mw < width {
		width = mw
	}
	title := pages.EmbedTitle(ds, group)
	// The iframe is the generator's plain snippet, from the same builder.
	spec := widget.EmbedSpec{Data: ds, Site: s.url(""), Group: group, Query: sc.Query(), Title: title, Height: height}
	resp := map[string]any{
		"version":       "1.0",
		"type":          "rich",
		"provider_name": ds.Site.Name,
		"provider_url":  s.url("/"),
		"title":         title,
		"html":          spec.Plain(),
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
// head, and makes go-app's og:url and og:image absolute URLs of the site
// (go-app writes "https:///path" and "https://" without a Domain); the
// other social-preview tags are shareMeta's. go-app's
// head is the same for every page, so the link, which names the page, is
// added here. The page URL is rebuilt from the site (ps), our own route
// path and the decoded scenario: nothing from the request is copied raw.
// ds is the story the pages show.
func oembedDiscovery(h http.Handler, ds *data.Dataset, ps publicSite) http.Handler {
	known := map[string]bool{}
	for _, p := range pages.Pages(ds) {
		known[p] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if !known[r.URL.Path] || r.Method != http.MethodGet {
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
			sc, _ := scenario.Decode(ds, r.URL.Query())
			s := ps.of(r)
			page := s.url(r.URL.Path)
			if enc := sc.Query(); enc != "" {
				page += "?" + enc
			}
			link := `<link rel="alternate" type="application/json+oembed" href="` +
				html.EscapeString(s.url("/oembed")+"?format=json&url="+url.QueryEscape(page)) + `" title="` + html.EscapeString(ds.Site.Name) + `">` + "\n"
			if i := bytes.Index(body, []byte("</head>")); i >= 0 {
				head := setMeta(body[:i:i], "og:url", page)
				head = shareMeta(head, r.URL.Path, sc, s)
				body = append(append(head, link...), body[i:]...)
			}
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		if rec.status != 0 {
			w.WriteHeader(rec.status)
		}
		w.Write(body)
	})
}

// setMeta replaces the <meta property="prop" ...> tag go-app writes in
// head (its attributes in any order: go-app writes them from a map) with
// one of content, if there is one. head is not modified in place.
func setMeta(head []byte, prop, content string) []byte {
	want := []byte(`property="` + prop + `"`)
	for i := 0; ; {
		j := bytes.Index(head[i:], []byte("<meta "))
		if j < 0 {
			return head
		}
		start := i + j
		end := tagEnd(head, start)
		if end < 0 {
			return head
		}
		if bytes.Contains(head[start:end], want) {
			tag := `<meta property="` + prop + `" content="` + html.EscapeString(content) + `">`
			out := make([]byte, 0, len(head)+len(tag))
			out = append(out, head[:start]...)
			out = append(out, tag...)
			return append(out, head[end:]...)
		}
		i = end
	}
}

// tagEnd returns the index just after the '>' closing the tag that starts
// at start, outside quoted attribute values, or -1.
func tagEnd(b []byte, start int) int {
	var quote byte
	for i := start; i < len(b); i++ {
		switch c := b[i]; {
		case quote != 0:
			if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '>':
			return i + 1
		}
	}
	return -1
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
