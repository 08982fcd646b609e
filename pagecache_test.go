package main

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
)

func TestPageCache(t *testing.T) {
	var renders atomic.Int64
	next := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		renders.Add(1)
		w.Header().Set("ETag", `"v1"`)
		w.Write([]byte("page " + r.URL.RawQuery))
	})
	c := newPageCache(next, 2)
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
