package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"amzwidget/data"

	"golang.org/x/net/html"
)

// rawGet sends a hand-written request line (so that nothing cleans the
// path on the way) and returns the status code and body.
func rawGet(t *testing.T, target string) (int, string) {
	t.Helper()
	u, _ := url.Parse(server(t).URL)
	c, err := net.DialTimeout("tcp", u.Host, 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.SetDeadline(time.Now().Add(10 * time.Second))
	fmt.Fprintf(c, "GET %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n\r\n", target, u.Host)
	res, err := http.ReadResponse(bufio.NewReader(c), nil)
	if err != nil {
		t.Fatalf("%s: %v", target, err)
	}
	b, _ := io.ReadAll(res.Body)
	res.Body.Close()
	return res.StatusCode, string(b)
}

func TestServerRefusesPathsOutsideWeb(t *testing.T) {
	for _, target := range []string{
		"/web/../server.go", "/web/%2e%2e/server.go", "/web/%2E%2E/go.mod", "/web/..%2fserver.go",
		"/web/..%5cserver.go", "/web/..\\server.go", "/web/%00", "/web/app.wasm%00.png",
		"/web/", "/web", "/web/.", "/web/..", "/%2e%2e/%2e%2e/etc/passwd", "/web/../../etc/passwd",
		"/web/%c0%ae%c0%ae/server.go",
	} {
		code, body := rawGet(t, target)
		if code == 200 || code >= 500 {
			t.Errorf("%s: %d", target, code)
		}
		for _, leak := range []string{"package main", "module amzwidget", "root:"} {
			if strings.Contains(body, leak) {
				t.Errorf("%s: body leaks %q", target, leak)
			}
		}
	}
	if code, _ := rawGet(t, "/web/widget.css"); code != 200 {
		t.Errorf("/web/widget.css: %d", code)
	}
}

func TestServerNotFoundAndMethods(t *testing.T) {
	res, body := get(t, "/no/such/page")
	if res.StatusCode != 404 || !strings.Contains(body, "<h1>Not found</h1>") || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("unknown path: %d %q", res.StatusCode, body)
	}
	res, body = get(t, "/healthz")
	if res.StatusCode != 200 || body != "ok\n" {
		t.Errorf("/healthz: %d %q", res.StatusCode, body)
	}
	for _, m := range []string{"POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"} {
		req, _ := http.NewRequest(m, server(t).URL+"/", strings.NewReader("x"))
		r, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		r.Body.Close()
		if r.StatusCode != 405 || r.Header.Get("Allow") != "GET, HEAD" {
			t.Errorf("%s /: %d Allow=%q", m, r.StatusCode, r.Header.Get("Allow"))
		}
	}
	req, _ := http.NewRequest("HEAD", server(t).URL+"/embed/capex", nil)
	r, err := http.DefaultClient.Do(req)
	if err != nil || r.StatusCode != 200 {
		t.Errorf("HEAD: %v %v", err, r)
	}
}

// TestServerSecurityHeaders checks every kind of response.
func TestServerSecurityHeaders(t *testing.T) {
	want := map[string]string{
		"X-Content-Type-Options": "nosniff",
		"Referrer-Policy":        "strict-origin-when-cross-origin",
	}
	for _, path := range []string{"/", "/embed/capex", "/web/app.wasm", "/web/widget.css", "/app.js", "/app-worker.js", "/manifest.webmanifest", "/nope", "/healthz", "/oembed?url=x"} {
		res, _ := get(t, path)
		for k, v := range want {
			if got := res.Header.Get(k); got != v {
				t.Errorf("%s: %s = %q, want %q", path, k, got, v)
			}
		}
		csp := res.Header.Get("Content-Security-Policy")
		if !strings.Contains(csp, "script-src 'self' 'wasm-unsafe-eval'") || strings.Contains(csp, "unsafe-inline") ||
			strings.Contains(csp, "'unsafe-eval'") || !strings.Contains(csp, "frame-ancestors *") {
			t.Errorf("%s: CSP %q", path, csp)
		}
		if res.Header.Get("Permissions-Policy") == "" {
			t.Errorf("%s: no Permissions-Policy", path)
		}
		if res.Header.Get("X-Frame-Options") != "" {
			t.Errorf("%s: X-Frame-Options blocks embedding", path)
		}
		if res.Header.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS without -hsts", path)
		}
	}
	cfg := testConfig()
	cfg.hsts = true
	cfg.frameAncestors = "'self' https://news.example"
	h, err := newHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	rec := &bufferedWriter{header: http.Header{}}
	req, _ := http.NewRequest("GET", "/healthz", nil)
	h.ServeHTTP(rec, req)
	if rec.header.Get("Strict-Transport-Security") == "" || !strings.Contains(rec.header.Get("Content-Security-Policy"), "frame-ancestors 'self' https://news.example") {
		t.Errorf("-hsts/-frame-ancestors not applied: %v", rec.header)
	}
}

