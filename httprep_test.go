package main

import (
	"bytes"
	"compress/gzip"
	"io"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// rawClient sends exactly the Accept-Encoding it is given and hands back
// the body as it came over the wire.
var rawClient = &http.Client{
	Transport:     &http.Transport{DisableCompression: true},
	CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
}

// fetch sends method path to the test server with the headers hdr (name,
// value, ...) and returns the response and its raw body.
func fetch(t testing.TB, method, path string, hdr ...string) (*http.Response, []byte) {
	t.Helper()
	req, err := http.NewRequest(method, server(t).URL+path, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(hdr); i += 2 {
		req.Header.Set(hdr[i], hdr[i+1])
	}
	res, err := rawClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		t.Fatal(err)
	}
	return res, b
}

// decode undoes the response's Content-Encoding.
func decode(t testing.TB, coding string, b []byte) []byte {
	t.Helper()
	var r io.Reader
	switch coding {
	case "":
		return b
	case "gzip":
		zr, err := gzip.NewReader(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		r = zr
	case "br":
		r = brotli.NewReader(bytes.NewReader(b))
	default:
		t.Fatalf("unknown coding %q", coding)
	}
	out, err := io.ReadAll(r)
	if err != nil {
		t.Fatalf("%s body: %v", coding, err)
	}
	return out
}

// oembedPath is an oEmbed request for the test server's capex embed.
func oembedPath(t testing.TB) string {
	return "/oembed?format=json&url=" + url.QueryEscape(server(t).URL+"/embed/capex")
}

// uncached is a page rendered for each request (a query that is not the
// scenario's canonical encoding): go-app writes attributes in map order,
// so two renders hold the same bytes in another order, and their
// compressed lengths differ by a few bytes.
const uncached = "/embed/capex?capex_2026=250&utm_source=x"

// Every response says how it may be cached; everything a reader loads is
// revalidated (no-cache) against a validator, since go-app's URLs name no
// version.
func TestServerCacheControl(t *testing.T) {
	for _, c := range []struct {
		method, path string
		status       int
		cc           string
		validator    bool
	}{
		{"GET", "/", 200, "no-cache", true},
		{"GET", "/embed/capex", 200, "no-cache", true},
		{"GET", "/embed/capex?capex_2026=250", 200, "no-cache", true},
		{"GET", uncached, 200, "no-cache", true},
		{"GET", "/app.js", 200, "no-cache", true},
		{"GET", "/app-worker.js", 200, "no-cache", true},
		{"GET", "/manifest.webmanifest", 200, "no-cache", true},
		{"GET", "/app.css", 200, "no-cache", true},
		{"GET", "/wasm_exec.js", 200, "no-cache", true},
		{"GET", "/web/widget.css", 200, "no-cache", true},
		{"GET", "/web/update.js", 200, "no-cache", true},
		{"GET", "/web/embed.js", 200, "no-cache", true},
		{"GET", "/web/icon-192.png", 200, "no-cache", true},
		{"GET", "/web/icon.svg", 200, "no-cache", true},
		{"GET", "/web/app.wasm", 200, "no-cache", true},
		{"GET", "/app.wasm", 200, "no-cache", true},
		{"GET", "/data.json", 200, "no-cache", true},
		{"GET", "/data.csv?capex_2026=250", 200, "no-cache", true},
		{"GET", oembedPath(t), 200, "no-cache", true},
		{"GET", "/oembed?url=x", 404, "no-cache", false},
		{"GET", "/nope", 404, "no-cache", false},
		{"GET", "/web/nope.css", 404, "no-cache", false},
		{"GET", "/embed/capex/", 308, "no-cache", false},
		{"POST", "/", 405, "no-cache", false},
		{"GET", "/healthz", 200, "no-store", false},
	} {
		res, _ := fetch(t, c.method, c.path, "Accept-Encoding", "gzip, br")
		if res.StatusCode != c.status {
			t.Errorf("%s %s: %d, want %d", c.method, c.path, res.StatusCode, c.status)
		}
		if got := res.Header.Get("Cache-Control"); got != c.cc {
			t.Errorf("%s %s: Cache-Control %q, want %q", c.method, c.path, got, c.cc)
		}
		if c.validator && res.Header.Get("ETag") == "" {
			t.Errorf("%s %s: no-cache without an ETag to revalidate with", c.method, c.path)
		}
	}
}

// Text is sent compressed to those who accept it; each coding is its own
// representation with its own ETag, and decodes to the identity body.
func TestServerCompression(t *testing.T) {
	for _, path := range []string{
		"/", "/embed/capex", "/embed/capex?capex_2026=250", uncached,
		"/app.js", "/app-worker.js", "/manifest.webmanifest", "/wasm_exec.js",
		"/web/widget.css", "/web/update.js", "/data.json", "/data.csv", oembedPath(t),
		"/web/app.wasm",
	} {
		idRes, identity := fetch(t, "GET", path)
		if idRes.StatusCode != 200 || idRes.Header.Get("Content-Encoding") != "" {
			t.Errorf("%s without Accept-Encoding: %d, Content-Encoding %q", path, idRes.StatusCode, idRes.Header.Get("Content-Encoding"))
			continue
		}
		etags := map[string]string{"": idRes.Header.Get("ETag")}
		for _, coding := range []string{"gzip", "br"} {
			res, body := fetch(t, "GET", path, "Accept-Encoding", coding)
			if got := res.Header.Get("Content-Encoding"); got != coding {
				t.Errorf("%s, Accept-Encoding %s: Content-Encoding %q", path, coding, got)
				continue
			}
			if len(body) >= len(identity) {
				t.Errorf("%s: %s body %d bytes, identity %d", path, coding, len(body), len(identity))
			}
			if d := decode(t, coding, body); path == uncached && len(d) != len(identity) || path != uncached && !bytes.Equal(d, identity) {
				t.Errorf("%s: the %s body is not the identity body", path, coding)
			}
			if !slices.Contains(strings.Split(res.Header.Get("Vary"), ", "), "Accept-Encoding") {
				t.Errorf("%s: Vary %q", path, res.Header.Get("Vary"))
			}
			etags[coding] = res.Header.Get("ETag")
		}
		if etags[""] == "" || etags[""] == etags["gzip"] || etags[""] == etags["br"] || etags["gzip"] == etags["br"] {
			t.Errorf("%s: ETags per coding %q: one ETag for different bodies", path, etags)
		}
		// Each ETag revalidates its own coding only.
		for coding, etag := range etags {
			res, _ := fetch(t, "GET", path, "Accept-Encoding", coding, "If-None-Match", etag)
			if res.StatusCode != 304 {
				t.Errorf("%s %s, If-None-Match %s: %d, want 304", path, coding, etag, res.StatusCode)
			}
			res, _ = fetch(t, "GET", path, "Accept-Encoding", coding, "If-None-Match", "W/"+etag)
			if res.StatusCode != 304 {
				t.Errorf("%s %s, If-None-Match W/%s (weak comparison): %d, want 304", path, coding, etag, res.StatusCode)
			}
		}
		res, _ := fetch(t, "GET", path, "Accept-Encoding", "br", "If-None-Match", etags["gzip"])
		if res.StatusCode != 200 {
			t.Errorf("%s: a br request revalidating the gzip body's ETag got %d, want 200", path, res.StatusCode)
		}
	}
	// Images are not compressed again.
	if res, _ := fetch(t, "GET", "/web/icon-192.png", "Accept-Encoding", "gzip, br"); res.Header.Get("Content-Encoding") != "" {
		t.Errorf("icon-192.png: Content-Encoding %q", res.Header.Get("Content-Encoding"))
	}
}

// Accept-Encoding per RFC 9110 §12.5.3.
func TestServerNegotiateEncoding(t *testing.T) {
	for _, c := range []struct{ accept, want string }{
		{"", ""},
		{"gzip", "gzip"},
		{"br", "br"},
		{"gzip, br", "br"}, // a tie goes to the server's order
		{"br, gzip, deflate, zstd", "br"},
		{"BR;Q=0, gzip", "gzip"}, // codings and q are case-insensitive
		{"br;q=0, GZIP", "gzip"}, // ...
		{"Br;q=0.000, gzip", "gzip"},
		{"br;q=0.5, gzip;q=0.8", "gzip"}, // the client's weights win
		{"br;q=0.8, gzip;q=0.5", "br"},
		{"gzip;q=0.5, identity", ""}, // identity is preferred here
		{"x-gzip", "gzip"},
		{"*", "br"},
		{"*;q=0", ""},         // nothing acceptable: identity rather than 406
		{"*, br;q=0", "gzip"}, // * stands for the codings not listed
		{"*;q=0, gzip", "gzip"},
		{"identity", ""},
		{"identity;q=0, gzip;q=0, br;q=0", ""},
		{"deflate", ""},
		{"br;q=2, gzip", "gzip"},   // an invalid qvalue ignores the element
		{"br;q=abc, gzip", "gzip"}, // ...
		{" gzip ; q=1 , br ; q=0.9 ", "gzip"},
		{",,gzip,", "gzip"},
	} {
		if got := negotiateEncoding(c.accept, "br", "gzip"); got != c.want {
			t.Errorf("Accept-Encoding %q: %q, want %q", c.accept, got, c.want)
		}
	}
	// Through the server, on app.wasm and on a page.
	for _, path := range []string{"/web/app.wasm", "/embed/capex"} {
		for _, c := range []struct{ accept, want string }{
			{"BR;Q=0, gzip", "gzip"}, {"*;q=0", ""}, {"gzip;q=0.1, br;q=0.2", "br"}, {"identity", ""},
		} {
			res, _ := fetch(t, "GET", path, "Accept-Encoding", c.accept)
			if got := res.Header.Get("Content-Encoding"); got != c.want {
				t.Errorf("%s, Accept-Encoding %q: Content-Encoding %q, want %q", path, c.accept, got, c.want)
			}
		}
	}
}

// HEAD gets GET's status and headers, Content-Length included.
func TestServerHeadEqualsGet(t *testing.T) {
	for _, path := range []string{
		"/", "/embed/capex", "/embed/capex?capex_2026=250", uncached,
		"/app.js", "/manifest.webmanifest", "/web/widget.css", "/web/icon-192.png",
		"/web/app.wasm", "/data.csv", oembedPath(t), "/nope", "/embed/capex/", "/healthz",
	} {
		for _, accept := range []string{"", "gzip", "br, gzip"} {
			get, body := fetch(t, "GET", path, "Accept-Encoding", accept)
			head, _ := fetch(t, "HEAD", path, "Accept-Encoding", accept)
			if get.StatusCode != head.StatusCode {
				t.Errorf("%s (%q): GET %d, HEAD %d", path, accept, get.StatusCode, head.StatusCode)
			}
			// (A page rendered per request is the same length only uncompressed.)
			sameLength := head.ContentLength == get.ContentLength || path == uncached && accept != ""
			if get.ContentLength != int64(len(body)) || !sameLength {
				t.Errorf("%s (%q): Content-Length GET %d (body %d), HEAD %d", path, accept, get.ContentLength, len(body), head.ContentLength)
			}
			for k := range get.Header {
				if k != "Date" && !(k == "Content-Length" && sameLength) && get.Header.Get(k) != head.Header.Get(k) {
					t.Errorf("%s (%q): %s GET %q, HEAD %q", path, accept, k, get.Header.Get(k), head.Header.Get(k))
				}
			}
			for k := range head.Header {
				if _, ok := get.Header[k]; !ok {
					t.Errorf("%s (%q): HEAD sends %s, GET does not", path, accept, k)
				}
			}
		}
	}
}

// A page's path with a trailing slash (as a static host serves it)
// redirects to the page, query kept; other paths are not invented.
func TestServerTrailingSlash(t *testing.T) {
	for _, c := range []struct {
		path     string
		status   int
		location string
	}{
		{"/embed/capex/", 308, "/embed/capex"},
		{"/embed/all/?capex_2026=250&theme=dark", 308, "/embed/all?capex_2026=250&theme=dark"},
		{"/embed/capex", 200, ""},
		{"/", 200, ""},
		{"/embed/", 404, ""},
		{"/embed/nope/", 404, ""},
		{"/web/", 404, ""},
	} {
		res, _ := fetch(t, "GET", c.path)
		if res.StatusCode != c.status || res.Header.Get("Location") != c.location {
			t.Errorf("%s: %d Location %q, want %d %q", c.path, res.StatusCode, res.Header.Get("Location"), c.status, c.location)
		}
	}
}

// app.wasm says it takes no ranges, and a Range request gets the whole
// file (RFC 9110 lets a server ignore Range).
func TestServerWasmRange(t *testing.T) {
	raw, err := os.ReadFile("web/app.wasm")
	if err != nil {
		t.Fatal(err)
	}
	for _, accept := range []string{"", "br"} {
		res, body := fetch(t, "GET", "/web/app.wasm", "Accept-Encoding", accept)
		if res.Header.Get("Accept-Ranges") != "none" {
			t.Errorf("app.wasm (%q): Accept-Ranges %q, want none", accept, res.Header.Get("Accept-Ranges"))
		}
		res, ranged := fetch(t, "GET", "/web/app.wasm", "Accept-Encoding", accept, "Range", "bytes=0-99")
		if res.StatusCode != 200 || !bytes.Equal(ranged, body) || (accept == "" && !bytes.Equal(body, raw)) {
			t.Errorf("app.wasm (%q), Range bytes=0-99: %d, %d bytes, want 200 and the whole file (%d)", accept, res.StatusCode, len(ranged), len(body))
		}
	}
}
