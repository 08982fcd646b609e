package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"amzwidget/data"
)

func TestPageCache(t *testing.T) {
	var renders atomic.Int64
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		renders.Add(1)
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte("page " + r.URL.RawQuery))
	})
	c := newPageCache(next, 2, data.Default(), publicSite{})
	get := func(target, inm string) (int, string) {
		req := httptest.NewRequest("GET", target, nil)
		if inm != "" {
			req.Header.Set("If-None-Match", inm)
		}
		rec := httptest.NewRecorder()
		c.ServeHTTP(rec, req)
		return rec.Code, rec.Body.String()
	}
	for i := 0; i < 3; i++ {
		if _, b := get("/embed/capex?workforce=300000", ""); b != "page workforce=300000" {
			t.Fatalf("body %q", b)
		}
	}
	if n := renders.Load(); n != 1 {
		t.Errorf("a canonical page rendered %d times, want once", n)
	}
	if code, _ := get("/embed/capex?workforce=300000", `"v1"`); code != 304 {
		t.Errorf("If-None-Match on a cached page: %d", code)
	}
	renders.Store(0)
	for _, q := range []string{"workforce=abc", "workforce=300,000", "childId=x", "workforce=350000"} {
		get("/?"+q, "")
		get("/?"+q, "")
	}
	if n := renders.Load(); n != 8 {
		t.Errorf("non-canonical queries rendered %d times, want every time (8)", n)
	}
	// The bound: three pages through a cache of two evicts the oldest.
	renders.Store(0)
	for _, q := range []string{"workforce=1", "workforce=2", "workforce=3", "workforce=1"} {
		get("/?"+q, "")
	}
	if n := renders.Load(); n != 4 || len(c.entries) != 2 {
		t.Errorf("renders %d entries %d, want 4 and 2", n, len(c.entries))
	}
}

// Through the real wiring, a cached page is the same page.
func TestPageCacheServesTheSamePage(t *testing.T) {
	_, a := get(t, "/embed/capex?capex_2026=250")
	_, b := get(t, "/embed/capex?capex_2026=250")
	if a != b || !strings.Contains(visibleText(t, a), "$101.14 billion") {
		t.Errorf("cached page differs or lacks the scenario's result")
	}
}

// Many readers at once, through a small cache (hits, misses and
// evictions), each changing its response's header values in place after
// the fact, as a wrapper may: no reader sees another's change, and under
// `make race` no two share a slice.
func TestPageCacheConcurrent(t *testing.T) {
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", `"v1"`)
		w.Header().Set("Vary", "Accept-Encoding")
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte("page " + r.URL.RawQuery))
	})
	c := newPageCache(next, 4, data.Default(), publicSite{})
	const readers, each = 16, 300
	var wg sync.WaitGroup
	errs := make(chan string, readers)
	for g := 0; g < readers; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for i := 0; i < each; i++ {
				q := fmt.Sprintf("workforce=%d", 1+(g+i)%8)
				method := "GET"
				if i%5 == 0 {
					method = "HEAD"
				}
				req := httptest.NewRequest(method, "/embed/capex?"+q, nil)
				if i%7 == 0 {
					req.Header.Set("If-None-Match", `"v1"`)
				}
				rec := httptest.NewRecorder()
				c.ServeHTTP(rec, req)
				h := rec.Header()
				if h.Get("ETag") != `"v1"` || h.Get("Vary") != "Accept-Encoding" {
					errs <- fmt.Sprintf("%s %s: ETag %q Vary %q", method, q, h.Get("ETag"), h.Get("Vary"))
					return
				}
				if want := "page " + q; method == "GET" && rec.Code == 200 && rec.Body.String() != want {
					errs <- fmt.Sprintf("GET %s: body %q, want %q", q, rec.Body.String(), want)
					return
				}
				// What a later wrapper may do to its own response.
				h["Etag"][0] = fmt.Sprintf(`"mine-%d"`, g)
				h["Vary"][0] = "Cookie"
			}
		}(g)
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