var hostilePayloads = []string{
	`"`, `'`, `<script>alert(1)</script>`, `"><svg onload=alert(1)>`, `javascript:alert(1)`,
	`' onmouseover='alert(1)`, "\u202e\u0000\ufeff", strings.Repeat("9", 100_000),
}

// checkNoInjection parses the page and fails if any element or attribute
// could have come from the input.
func checkNoInjection(t *testing.T, what, page string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode {
			if n.Data == "svg" && !slices.ContainsFunc(n.Attr, func(a html.Attribute) bool { return a.Key == "class" && strings.Contains(a.Val, "chart-svg") }) {
				t.Errorf("%s: an <svg> element", what)
			}
			if n.Data == "script" {
				src := ""
				for _, a := range n.Attr {
					if a.Key == "src" {
						src = a.Val
					}
				}
				if !strings.HasPrefix(src, "/") || strings.HasPrefix(src, "//") {
					t.Errorf("%s: a script that is not ours: %q", what, src)
				}
			}
			for _, a := range n.Attr {
				if strings.HasPrefix(a.Key, "on") {
					t.Errorf("%s: <%s %s=%q>", what, n.Data, a.Key, a.Val)
				}
				if strings.Contains(a.Val, "alert(") || strings.Contains(a.Val, "javascript:") || strings.Contains(a.Val, "99999999999") {
					t.Errorf("%s: <%s %s=%q> carries the input", what, n.Data, a.Key, a.Val)
				}
			}
		}
		if n.Type == html.TextNode && (strings.Contains(n.Data, "alert(") || strings.Contains(n.Data, "99999999999")) {
			t.Errorf("%s: text %q carries the input", what, n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
}

// TestHostileParameters runs against server(t), an http.Server with
// main's limits (defaultLimits): its MaxHeaderBytes decides what a huge
// query gets.
func TestHostileParameters(t *testing.T) {
	if got := server(t).Config.MaxHeaderBytes; got != defaultLimits.MaxHeaderBytes || got != 256<<10 {
		t.Fatalf("the test server's MaxHeaderBytes is %d, want main's %d (256 KB)", got, defaultLimits.MaxHeaderBytes)
	}
	params := []string{"digits", "exact", "theme", "transparent", "lang", "childId"}
	for _, p := range data.Default().Params() {
		params = append(params, p.ID)
	}
	client := &http.Client{Timeout: 10 * time.Second}
	try := func(what, rawQuery string) int {
		t.Helper()
		start := time.Now()
		res, err := client.Get(server(t).URL + "/embed/all?" + rawQuery)
		if err != nil {
			t.Fatalf("%s: %v", what, err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 && res.StatusCode != 400 && res.StatusCode != http.StatusRequestHeaderFieldsTooLarge {
			t.Errorf("%s: status %d", what, res.StatusCode)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: took %v", what, d)
		}
		if res.StatusCode == 200 {
			checkNoInjection(t, what, string(b))
		}
		if res.StatusCode == http.StatusRequestHeaderFieldsTooLarge &&
			(!strings.HasPrefix(res.Header.Get("Content-Type"), "text/plain") || strings.Contains(string(b), "alert(") || strings.Contains(string(b), "svg")) {
			t.Errorf("%s: 431 %q (%s) is not net/http's plain refusal", what, b, res.Header.Get("Content-Type"))
		}
		return res.StatusCode
	}
	for _, p := range params {
		for _, v := range hostilePayloads {
			try(p+"="+shorten(v), url.QueryEscape(p)+"="+url.QueryEscape(v))
		}
		try(p+" bad escapes", p+"=%zz%G0%")
		try(p+" overlong utf-8", p+"=%C0%AE%C0%AE%E0%80%AF")
	}
	for what, code := range map[string]int{
		"repeated 1000 times": try("repeated 1000 times", strings.Repeat("workforce=%3Cb%3E&", 1000)),
		// ~170 KB: under the limit, the page is rendered and carries none of it.
		"4000 distinct parameters": try("4000 distinct parameters", manyParams(4000)),
		// ~420 KB: over 256 KB (+ net/http's 4 KB), net/http answers 431.
		"10000 distinct parameters": try("10000 distinct parameters", manyParams(10000)),
	} {
		want := 200
		if what == "10000 distinct parameters" {
			want = http.StatusRequestHeaderFieldsTooLarge
		}
		if code != want {
			t.Errorf("%s: %d, want %d", what, code, want)
		}
	}
	// The limit itself: just under it is served, just over it is 431.
	// (The request line and the client's few headers are ~150 bytes.)
	under := "x=" + strings.Repeat("a", defaultLimits.MaxHeaderBytes-1024)
	if code := try("just under the header limit", under); code != 200 {
		t.Errorf("a %d-byte query: %d, want 200", len(under), code)
	}
	over := "x=" + strings.Repeat("a", defaultLimits.MaxHeaderBytes+8192)
	if code := try("just over the header limit", over); code != http.StatusRequestHeaderFieldsTooLarge {
		t.Errorf("a %d-byte query: %d, want 431", len(over), code)
	}
}

// manyParams is a query of n distinct parameters, each an injection
// attempt of ~42 bytes.
func manyParams(n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "p%d=%%22%%3E%%3Csvg%%20onload%%3Dalert(1)%%3E&", i)
	}
	return b.String()
}

func shorten(s string) string {
	if len(s) > 20 {
		return s[:20] + "…"
	}
	return s
}

// startLimited runs the real wiring through serve() with test limits.
func startLimited(t *testing.T, lim limits) (string, context.CancelFunc, chan error) {
	t.Helper()
	cfg := testConfig()
	h, err := newHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, h, slog.New(slog.NewTextHandler(io.Discard, nil)), lim) }()
	t.Cleanup(func() { cancel(); <-done })
	return ln.Addr().String(), cancel, done
}

