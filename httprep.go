package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/andybalholm/brotli"
)

// A representation is one response body with its precomputed content
// codings: the identity body and, for text, its gzip and brotli
// compressions. serve picks the coding from Accept-Encoding (RFC 9110
// §12.5.3), gives each coding its own ETag (`"x"`, `"x-br"`, `"x-gzip"`),
// answers If-None-Match with 304, and sends the same headers for HEAD as
// for GET, Content-Length included.
type representation struct {
	// header holds the response's headers, ETag for the identity body
	// among them, never Content-Length or Content-Encoding.
	header http.Header
	// body is the identity body; when it is nil, file is opened instead
	// (so that a static file still goes out with sendfile), and size is
	// its length.
	body []byte
	file string
	size int
	// br and gz are the compressed bodies, nil when the coding is not
	// offered (not text, or not smaller, or not asked for).
	br, gz []byte
	// varies is true when the body is sent compressed to those who
	// accept it: Vary: Accept-Encoding.
	varies bool
}

// Brotli levels, measured on a 50 KB page on 2 busy cores: 5 takes ~6 ms
// (6.9 KB), 6 ~8 ms (6.8 KB), 9 ~95 ms (6.8 KB), 11 ~270 ms (6.1 KB); gzip
// 6 gives 7.4 KB. Static files (a few, small, compressed once per version
// of the file) get 11; pages kept in the cache 6; a body made for one
// response 5.
const (
	brStaticLevel  = 11
	brCacheLevel   = 6
	brRequestLevel = 5
	gzLevel        = 6
	// minCompress is the smallest body worth compressing.
	minCompress = 256
)

// compressible reports whether a body of Content-Type ct is text that
// compression shrinks: HTML, CSS, JavaScript, JSON, CSV, SVG, manifests.
func compressible(ct string) bool {
	mt, _, err := mime.ParseMediaType(ct)
	if err != nil {
		return false
	}
	switch {
	case strings.HasPrefix(mt, "text/"):
		return true
	case strings.HasSuffix(mt, "+json"), strings.HasSuffix(mt, "+xml"):
		return true
	}
	switch mt {
	case "application/javascript", "application/json", "application/xml":
		return true
	}
	return false // images, and app.wasm, which is compressed at build
}

// newRepresentation makes the representation of a 200 response: header
// (taken over, not copied) and body, with both compressed bodies if only
// is "", else only that coding's (for a body made for one response). A
// body without an ETag gets one from its hash, and one without
// Cache-Control gets no-cache: every response is revalidated, since no
// URL of ours names a version.
func newRepresentation(header http.Header, body []byte, brLevel int, only string) *representation {
	header.Del("Content-Length")
	header.Del("Content-Encoding")
	if header.Get("ETag") == "" {
		header.Set("ETag", hashETag(body))
	}
	if header.Get("Cache-Control") == "" {
		header.Set("Cache-Control", "no-cache")
	}
	p := &representation{header: header, body: body, size: len(body)}
	if compressible(header.Get("Content-Type")) && len(body) >= minCompress {
		p.varies = true
		if only == "" || only == "br" {
			p.br = compressBrotli(body, brLevel)
		}
		if only == "" || only == "gzip" {
			p.gz = compressGzip(body)
		}
	}
	return p
}

// compressBrotli returns body brotli-compressed, or nil when that is not
// smaller.
func compressBrotli(body []byte, level int) []byte {
	var b bytes.Buffer
	bw := brotli.NewWriterLevel(&b, level)
	bw.Write(body)
	if bw.Close() != nil || b.Len() >= len(body) {
		return nil
	}
	return b.Bytes()
}

// compressGzip returns body gzip-compressed, or nil when that is not
// smaller.
func compressGzip(body []byte) []byte {
	var b bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&b, gzLevel)
	gw.Write(body)
	if gw.Close() != nil || b.Len() >= len(body) {
		return nil
	}
	return b.Bytes()
}

// hashETag is a strong ETag naming body's bytes.
func hashETag(body []byte) string {
	sum := sha256.Sum256(body)
	return `"` + hex.EncodeToString(sum[:12]) + `"`
}

// codedETag is the ETag of the coding's body, given the identity body's:
// `"x"` becomes `"x-br"` (a weak `W/"x"`, `W/"x-br"`). Each coding is a
// different representation, so a cache never answers one client's
// request with the bytes another coding asked for.
func codedETag(etag, coding string) string {
	if coding == "" || !strings.HasSuffix(etag, `"`) || len(etag) < 2 {
		return etag
	}
	return etag[:len(etag)-1] + "-" + coding + `"`
}

