package main

import (
	"io"
	"net/http"
	"slices"
	"sync"
	"testing"
	"time"
)

// TestLoad runs 64 concurrent connections for 20 s against /,
// /embed/capex and the brotli wasm on loopback: zero errors and zero
// non-2xx answers; it reports the requests served and the p50/p99 latency.
func TestLoad(t *testing.T) {
	const (
		conns    = 64
		duration = 20 * time.Second
	)
	base := server(t).URL
	paths := []string{"/", "/embed/capex", "/web/app.wasm"}
	tr := &http.Transport{MaxIdleConnsPerHost: conns, MaxConnsPerHost: conns, DisableCompression: true}
	defer tr.CloseIdleConnections()
	client := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	type sample struct {
		path string
		d    time.Duration
		ok   bool
		err  string
	}
	var mu sync.Mutex
	var samples []sample
	deadline := time.Now().Add(duration)
	var wg sync.WaitGroup
	for i := 0; i < conns; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			var local []sample
			for n := i; time.Now().Before(deadline); n++ {
				p := paths[n%len(paths)]
				req, _ := http.NewRequest("GET", base+p, nil)
				req.Header.Set("Accept-Encoding", "br, gzip")
				start := time.Now()
				res, err := client.Do(req)
				ok, why := err == nil, ""
				if err == nil {
					_, err = io.Copy(io.Discard, res.Body)
					res.Body.Close()
					ok = err == nil && res.StatusCode >= 200 && res.StatusCode < 300
					why = res.Status
				}
				if err != nil {
					why = err.Error()
				}
				local = append(local, sample{p, time.Since(start), ok, why})
			}
			mu.Lock()
			samples = append(samples, local...)
			mu.Unlock()
		}(i)
	}
	wg.Wait()
	for _, p := range paths {
		var ds []time.Duration
		bad := 0
		for _, s := range samples {
			if s.path != p {
				continue
			}
			ds = append(ds, s.d)
			if !s.ok {
				if bad < 3 {
					t.Logf("%s failed: %s", p, s.err)
				}
				bad++
			}
		}
		slices.Sort(ds)
		if len(ds) == 0 {
			t.Fatalf("%s: no requests", p)
		}
		q := func(f float64) time.Duration { return ds[min(len(ds)-1, int(f*float64(len(ds))))] }
		t.Logf("%-14s %6d requests (%.0f/s), %d failed, p50 %v, p99 %v", p, len(ds), float64(len(ds))/duration.Seconds(), bad, q(0.50).Round(100*time.Microsecond), q(0.99).Round(100*time.Microsecond))
		if bad > 0 {
			t.Errorf("%s: %d requests failed or were not 2xx", p, bad)
		}
	}
}
