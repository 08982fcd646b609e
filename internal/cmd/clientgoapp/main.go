// Command clientgoapp writes the copy of go-app that the client (web/app.wasm)
// is built with: go-app v10 exactly as go.mod names it, but with its server
// half, the files that import net/http, left out of GOOS=js builds.
//
// Why: go-app's package app holds both the client and the server
// (app.Handler). Go links every imported package's init into a binary, and
// net/http imports crypto/tls, whose inits reach every elliptic curve and
// cipher in the standard library: 0.8 MB of WebAssembly code the client never
// runs, which Chromium still downloads, decodes and validates before the page
// starts (app.wasm 8.76 MB raw → 7.42 MB without it). The client never uses
// the Handler: go-app's own GOOS=js build only names it (GenerateStaticWebsite
// panics there), and ours builds it in !wasm files only (pages/handler.go).
//
// It also changes one thing go-app does, in its event loop (engine.go's
// Start): the first update after an idle spell is drawn at once instead of a
// frame (1/120 s) later. go-app draws a frame on a ticker that a dispatch
// starts, so every edit reached the DOM no sooner than 8.3 ms after its event,
// whatever it cost: half of input→DOM's 16 ms budget. Now an event's
// dispatch, with any queued behind it, is drawn when it has run; dispatches
// that arrive within the next 1/120 s are drawn together on the ticker, as
// before, so a burst still draws at most 120 frames a second. See framePatch.
//
// What it writes, under -out (bin/goapp-client by default):
//   - go-app's go.mod, go.sum, LICENSE and pkg/, copied from the module
//     cache, pkg/app/engine.go with framePatch applied;
//   - http.go and resource.go with a "//go:build !wasm" line put first, so
//     that a GOOS=js build leaves them out (and net/http with them);
//   - client_wasm.go, for GOOS=js only: an empty Handler type (what
//     wasm.go's GenerateStaticWebsite names) and the client functions that
//     lived in resource.go (clientResourceResolver and the two it calls),
//     copied verbatim from go-app's source, so they cannot drift from it;
//
// and -modfile (bin/client.mod): the project's go.mod with a replace of
// go-app by that copy, and its go.sum beside it as client.sum. The client is
// built with `go build -modfile=bin/client.mod`; everything else, the server
// included, uses go.mod and go-app unchanged. It fails, naming what it
// missed, if go-app's files no longer look as it expects.
package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
)

// Module is the module path of go-app.
const Module = "github.com/maxence-charriere/go-app/v10"

// serverFiles are the files of go-app's package app that import net/http.
var serverFiles = []string{"http.go", "resource.go"}

// patch is a change to a go-app file: the exact text old, found once,
// replaced by new, and tail appended to the file.
type patch struct {
	file, old, new, tail string
}

// framePatch draws the first dispatch after an idle spell at once (see the
// package doc). engine.go's loop before it, in go-app v10.1.11:
//
//	case dispatch := <-e.dispatches:
//		if currentFrameDuration != activeFrameDuration {
//			frames.Reset(activeFrameDuration)
//			currentFrameDuration = activeFrameDuration
//		}
//		dispatch()
var framePatch = patch{
	file: "engine.go",
	old: `		case dispatch := <-e.dispatches:
			if currentFrameDuration != activeFrameDuration {
				frames.Reset(activeFrameDuration)
				currentFrameDuration = activeFrameDuration
			}
			dispatch()
`,
	new: `		case dispatch := <-e.dispatches:
			dispatch()
			if currentFrameDuration != activeFrameDuration {
				// amzwidget: the first dispatch after an idle spell, and
				// those queued behind it, are drawn now, not a frame later
				// (internal/cmd/clientgoapp).
				e.runQueuedDispatches()
				e.processFrame()
				frames.Reset(activeFrameDuration)
				currentFrameDuration = activeFrameDuration
			}
`,
	// The function the new loop calls.
	tail: `
// runQueuedDispatches runs the dispatches already queued, without waiting
// for more (amzwidget: internal/cmd/clientgoapp).
func (e *engineX) runQueuedDispatches() {
	for {
		select {
		case dispatch := <-e.dispatches:
			dispatch()
		default:
			return
		}
	}
}
`,
}

// errPatch is returned when a patch's text is not found exactly once.
var errPatch = errors.New("text to patch not found exactly once")

// apply applies p to the file of that name in dir.
func (p patch) apply(dir string) error {
	f := filepath.Join(dir, p.file)
	b, err := os.ReadFile(f)
	if err != nil {
		return err
	}
	if n := bytes.Count(b, []byte(p.old)); n != 1 {
		return fmt.Errorf("%s: %w (%d times); go-app changed: check what this command does", f, errPatch, n)
	}
	b = bytes.Replace(b, []byte(p.old), []byte(p.new), 1)
	return os.WriteFile(f, append(b, p.tail...), 0o644)
}

// clientFuncs are the functions of resource.go that the client calls
// (app.go's RunWhenOnBrowser: clientResourceResolver, which calls the other
// two). They are copied into client_wasm.go as go-app wrote them.
var clientFuncs = []string{"clientResourceResolver", "remoteLocation", "webLocation"}

