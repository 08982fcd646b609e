// Command amzwidget serves the comparison widget: it prerenders every page
// (so the figures are in the HTML before any WebAssembly runs), serves the
// PWA's files and the precompressed app.wasm, and sets the security headers.
//
// Usage:
//
//	go run . -addr :8000
//	go run . -check data/dataset.json   # every problem of a dataset file
//
// Run `go run . -h` for every flag. `make build` must have built
// web/app.wasm first.
package main

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"amzwidget/data"
	"amzwidget/pages"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			os.Exit(0)
		}
		fmt.Fprintln(os.Stderr, "amzwidget:", err)
		os.Exit(1)
	}
}

// config is what the flags set.
type config struct {
	addr           string
	webDir         string
	frameAncestors string
	hsts           bool
	// site is where readers reach us (-public-url, -trust-proxy): it
	// starts every absolute URL we write.
	site publicSite
	// prefix is the path the site is served under (-prefix), as
	// app.CleanPrefix returns it: "" or "/widgets/amazon".
	prefix string
	// accessLog logs one line per request at Info (-access-log).
	accessLog bool
	logger    *slog.Logger
	// version overrides the build's version (tests start two "releases").
	version string
	// check is a dataset file to check instead of serving (-check), and
	// sources the directory of its articles' texts (-sources).
	check, sources string
	// data is the dataset file the operator says the build serves
	// (-data): checked, and refused unless it is the one compiled in.
	data string
}

func parseFlags(args []string, stderr io.Writer) (config, error) {
	fs := flag.NewFlagSet("amzwidget", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var c config
	fs.StringVar(&c.addr, "addr", ":8000", "address to listen on, host:port")
	fs.StringVar(&c.webDir, "web", "web", "directory of the static assets, with the built app.wasm")
	fs.StringVar(&c.frameAncestors, "frame-ancestors", "*",
		"the pages allowed to embed the widget in a frame: a CSP frame-ancestors source list, e.g. \"'self' https://news.example\"")
	fs.BoolVar(&c.hsts, "hsts", false, "send Strict-Transport-Security (only when the site is served over TLS)")
	publicURL := fs.String("public-url", "",
		"the site's public URL, e.g. https://widgets.example/prefix/: every absolute URL the server writes (oEmbed, discovery links, og: tags) starts with it; X-Forwarded-* are then ignored")
	fs.BoolVar(&c.site.trustProxy, "trust-proxy", false,
		"without -public-url, believe X-Forwarded-Proto and X-Forwarded-Host (only behind a proxy that sets them: clients can forge them)")
	prefix := fs.String("prefix", "/",
		"the URL `path` the site is served under, e.g. /widgets/amazon/: every page and file is at that path and links from it; anything outside it is 404")
	fs.BoolVar(&c.accessLog, "access-log", true, "log one line per request at Info (method, path without the query, status, bytes, duration)")
	fs.StringVar(&c.check, "check", "",
		"check the dataset `FILE` instead of serving: print every problem, one per line, with its place and what is accepted; exit status 1 on any")
	fs.StringVar(&c.sources, "sources", "",
		"with -check: the `DIR`ectory of the articles' texts (each article's file), to check that every quote is word for word in its article (default: the dataset's directory, where a missing text is skipped)")
	fs.StringVar(&c.data, "data", "",
		"the dataset `FILE` this build serves: checked at start, and refused unless it is the dataset compiled into bin/amzwidget and web/app.wasm (build both with make build DATA=FILE)")
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: amzwidget [flags]\n       amzwidget -check FILE [-sources DIR]\n\nServes the Amazon AI-bet comparison widget, or checks a dataset file.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return c, err
	}
	if strings.ContainsAny(c.frameAncestors, ";,\r\n") {
		return c, errors.New("-frame-ancestors: a source list may not contain ';', ',' or a newline")
	}
	p, err := pages.CleanPrefix(*prefix)
	if err != nil {
		return c, fmt.Errorf("-prefix %q: %w", *prefix, err)
	}
	c.prefix = p
	c.site.prefix = p
	if *publicURL != "" {
		s, err := parsePublicURL(*publicURL)
		if err != nil {
			return c, err
		}
		// The pages link their own files from -prefix: the public URL
		// must name the same path (or none, and gets -prefix).
		switch {
		case p != "" && s.prefix == "":
			s.prefix = p
		case p != "" && s.prefix != p:
			return c, fmt.Errorf("%q: %w", *publicURL, errPublicURLPrefix)
		}
		c.site.fixed = s
	}
	return c, nil
}