func (p *representation) serve(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	// Each response gets its own copy of the header values: a wrapper
	// after us may change them in place.
	for k, vs := range p.header {
		h[k] = slices.Clone(vs)
	}
	offers := make([]string, 0, 2)
	if p.br != nil {
		offers = append(offers, "br")
	}
	if p.gz != nil {
		offers = append(offers, "gzip")
	}
	if p.varies || len(offers) > 0 {
		addVary(h, "Accept-Encoding")
	}
	// No Range: ranges of a page or of a compressed body are of no use to
	// anyone, and a 200 with the whole body is always a right answer.
	h.Set("Accept-Ranges", "none")
	coding := negotiateEncoding(r.Header.Get("Accept-Encoding"), offers...)
	body, size := p.body, p.size
	switch coding {
	case "br":
		body, size = p.br, len(p.br)
	case "gzip":
		body, size = p.gz, len(p.gz)
	}
	etag := codedETag(p.header.Get("ETag"), coding)
	h.Set("ETag", etag)
	if coding != "" {
		h.Set("Content-Encoding", coding)
	}
	if noneMatch(r.Header.Get("If-None-Match"), etag) {
		h.Del("Content-Type")
		h.Del("Content-Encoding")
		w.WriteHeader(http.StatusNotModified)
		return
	}
	if body == nil && p.file != "" {
		p.serveFile(w, r)
		return
	}
	h.Set("Content-Length", strconv.Itoa(size))
	if r.Method == http.MethodHead {
		return
	}
	w.Write(body)
}

// serveFile sends the identity body from the file, through the
// connection's ReadFrom (sendfile).
func (p *representation) serveFile(w http.ResponseWriter, r *http.Request) {
	f, err := os.Open(p.file)
	if err != nil {
		http.Error(w, "file gone", http.StatusInternalServerError)
		return
	}
	defer f.Close()
	w.Header().Set("Content-Length", strconv.Itoa(p.size))
	if r.Method == http.MethodHead {
		return
	}
	io.CopyN(w, f, int64(p.size))
}

// addVary adds field to the Vary header unless it is there.
func addVary(h http.Header, field string) {
	for _, v := range h.Values("Vary") {
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); strings.EqualFold(f, field) || f == "*" {
				return
			}
		}
	}
	h.Add("Vary", field)
}

// noneMatch reports whether an If-None-Match field value matches etag,
// by the weak comparison (RFC 9110 §13.1.2): `*`, or any listed tag equal
// to etag once a W/ prefix is dropped from either.
func noneMatch(field, etag string) bool {
	if field == "" || etag == "" {
		return false
	}
	if strings.TrimSpace(field) == "*" {
		return true
	}
	want := strings.TrimPrefix(etag, "W/")
	for _, t := range strings.Split(field, ",") {
		if strings.TrimPrefix(strings.TrimSpace(t), "W/") == want {
			return true
		}
	}
	return false
}

// negotiateEncoding returns the content coding to send, one of offers
// (in the server's order of preference) or "" for identity, for the
// Accept-Encoding field value accept, per RFC 9110 §12.5.3: codings and
// the q parameter are case-insensitive, "x-gzip" is gzip, q=0 refuses a
// coding, "*" stands for every coding not listed, identity is acceptable
// unless refused. The highest q wins (identity's only when the client
// weighs it); a tie goes to the server's order, compressed before identity. An empty or absent field gets identity, as
// does a field that refuses everything (a 406 would help nobody).
func negotiateEncoding(accept string, offers ...string) string {
	if strings.TrimSpace(accept) == "" || len(offers) == 0 {
		return ""
	}
	q := map[string]float64{}
	for _, el := range strings.Split(accept, ",") {
		name, params, _ := strings.Cut(el, ";")
		name = strings.ToLower(strings.TrimSpace(name))
		if name == "" {
			continue
		}
		if name == "x-gzip" {
			name = "gzip"
		}
		w, ok := 1.0, true
		for _, p := range strings.Split(params, ";") {
			k, v, _ := strings.Cut(p, "=")
			if strings.EqualFold(strings.TrimSpace(k), "q") {
				w, ok = parseQ(strings.TrimSpace(v))
			}
		}
		if _, seen := q[name]; ok && !seen {
			q[name] = w
		}
	}
	weight := func(coding string) float64 {
		if w, ok := q[coding]; ok {
			return w
		}
		if w, ok := q["*"]; ok {
			return w
		}
		return 0
	}
	// Identity is acceptable unless refused, but only a weight the client
	// gives it (itself or through "*") makes it beat a coding it accepts.
	best, bestQ := "", weight("identity")
	for _, c := range offers {
		if w := weight(c); w > 0 && (w > bestQ || w == bestQ && best == "") {
			best, bestQ = c, w
		}
	}
	return best
}

