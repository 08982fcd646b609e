// Command compress writes web/app.wasm.br (brotli, quality 11) and
// web/app.wasm.gz (gzip -9) beside web/app.wasm, and web/version.txt: the
// build's version, the git commit joined to a hash of app.wasm, which
// go-app uses as every page's ETag and as the service worker's cache name.
//
// Brotli at quality 11 takes about 15 s on two cores, so the work is
// skipped when app.wasm has not changed since the last run.
package main

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/andybalholm/brotli"
)

func main() {
	dir := flag.String("dir", "web", "directory holding app.wasm")
	commit := flag.String("commit", "dev", "git commit of the build, for the version")
	flag.Parse()
	if err := run(*dir, *commit); err != nil {
		fmt.Fprintln(os.Stderr, "compress:", err)
		os.Exit(1)
	}
}

func run(dir, commit string) error {
	raw, err := os.ReadFile(filepath.Join(dir, "app.wasm"))
	if err != nil {
		return err
	}
	sum := sha256.Sum256(raw)
	hash := hex.EncodeToString(sum[:])
	version := sanitize(commit) + "-" + hash[:12]
	stamp := filepath.Join(dir, "app.wasm.sha256")
	if old, err := os.ReadFile(stamp); err == nil && string(old) == hash && exists(filepath.Join(dir, "app.wasm.br")) && exists(filepath.Join(dir, "app.wasm.gz")) {
		return write(filepath.Join(dir, "version.txt"), []byte(version+"\n"))
	}
	var br bytes.Buffer
	bw := brotli.NewWriterLevel(&br, brotli.BestCompression)
	bw.Write(raw)
	if err := bw.Close(); err != nil {
		return err
	}
	var gz bytes.Buffer
	gw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	gw.Write(raw)
	if err := gw.Close(); err != nil {
		return err
	}
	for name, b := range map[string][]byte{
		"app.wasm.br": br.Bytes(),
		"app.wasm.gz": gz.Bytes(),
		"version.txt": []byte(version + "\n"),
	} {
		if err := write(filepath.Join(dir, name), b); err != nil {
			return err
		}
	}
	fmt.Printf("app.wasm: %d bytes raw, %d gzip -9, %d brotli -q 11; version %s\n", len(raw), gz.Len(), br.Len(), version)
	return write(stamp, []byte(hash))
}

func sanitize(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '.' {
			return r
		}
		return -1
	}, s)
}

func exists(p string) bool { _, err := os.Stat(p); return err == nil }

func write(path string, b []byte) error {
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, b, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}