func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, err := parseFlags(args, stderr)
	if err != nil {
		return err
	}
	if cfg.check != "" {
		return checkDataset(stdout, cfg.check, cfg.sources)
	}
	if cfg.data != "" {
		if err := servesDataset(cfg.data); err != nil {
			return err
		}
	}
	cfg.logger = slog.New(slog.NewTextHandler(stderr, nil))
	h, err := newHandler(cfg)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return err
	}
	return serve(ctx, ln, h, cfg.logger, defaultLimits)
}

// limits are the server's bounds. A page is a few KB and app.wasm under
// 2 MB compressed, so generous bounds still cut off clients that stall.
type limits struct {
	// ReadHeader cuts off clients that send their request line and headers
	// slowly (slowloris): 5 s is plenty for any real client.
	ReadHeader time.Duration
	// Read bounds the whole request; we accept no bodies (GET/HEAD only).
	Read time.Duration
	// Write bounds sending a response: 60 s carries app.wasm over a slow
	// phone link; a client that stops reading is then dropped.
	Write time.Duration
	// Idle is how long a keep-alive connection may wait for its next request.
	Idle time.Duration
	// MaxHeaderBytes bounds the request line and headers, and so memory
	// per connection. 256 KB admits a shared link with thousands of
	// parameters (about 5,000 of 40 bytes; refused values get a note on the
	// page). Beyond it (net/http allows 4 KB more) net/http itself answers
	// 431 Request Header Fields Too Large, in plain text, before any
	// handler runs: no page is rendered, nothing of the request is echoed,
	// and the access log has no line for it. TestHostileParameters checks
	// both sides of the limit on a server with these very limits.
	MaxHeaderBytes int
	// Shutdown is how long in-flight requests may take to finish on
	// SIGINT/SIGTERM.
	Shutdown time.Duration
}

// defaultLimits are the production bounds.
var defaultLimits = limits{
	ReadHeader:     5 * time.Second,
	Read:           10 * time.Second,
	Write:          60 * time.Second,
	Idle:           120 * time.Second,
	MaxHeaderBytes: 256 << 10,
	Shutdown:       10 * time.Second,
}

// serve runs the HTTP server on ln until ctx is done, then lets in-flight
// requests finish for up to lim.Shutdown.
func serve(ctx context.Context, ln net.Listener, h http.Handler, log *slog.Logger, lim limits) error {
	srv := newHTTPServer(h, log, lim)
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	log.Info("serving", "url", "http://"+ln.Addr().String())
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
	}
	log.Info("shutting down")
	sctx, cancel := context.WithTimeout(context.Background(), lim.Shutdown)
	defer cancel()
	return srv.Shutdown(sctx)
}

// newHTTPServer is the http.Server of serve, with the limits lim; tests
// start their servers with it too.
func newHTTPServer(h http.Handler, log *slog.Logger, lim limits) *http.Server {
	return &http.Server{
		Handler:           h,
		ReadHeaderTimeout: lim.ReadHeader,
		ReadTimeout:       lim.Read,
		WriteTimeout:      lim.Write,
		IdleTimeout:       lim.Idle,
		MaxHeaderBytes:    lim.MaxHeaderBytes,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
}

// newHandler wires the whole server: the go-app handler for pages and PWA
// files, the static assets, the precompressed wasm, and the middleware.
// Tests use it as main does.
func newHandler(cfg config) (http.Handler, error) {
	wasm, err := loadWasm(cfg.webDir)
	if err != nil {
		return nil, err
	}
	version := readVersion(cfg.webDir, wasm.body)
	if cfg.version != "" {
		version = cfg.version
	}
	// The story is the dataset compiled in (-data only checks that it is
	// the operator's file): read here, once, and handed to everything
	// that serves it.
	ds := data.Default()
	shell := pages.Handler(ds, version, int64(len(wasm.body)), cfg.prefix)
	pages.Routes(ds)

	mux := http.NewServeMux()
	mux.HandleFunc("/healthz", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		io.WriteString(w, "ok\n")
	})
	mux.HandleFunc("/web/app.wasm", wasm.serve)
	mux.HandleFunc("/app.wasm", wasm.serve)
	mux.Handle("/web/", staticFiles(cfg.webDir))
	mux.Handle("/oembed", negotiated(oembed(ds, cfg.site)))
	mux.Handle("/data.csv", negotiated(dataExport(ds)))
	mux.Handle("/data.json", negotiated(dataExport(ds)))
	mux.Handle("/chart/", chartImages(ds, cfg.site))
	mux.Handle("/", knownPaths(ds, newPageCache(oembedDiscovery(pages.ScopedManifest(shell, cfg.prefix), ds, cfg.site), maxCachedPages, ds, cfg.site)))

	var h http.Handler = underPrefix(mux, cfg.prefix)
	h = securityHeaders(h, cfg)
	h = onlyGetHead(h)
	if cfg.accessLog {
		h = accessLog(h, cfg.logger)
	}
	return h, nil
}

