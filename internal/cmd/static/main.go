// Command static writes the widget as a static site, for any static host or
// CDN: every route prerendered (with the article's figures; a static host
// cannot prerender a query, so the wasm applies it once it runs), go-app's
// PWA files, and web/ with app.wasm and its precompressed .br and .gz.
//
//	go run ./internal/cmd/static -out dist -prefix /widgets/amazon/
//
// make build must have run. A page /embed/capex is written as
// embed/capex/index.html (nginx: try_files $uri $uri/index.html).
package main

import (
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"

	"amzwidget/app"
)

func main() {
	out := flag.String("out", "dist", "output directory (replaced)")
	web := flag.String("web", "web", "directory of the built assets")
	prefix := flag.String("prefix", "/", "URL path the site is served under, e.g. /widgets/amazon/")
	flag.Parse()
	if err := run(*out, *web, *prefix); err != nil {
		fmt.Fprintln(os.Stderr, "static:", err)
		os.Exit(1)
	}
}

func run(out, web, prefix string) error {
	p, err := app.CleanPrefix(prefix)
	if err != nil {
		return fmt.Errorf("-prefix %q: %w", prefix, err)
	}
	raw, err := os.ReadFile(filepath.Join(web, "app.wasm"))
	if err != nil {
		return fmt.Errorf("read app.wasm (run make build first): %w", err)
	}
	version := ""
	if b, err := os.ReadFile(filepath.Join(web, "version.txt")); err == nil {
		version = strings.TrimSpace(string(b))
	}
	if version == "" {
		sum := sha256.Sum256(raw)
		version = hex.EncodeToString(sum[:8])
	}
	// The pages are rendered from their paths at the root; the handler
	// writes every URL under the prefix, and the files go to out as if
	// it were the prefix's directory.
	h := app.ScopedManifest(app.Handler(version, int64(len(raw)), p), p)
	app.Routes()

	if err := os.RemoveAll(out); err != nil {
		return err
	}
	paths := append(app.Pages(), "/app.js", "/app.css", "/app-worker.js", "/manifest.webmanifest", "/wasm_exec.js")
	for _, p := range paths {
		req := httptest.NewRequest(http.MethodGet, p, nil)
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, req)
		if rec.Code != http.StatusOK {
			return fmt.Errorf("GET %s: %d", p, rec.Code)
		}
		file := p
		if !strings.Contains(filepath.Base(p), ".") {
			file = strings.TrimSuffix(p, "/") + "/index.html"
		}
		if err := write(filepath.Join(out, file), rec.Body.Bytes()); err != nil {
			return err
		}
	}
	n := 0
	err = filepath.WalkDir(web, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(web, path)
		if strings.HasSuffix(rel, ".sha256") || strings.HasSuffix(rel, ".tmp") {
			return nil
		}
		src, err := os.Open(path)
		if err != nil {
			return err
		}
		defer src.Close()
		b, err := io.ReadAll(src)
		if err != nil {
			return err
		}
		n++
		return write(filepath.Join(out, "web", rel), b)
	})
	if err != nil {
		return err
	}
	fmt.Printf("static: %d pages and %d assets in %s (prefix %s, version %s)\n", len(app.Pages()), n, out, prefix, version)
	return nil
}

func write(path string, b []byte) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	return os.WriteFile(path, b, 0o644)
}