func TestServerGracefulShutdown(t *testing.T) {
	cfg := testConfig()
	h, err := newHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	started := make(chan struct{})
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow" {
			close(started)
			time.Sleep(700 * time.Millisecond)
		}
		h.ServeHTTP(w, r)
	})
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	lim := defaultLimits
	lim.Shutdown = 3 * time.Second
	go func() { done <- serve(ctx, ln, slow, slog.New(slog.NewTextHandler(io.Discard, nil)), lim) }()
	result := make(chan int, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			result <- -1
			return
		}
		res.Body.Close()
		result <- res.StatusCode
	}()
	<-started
	t0 := time.Now()
	cancel()
	if code := <-result; code != 404 { // /slow is not a page: the in-flight request still finishes
		t.Errorf("in-flight request: %d, want it to finish (404)", code)
	}
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve: %v", err)
		}
		t.Logf("shutdown took %v with one request in flight", time.Since(t0).Round(time.Millisecond))
	case <-time.After(5 * time.Second):
		t.Fatal("serve did not return after shutdown")
	}
}

// 500 clients sending their headers a byte a second do not stop others
// from being served, and are cut off by the header timeout.
func TestServerSlowClients(t *testing.T) {
	lim := defaultLimits
	lim.ReadHeader = 2 * time.Second
	addr, _, _ := startLimited(t, lim)
	const n = 500
	var wg sync.WaitGroup
	var cut atomic.Int64
	var heldMax atomic.Int64
	stop := make(chan struct{})
	for i := 0; i < n; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c, err := net.DialTimeout("tcp", addr, 5*time.Second)
			if err != nil {
				return
			}
			defer c.Close()
			start := time.Now()
			req := "GET / HTTP/1.1\r\nHost: x\r\nX-Slow: " + strings.Repeat("a", 60) + "\r\n\r\n"
			for j := 0; j < len(req); j++ {
				c.SetWriteDeadline(time.Now().Add(2 * time.Second))
				if _, err := c.Write([]byte{req[j]}); err != nil {
					break
				}
				select {
				case <-stop:
					return
				case <-time.After(time.Second):
				}
				// The server closes the connection: a read returns at once.
				c.SetReadDeadline(time.Now().Add(time.Millisecond))
				if _, err := c.Read(make([]byte, 1)); err != nil && !isTimeout(err) {
					break
				}
			}
			held := time.Since(start)
			cut.Add(1)
			for {
				old := heldMax.Load()
				if int64(held) <= old || heldMax.CompareAndSwap(old, int64(held)) {
					break
				}
			}
		}()
	}
	time.Sleep(500 * time.Millisecond)
	// A normal reader is served meanwhile, quickly.
	for i := 0; i < 5; i++ {
		start := time.Now()
		res, err := (&http.Client{Timeout: 3 * time.Second}).Get("http://" + addr + "/embed/capex")
		if err != nil {
			t.Fatalf("normal client during the slow ones: %v", err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		if res.StatusCode != 200 {
			t.Errorf("normal client: %d", res.StatusCode)
		}
		t.Logf("normal request %d served in %v while %d slow clients connect", i, time.Since(start).Round(time.Millisecond), n)
	}
	wg.Wait()
	close(stop)
	if got := cut.Load(); got < n*9/10 {
		t.Errorf("only %d of %d slow clients were cut off", got, n)
	}
	if max := time.Duration(heldMax.Load()); max > lim.ReadHeader+3*time.Second {
		t.Errorf("a slow client was held %v (header timeout %v)", max, lim.ReadHeader)
	} else {
		t.Logf("%d slow clients cut off; the longest was held %v (header timeout %v)", cut.Load(), max.Round(time.Millisecond), lim.ReadHeader)
	}
}

func isTimeout(err error) bool {
	ne, ok := err.(net.Error)
	return ok && ne.Timeout()
}

// closeTracker wraps a listener and reports when the server closes each
// connection it accepted.
type closeTracker struct {
	net.Listener
	closed chan time.Time
}

func (l *closeTracker) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	return &trackedConn{Conn: c, closed: l.closed}, nil
}