// loadWasm reads app.wasm and its precompressed variants into memory, as
// one representation: Content-Type, no-cache with an ETag per coding (its
// URL names no version), the uncompressed length in X-Uncompressed-Length
// for go-app's loader, and CORS for sandboxed frames.
func loadWasm(dir string) (*representation, error) {
	raw, err := os.ReadFile(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return nil, fmt.Errorf("read the client (run `make build` first): %w", err)
	}
	sum := sha256.Sum256(raw)
	h := http.Header{}
	h.Set("Content-Type", "application/wasm")
	h.Set("ETag", `"`+hex.EncodeToString(sum[:8])+`"`)
	h.Set("Cache-Control", "no-cache")
	h.Set("X-Uncompressed-Length", strconv.Itoa(len(raw)))
	// A sandboxed frame (WordPress embeds) has an opaque origin, so its
	// fetch of app.wasm is cross-origin: the public client may be read by
	// anyone. The uncompressed length must be readable by the loader too.
	h.Set("Access-Control-Allow-Origin", "*")
	h.Set("Access-Control-Expose-Headers", "X-Uncompressed-Length")
	w := &representation{header: h, body: raw, size: len(raw), varies: true}
	// The compressed copies must be of this very app.wasm: a stale .br
	// would serve an old client. make build writes them with the hash of
	// the app.wasm they were made from (app.wasm.sha256).
	if stamp, err := os.ReadFile(filepath.Join(dir, "app.wasm.sha256")); err == nil && string(stamp) == hex.EncodeToString(sum[:]) {
		w.br, _ = os.ReadFile(filepath.Join(dir, "app.wasm.br"))
		w.gz, _ = os.ReadFile(filepath.Join(dir, "app.wasm.gz"))
	}
	return w, nil
}

// readVersion returns the build's version: web/version.txt as make build
// writes it (git commit and content hash), else a hash of app.wasm. Never
// go-app's start-time default, which would look like a new release on every
// restart.
func readVersion(dir string, wasm []byte) string {
	if b, err := os.ReadFile(filepath.Join(dir, "version.txt")); err == nil {
		if v := strings.TrimSpace(string(b)); v != "" && !strings.ContainsAny(v, "\"'<>\\ \t") {
			return v
		}
	}
	sum := sha256.Sum256(wasm)
	return hex.EncodeToString(sum[:8])
}

// staticFiles serves the files of dir under /web/: files only (no
// directory listings), and nothing outside dir (no "..", backslashes or
// NUL bytes, whatever their encoding: the path is decoded by net/http
// before it gets here). Each is no-cache with an ETag of its content (the
// URLs name no version), and text is sent compressed when accepted.
func staticFiles(dir string) http.Handler {
	files := &staticCache{dir: dir, entries: map[string]*staticEntry{}}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		rel := strings.TrimPrefix(r.URL.Path, "/web/")
		if rel == "" || strings.HasSuffix(rel, "/") || strings.ContainsAny(rel, "\\\x00") ||
			strings.Contains("/"+rel+"/", "/../") || strings.HasPrefix(rel, ".") {
			notFound(w, r)
			return
		}
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(rel)))
		if err != nil || st.IsDir() {
			notFound(w, r)
			return
		}
		files.serve(w, r, rel, st)
	})
}