func main() {
	out := flag.String("out", "bin/goapp-client", "directory to write the client's go-app into")
	modfile := flag.String("modfile", "bin/client.mod", "go.mod for the client build, replacing go-app by -out")
	flag.Parse()
	if err := run(*out, *modfile); err != nil {
		fmt.Fprintln(os.Stderr, "clientgoapp:", err)
		os.Exit(1)
	}
}

func run(out, modfile string) error {
	src, err := moduleDir()
	if err != nil {
		return err
	}
	abs, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	if err := os.RemoveAll(abs); err != nil {
		return err
	}
	if err := Write(src, abs); err != nil {
		return err
	}
	return WriteModfile(".", modfile, abs)
}

// moduleDir downloads go-app at the version go.mod requires (a no-op when it
// is in the module cache) and returns its directory there.
func moduleDir() (string, error) {
	cmd := exec.Command("go", "mod", "download", "-json", Module)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	b, err := cmd.Output()
	if err != nil {
		return "", fmt.Errorf("go mod download %s: %w\n%s%s", Module, err, b, stderr.Bytes())
	}
	var m struct{ Dir, Version, Error string }
	if err := json.Unmarshal(b, &m); err != nil {
		return "", fmt.Errorf("go mod download %s: %w", Module, err)
	}
	if m.Error != "" || m.Dir == "" {
		return "", fmt.Errorf("go mod download %s: no directory: %s", Module, m.Error)
	}
	return m.Dir, nil
}

// Write copies go-app from src (its module directory) into dst, with its
// server files kept out of GOOS=js builds, client_wasm.go in their place, and
// framePatch applied.
func Write(src, dst string) error { return write(src, dst, true) }

// write is Write, with framePatch applied only if frame is true (the tests
// check that go-app as published fails what the patch is for).
func write(src, dst string, frame bool) error {
	for _, f := range []string{"go.mod", "go.sum", "LICENSE"} {
		if err := copyFile(filepath.Join(src, f), filepath.Join(dst, f)); err != nil {
			return err
		}
	}
	err := filepath.WalkDir(filepath.Join(src, "pkg"), func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		return copyFile(p, filepath.Join(dst, rel))
	})
	if err != nil {
		return err
	}
	pkg := filepath.Join(dst, "pkg", "app")
	if frame {
		if err := framePatch.apply(pkg); err != nil {
			return err
		}
	}
	for _, f := range serverFiles {
		if err := serverOnly(filepath.Join(pkg, f)); err != nil {
			return err
		}
	}
	funcs, err := extractFuncs(filepath.Join(src, "pkg", "app", "resource.go"), clientFuncs)
	if err != nil {
		return err
	}
	var b bytes.Buffer
	b.WriteString("// Code generated by amzwidget/internal/cmd/clientgoapp. DO NOT EDIT.\n\n")
	b.WriteString("//go:build wasm\n\n")
	b.WriteString("package app\n\nimport \"strings\"\n\n")
	b.WriteString("// Handler is the server half of go-app (http.go), left out of this\n")
	b.WriteString("// client build: the client only names it.\n")
	b.WriteString("type Handler struct{}\n\n")
	b.WriteString("// From resource.go, verbatim.\n\n")
	b.WriteString(funcs)
	return os.WriteFile(filepath.Join(pkg, "client_wasm.go"), b.Bytes(), 0o644)
}

// serverOnly puts a //go:build !wasm line first in the file at p, which must
// have no build constraint of its own.
func serverOnly(p string) error {
	b, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	if bytes.Contains(b, []byte("//go:build")) {
		return fmt.Errorf("%s has a build constraint already; go-app changed: check what this command does", p)
	}
	if !bytes.Contains(b, []byte(`"net/http"`)) {
		return fmt.Errorf("%s no longer imports net/http; go-app changed: check what this command does", p)
	}
	return os.WriteFile(p, append([]byte("//go:build !wasm\n\n"), b...), 0o644)
}

// errMissingFunc is returned when go-app's source lacks a function to copy.
var errMissingFunc = errors.New("function not found")

// extractFuncs returns the source of the named top-level functions of the Go
// file at p, doc comments included, in the order given.
func extractFuncs(p string, names []string) (string, error) {
	src, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, p, src, parser.ParseComments)
	if err != nil {
		return "", err
	}
	found := map[string]string{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil {
			continue
		}
		start := fd.Pos()
		if fd.Doc != nil {
			start = fd.Doc.Pos()
		}
		found[fd.Name.Name] = string(src[fset.Position(start).Offset:fset.Position(fd.End()).Offset])
	}
	var parts []string
	for _, n := range names {
		s, ok := found[n]
		if !ok {
			return "", fmt.Errorf("%s: %s: %w; go-app changed: check what this command does", p, n, errMissingFunc)
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "\n\n") + "\n", nil
}

// WriteModfile writes the go.mod of the module in root with go-app replaced
// by dir, at path, and that module's go.sum beside it (path's name with .sum).
func WriteModfile(root, path, dir string) error {
	mod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return err
	}
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	mod = append(mod, fmt.Sprintf("\n// The client's go-app: see internal/cmd/clientgoapp.\nreplace %s => %s\n", Module, dir)...)
	if err := os.WriteFile(path, mod, 0o644); err != nil {
		return err
	}
	return os.WriteFile(strings.TrimSuffix(path, ".mod")+".sum", sum, 0o644)
}

func copyFile(from, to string) error {
	b, err := os.ReadFile(from)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		return err
	}
	return os.WriteFile(to, b, 0o644)
}