// parseQ parses a qvalue: 0 to 1 with at most three decimals.
func parseQ(s string) (float64, bool) {
	if s == "" || len(s) > 5 || (s[0] != '0' && s[0] != '1') {
		return 0, false
	}
	v, err := strconv.ParseFloat(s, 64)
	if err != nil || v < 0 || v > 1 {
		return 0, false
	}
	return v, true
}

// renderRequest is r as the handler that makes a response should see it:
// a GET (so that HEAD gets the very headers of GET, Content-Length
// included), without conditional or range headers (the representation
// answers those, knowing its coding's ETag).
func renderRequest(r *http.Request) *http.Request {
	r2 := r.Clone(r.Context())
	r2.Method = http.MethodGet
	for _, k := range []string{"If-None-Match", "If-Modified-Since", "If-Match", "If-Unmodified-Since", "If-Range", "Range"} {
		r2.Header.Del(k)
	}
	return r2
}

// negotiated serves what h writes as a representation: compressed when
// the client accepts it, with an ETag per coding, 304 for a matching
// If-None-Match, and HEAD equal to GET. It is for small responses made
// per request (oEmbed, data exports, pages with a query not worth
// caching); anything but a 200 is passed on as it is, with no-cache.
func negotiated(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rec := &bufferedWriter{header: http.Header{}}
		h.ServeHTTP(rec, renderRequest(r))
		serveRecorded(w, r, rec)
	})
}

// serveRecorded sends a recorded response: a 200 as a representation
// compressed for this request only, anything else as it is.
func serveRecorded(w http.ResponseWriter, r *http.Request, rec *bufferedWriter) {
	if rec.status == 0 || rec.status == http.StatusOK {
		only := negotiateEncoding(r.Header.Get("Accept-Encoding"), "br", "gzip")
		if only == "" {
			only = "identity" // compress nothing
		}
		newRepresentation(rec.header, rec.buf.Bytes(), brRequestLevel, only).serve(w, r)
		return
	}
	for k, vs := range rec.header {
		w.Header()[k] = vs
	}
	if w.Header().Get("Cache-Control") == "" {
		w.Header().Set("Cache-Control", "no-cache")
	}
	w.WriteHeader(rec.status)
	w.Write(rec.buf.Bytes())
}

// staticCache serves the files of a directory as representations, each
// read, hashed and compressed once per version of the file (its size and
// modification time); the identity body is sent from the file itself.
type staticCache struct {
	dir     string
	mu      sync.Mutex
	entries map[string]*staticEntry
}

type staticEntry struct {
	size  int64
	mtime int64
	rep   *representation
}

// serve sends the file rel (already checked to be inside dir), whose
// stat is st.
func (c *staticCache) serve(w http.ResponseWriter, r *http.Request, rel string, st os.FileInfo) {
	c.mu.Lock()
	e := c.entries[rel]
	c.mu.Unlock()
	if e == nil || e.size != st.Size() || e.mtime != st.ModTime().UnixNano() {
		path := filepath.Join(c.dir, filepath.FromSlash(rel))
		body, err := os.ReadFile(path)
		if err != nil {
			notFound(w, r)
			return
		}
		ct := mime.TypeByExtension(filepath.Ext(rel))
		if ct == "" {
			ct = http.DetectContentType(body)
		}
		hd := http.Header{}
		hd.Set("Content-Type", ct)
		rep := newRepresentation(hd, body, brStaticLevel, "")
		rep.body, rep.file = nil, path // the identity body goes out with sendfile
		e = &staticEntry{size: int64(len(body)), mtime: st.ModTime().UnixNano(), rep: rep}
		c.mu.Lock()
		c.entries[rel] = e
		c.mu.Unlock()
	}
	e.rep.serve(w, r)
}