// knownPaths lets through the pages and go-app's own files, redirects a
// page's path with a trailing slash (/embed/capex/, as a static host
// serves it) to the page, and answers our 404 page for anything else.
func knownPaths(ds *data.Dataset, h http.Handler) http.Handler {
	known := map[string]bool{
		"/app.js": true, "/app.css": true, "/app-worker.js": true, "/wasm_exec.js": true,
		"/manifest.webmanifest": true, "/manifest.json": true, "/goapp.js": true,
	}
	for _, p := range pages.Pages(ds) {
		known[p] = true
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if p, ok := strings.CutSuffix(r.URL.Path, "/"); ok && p != "" && known[p] {
			target := prefixOf(r) + p
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			// No body: HEAD and GET get the same headers.
			w.Header().Set("Location", target)
			w.Header().Set("Cache-Control", "no-cache")
			w.Header().Set("Content-Length", "0")
			w.WriteHeader(http.StatusPermanentRedirect)
			return
		}
		if !known[r.URL.Path] {
			notFound(w, r)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// notFound answers 404 with a small page of ours, whose links are under
// the request's path prefix.
func notFound(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-cache")
	w.WriteHeader(http.StatusNotFound)
	// The prefix passed app.CleanPrefix: nothing in it needs escaping.
	io.WriteString(w, strings.ReplaceAll(notFoundPage, "PREFIX", prefixOf(r)))
}

// notFoundPage is the 404 page; PREFIX stands for the path prefix.
const notFoundPage = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Not found</title><link rel="stylesheet" href="PREFIX/web/widget.css"></head>
<body><main class="page"><h1>Not found</h1><p>There is no page here. <a href="PREFIX/">See every comparison</a>.</p></main></body></html>
`

// onlyGetHead refuses every method but GET and HEAD.
func onlyGetHead(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			w.Header().Set("Allow", "GET, HEAD")
			w.Header().Set("Cache-Control", "no-cache")
			http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
			return
		}
		h.ServeHTTP(w, r)
	})
}

// csp returns the Content-Security-Policy: our origin only, no inline
// script or style, WebAssembly allowed, and the frame-ancestors of the
// -frame-ancestors flag.
func csp(frameAncestors string) string {
	return strings.Join([]string{
		"default-src 'self'",
		"script-src 'self' 'wasm-unsafe-eval'",
		"style-src 'self'",
		"img-src 'self' data:",
		"connect-src 'self'",
		"worker-src 'self'",
		"manifest-src 'self'",
		"object-src 'none'",
		"base-uri 'self'",
		"form-action 'self'",
		"frame-ancestors " + frameAncestors,
	}, "; ")
}

func securityHeaders(h http.Handler, cfg config) http.Handler {
	policy := csp(cfg.frameAncestors)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", policy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("Referrer-Policy", "strict-origin-when-cross-origin")
		hd.Set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()")
		if cfg.hsts {
			hd.Set("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
		}
		h.ServeHTTP(w, r)
	})
}

// statusWriter records the status and the bytes sent for the access log.
// It keeps the io.ReaderFrom of the connection's writer, so that files
// still go out with sendfile, and unwraps for http.ResponseController.
type statusWriter struct {
	http.ResponseWriter
	status int
	bytes  int64
}

var _ io.ReaderFrom = (*statusWriter)(nil)

func (s *statusWriter) WriteHeader(code int) {
	if s.status == 0 {
		s.status = code
	}
	s.ResponseWriter.WriteHeader(code)
}

func (s *statusWriter) Write(b []byte) (int, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	n, err := s.ResponseWriter.Write(b)
	s.bytes += int64(n)
	return n, err
}

// ReadFrom hands src to the underlying writer's ReadFrom (net/http's uses
// sendfile for a file on a TCP connection).
func (s *statusWriter) ReadFrom(src io.Reader) (int64, error) {
	if s.status == 0 {
		s.status = http.StatusOK
	}
	var n int64
	var err error
	if rf, ok := s.ResponseWriter.(io.ReaderFrom); ok {
		n, err = rf.ReadFrom(src)
	} else {
		n, err = io.Copy(struct{ io.Writer }{s.ResponseWriter}, src)
	}
	s.bytes += n
	return n, err
}

func (s *statusWriter) Unwrap() http.ResponseWriter { return s.ResponseWriter }

// maxLoggedPath bounds the path in a log line: a request line may be
// 256 KB.
const maxLoggedPath = 512

// accessLog logs one line per request at Info, when the response is done:
//
//	time=… level=INFO msg=request method=GET path=/embed/capex status=200 bytes=61234 dur=1.2ms
//
// path is the decoded path without the query (a shared link's values are
// the reader's), quoted by slog when it holds spaces or control
// characters, and cut to 512 bytes; bytes is the body as sent (compressed
// when it was; 0 for HEAD); dur is from the request's headers read to the
// handler's return. A request net/http refuses itself (a 431, a malformed
// request line) never reaches a handler and has no line.
func accessLog(h http.Handler, log *slog.Logger) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		start := time.Now()
		sw := &statusWriter{ResponseWriter: w}
		h.ServeHTTP(sw, r)
		status := sw.status
		if status == 0 {
			status = http.StatusOK
		}
		n := sw.bytes
		if r.Method == http.MethodHead {
			n = 0 // net/http drops what a handler writes for HEAD
		}
		path := r.URL.Path
		if len(path) > maxLoggedPath {
			path = strings.ToValidUTF8(path[:maxLoggedPath], "") + "…"
		}
		log.LogAttrs(r.Context(), slog.LevelInfo, "request",
			slog.String("method", r.Method),
			slog.String("path", path),
			slog.Int("status", status),
			slog.Int64("bytes", n),
			slog.Duration("dur", time.Since(start)))
	})
}
