package main

import (
	"bytes"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

// syncBuffer is a log destination safe for concurrent handlers.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) lines() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Split(strings.TrimSpace(s.b.String()), "\n")
}

// loggedHandler is the real wiring with the flags args, logging as main
// does (a text handler at the default level, Info) into the returned buffer.
func loggedHandler(t *testing.T, args ...string) (http.Handler, *syncBuffer) {
	t.Helper()
	cfg, err := parseFlags(append([]string{"-web", "web"}, args...), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	buf := &syncBuffer{}
	cfg.logger = slog.New(slog.NewTextHandler(buf, nil))
	h, err := newHandler(cfg)
	if err != nil {
		t.Fatalf("%v (run `make build` first)", err)
	}
	return h, buf
}

var accessLine = regexp.MustCompile(`^time=\S+ level=INFO msg=request method=(\S+) path=(\S+) status=(\d+) bytes=(\d+) dur=\d[\d.]*[nµm]?s$`)

func TestServerAccessLog(t *testing.T) {
	h, buf := loggedHandler(t)
	srv := httptest.NewServer(h)
	defer srv.Close()
	type want struct {
		method, target, path string
		status               int
	}
	cases := []want{
		{"GET", "/embed/capex?workforce=300000&secret=hunter2", "/embed/capex", 200},
		{"HEAD", "/embed/capex", "/embed/capex", 200},
		{"GET", "/no/such/page?q=private", "/no/such/page", 404},
		{"POST", "/", "/", 405},
		{"GET", "/healthz", "/healthz", 200},
		{"GET", "/web/widget.css", "/web/widget.css", 200},
	}
	sizes := make([]int, len(cases))
	// The bytes logged are the bytes sent, compressed or not: the client
	// asks for gzip itself and reads the body as it came.
	client := &http.Client{Transport: &http.Transport{DisableCompression: true}}
	for i, c := range cases {
		req, _ := http.NewRequest(c.method, srv.URL+c.target, nil)
		req.Header.Set("Accept-Encoding", "gzip")
		res, err := client.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != c.status {
			t.Errorf("%s %s: %d, want %d", c.method, c.target, res.StatusCode, c.status)
		}
		sizes[i] = len(b)
	}
	// A line is written when the handler returns, which may be just after
	// the client has read the whole response.
	var lines []string
	for deadline := time.Now().Add(5 * time.Second); ; time.Sleep(10 * time.Millisecond) {
		if lines = buf.lines(); len(lines) >= len(cases) || time.Now().After(deadline) {
			break
		}
	}
	if len(lines) != len(cases) {
		t.Fatalf("%d log lines for %d requests:\n%s", len(lines), len(cases), strings.Join(lines, "\n"))
	}
	for i, c := range cases {
		m := accessLine.FindStringSubmatch(lines[i])
		if m == nil {
			t.Errorf("line %d is not an access line: %s", i, lines[i])
			continue
		}
		if m[1] != c.method || m[2] != c.path || m[3] != strconv.Itoa(c.status) || m[4] != strconv.Itoa(sizes[i]) {
			t.Errorf("%s %s: logged %s, want method=%s path=%s status=%d bytes=%d", c.method, c.target, lines[i], c.method, c.path, c.status, sizes[i])
		}
	}
	all := strings.Join(lines, "\n")
	for _, secret := range []string{"300000", "hunter2", "private", "workforce"} {
		if strings.Contains(all, secret) {
			t.Errorf("the log holds the query value %q:\n%s", secret, all)
		}
	}
	t.Logf("e.g. %s", lines[0])

	// A path with a newline stays on one quoted line, and a huge one is cut.
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/a%0Amsg=forged", nil))
	h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", "/"+strings.Repeat("x", 10000), nil))
	lines = buf.lines()
	if n := len(lines); n != len(cases)+2 || !strings.Contains(lines[n-2], `path="/a\nmsg=forged"`) || len(lines[n-1]) > maxLoggedPath+200 {
		t.Errorf("hostile paths logged as:\n%s", strings.Join(lines[len(cases):], "\n"))
	}
}

func TestServerAccessLogOff(t *testing.T) {
	h, buf := loggedHandler(t, "-access-log=false")
	for _, target := range []string{"/", "/embed/capex", "/nope", "/web/widget.css"} {
		h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest("GET", target, nil))
	}
	if lines := buf.lines(); len(lines) != 1 || lines[0] != "" {
		t.Errorf("-access-log=false still logs:\n%s", strings.Join(lines, "\n"))
	}
}

// readerFromRecorder is a ResponseWriter with ReadFrom, as net/http's own
// (which uses sendfile for a file on a TCP connection); it counts the calls.
type readerFromRecorder struct {
	*httptest.ResponseRecorder
	calls int
}

func (r *readerFromRecorder) ReadFrom(src io.Reader) (int64, error) {
	r.calls++
	return io.Copy(r.ResponseRecorder, src)
}

// The access log's wrapper keeps io.ReaderFrom: a static file reaches the
// connection's ReadFrom (sendfile), and its bytes are still counted.
func TestServerAccessLogKeepsSendfile(t *testing.T) {
	var w http.ResponseWriter = &statusWriter{ResponseWriter: httptest.NewRecorder()}
	if _, ok := w.(io.ReaderFrom); !ok {
		t.Fatal("statusWriter does not implement io.ReaderFrom")
	}
	h, buf := loggedHandler(t)
	file, err := os.ReadFile("web/widget.css")
	if err != nil {
		t.Fatal(err)
	}
	rec := &readerFromRecorder{ResponseRecorder: httptest.NewRecorder()}
	h.ServeHTTP(rec, httptest.NewRequest("GET", "/web/widget.css", nil))
	if rec.Code != 200 || rec.Body.Len() != len(file) {
		t.Fatalf("/web/widget.css: %d, %d bytes, want 200 and %d", rec.Code, rec.Body.Len(), len(file))
	}
	if rec.calls != 1 {
		t.Errorf("the file reached the connection's ReadFrom %d times, want once (sendfile)", rec.calls)
	}
	if line := buf.lines()[0]; !strings.Contains(line, " status=200 bytes="+strconv.Itoa(len(file))+" ") {
		t.Errorf("logged %s, want bytes=%d", line, len(file))
	}
}