type trackedConn struct {
	net.Conn
	once   sync.Once
	closed chan time.Time
}

func (c *trackedConn) Close() error {
	c.once.Do(func() { c.closed <- time.Now() })
	return c.Conn.Close()
}

// A client that stops reading in the middle of app.wasm is dropped by the
// write timeout: the server closes its side (the kernel may still hold
// unsent bytes for the peer, so the test watches the server's own Close).
func TestServerStalledReaderDropped(t *testing.T) {
	lim := defaultLimits
	lim.Write = 2 * time.Second
	h, err := newHandler(testConfig())
	if err != nil {
		t.Fatal(err)
	}
	inner, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ln := &closeTracker{Listener: inner, closed: make(chan time.Time, 4)}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- serve(ctx, ln, h, slog.New(slog.NewTextHandler(io.Discard, nil)), lim) }()
	defer func() { cancel(); <-done }()

	c, err := net.DialTimeout("tcp", inner.Addr().String(), 5*time.Second)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	c.(*net.TCPConn).SetReadBuffer(4096)
	start := time.Now()
	fmt.Fprintf(c, "GET /web/app.wasm HTTP/1.1\r\nHost: x\r\n\r\n") // identity: 7+ MB, never read
	select {
	case at := <-ln.closed:
		held := at.Sub(start)
		t.Logf("the server dropped the stalled reader after %v (write timeout %v)", held.Round(time.Millisecond), lim.Write)
		if held < lim.Write-100*time.Millisecond {
			t.Errorf("dropped after %v, before the write timeout", held)
		}
	case <-time.After(lim.Write + 5*time.Second):
		t.Fatalf("the server still holds the stalled connection after %v", time.Since(start))
	}
}
