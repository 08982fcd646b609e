package main

import (
	"errors"
	"go/parser"
	"go/token"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// repoRoot is the directory of the project's go.mod.
func repoRoot(t *testing.T) string {
	t.Helper()
	out, err := exec.Command("go", "env", "GOMOD").Output()
	if err != nil {
		t.Fatal(err)
	}
	return filepath.Dir(strings.TrimSpace(string(out)))
}

// clientDeps lists the packages a GOOS=js build of ./wasm links, with the
// project's go.mod or with modfile.
func clientDeps(t *testing.T, root, modfile string) []string {
	t.Helper()
	args := []string{"list", "-deps"}
	if modfile != "" {
		args = append(args, "-modfile="+modfile)
	}
	cmd := exec.Command("go", append(args, "./wasm")...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return strings.Fields(string(out))
}

// TestClientLinksNoNetHTTP: the client built with the copy links neither
// net/http nor crypto/tls, while the same client built with go-app as
// published links both (so the check can fail). (That the client
// compiles with the copy, make build shows.)
func TestClientLinksNoNetHTTP(t *testing.T) {
	root := repoRoot(t)
	src, err := moduleDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	dst := filepath.Join(dir, "goapp")
	if err := Write(src, dst); err != nil {
		t.Fatal(err)
	}
	modfile := filepath.Join(dir, "client.mod")
	if err := WriteModfile(root, modfile, dst); err != nil {
		t.Fatal(err)
	}
	stock := clientDeps(t, root, "")
	for _, p := range []string{"net/http", "crypto/tls"} {
		if !slices.Contains(stock, p) {
			t.Errorf("the client with go-app as published does not link %s: this test no longer tests anything", p)
		}
	}
	trimmed := clientDeps(t, root, modfile)
	for _, p := range []string{"net/http", "crypto/tls", "crypto/ecdsa"} {
		if slices.Contains(trimmed, p) {
			t.Errorf("the client with the copy still links %s", p)
		}
	}
	if !slices.Contains(trimmed, Module+"/pkg/app") {
		t.Errorf("the client with the copy does not link go-app at all: %v", trimmed)
	}
}

// TestCopyKeepsGoAppsSource: every file of go-app's pkg is copied byte for
// byte but the two server files, which only gain a build line first, and
// engine.go, which only gains framePatch; and
// client_wasm.go is valid Go for GOOS=js holding the client's functions.
func TestCopyKeepsGoAppsSource(t *testing.T) {
	src, err := moduleDir()
	if err != nil {
		t.Fatal(err)
	}
	dst := t.TempDir()
	if err := Write(src, dst); err != nil {
		t.Fatal(err)
	}
	err = filepath.Walk(filepath.Join(src, "pkg"), func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		want, _ := os.ReadFile(p)
		got, err := os.ReadFile(filepath.Join(dst, rel))
		if err != nil {
			t.Errorf("%s not copied: %v", rel, err)
			return nil
		}
		if filepath.Dir(rel) == filepath.Join("pkg", "app") {
			switch base := filepath.Base(rel); {
			case slices.Contains(serverFiles, base):
				want = append([]byte("//go:build !wasm\n\n"), want...)
			case base == framePatch.file:
				want = append([]byte(strings.Replace(string(want), framePatch.old, framePatch.new, 1)), framePatch.tail...)
			}
		}
		if string(got) != string(want) {
			t.Errorf("%s differs from go-app's", rel)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(dst, "pkg", "app", "client_wasm.go"), nil, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	if f.Name.Name != "app" {
		t.Errorf("client_wasm.go is package %s", f.Name.Name)
	}
	b, _ := os.ReadFile(filepath.Join(dst, "pkg", "app", "client_wasm.go"))
	if !strings.Contains(string(b), "//go:build wasm\n") {
		t.Errorf("client_wasm.go is not for GOOS=js only:\n%s", b)
	}
	for _, n := range append([]string{"Handler"}, clientFuncs...) {
		if f.Scope.Lookup(n) == nil {
			t.Errorf("client_wasm.go does not declare %s", n)
		}
	}
}

// TestExtractFuncsNamesWhatIsMissing: a function that go-app no longer has
// is an error naming it, not a copy without it.
func TestExtractFuncsNamesWhatIsMissing(t *testing.T) {
	p := filepath.Join(t.TempDir(), "x.go")
	src := "package app\n\n// A is a.\nfunc A() int { return 1 }\n\nfunc (T) B() {}\n\nfunc C() {}\n"
	if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	got, err := extractFuncs(p, []string{"C", "A"})
	if err != nil {
		t.Fatal(err)
	}
	if want := "func C() {}\n\n// A is a.\nfunc A() int { return 1 }\n"; got != want {
		t.Errorf("extractFuncs = %q, want %q", got, want)
	}
	_, err = extractFuncs(p, []string{"A", "B"})
	if !errors.Is(err, errMissingFunc) || !strings.Contains(err.Error(), "B") {
		t.Errorf("a method is not a top-level function: err = %v, want errMissingFunc naming B", err)
	}
}

// frameTest is a test of framePatch written into a copy of go-app's package
// app, where it can reach the engine. A frame a second, so that go-app's
// ticker cannot draw the dispatch first; the dispatch cancels the engine,
// whose loop returns at its next wait: the dispatch's deferred function,
// which a frame runs, has run by then only if the frame was drawn at once.
// Deterministic whichever ready case the loop's select picks first.
const frameTest = `package app

import (
	"context"
	"testing"
)

func TestAmzwidgetFirstDispatchDrawnAtOnce(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	e := newTestEngine()
	e.ctx = ctx
	drawn := false
	e.dispatch(func() {
		e.defere(func() { drawn = true })
		cancel()
	})
	e.Start(1)
	if !drawn {
		t.Fatal("the first dispatch after an idle spell was not drawn before the loop waited again")
	}
}
`

// goAppTest runs go test -run run in the copy of go-app at dir, with
// frameTest added, and returns its output and error.
func goAppTest(t *testing.T, dir, run string) (string, error) {
	t.Helper()
	if err := os.WriteFile(filepath.Join(dir, "pkg", "app", "amzwidget_frame_test.go"), []byte(frameTest), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command("go", "test", "-count=1", "-run", run, "./pkg/app")
	cmd.Dir = dir
	out, err := cmd.CombinedOutput()
	return string(out), err
}

// TestFramePatch: with the patch, the first dispatch after an idle spell is
// drawn before the engine waits again, and go-app's own engine tests still
// pass on the copy; go-app as published fails that first test.
func TestFramePatch(t *testing.T) {
	src, err := moduleDir()
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	patched, stock := filepath.Join(dir, "patched"), filepath.Join(dir, "stock")
	if err := Write(src, patched); err != nil {
		t.Fatal(err)
	}
	if err := write(src, stock, false); err != nil {
		t.Fatal(err)
	}
	if out, err := goAppTest(t, patched, "^(TestAmzwidget|TestEngine)"); err != nil {
		t.Errorf("go-app's engine tests on the patched copy: %v\n%s", err, out)
	}
	out, err := goAppTest(t, stock, "^TestAmzwidget")
	if err == nil || !strings.Contains(out, "was not drawn") {
		t.Errorf("go-app as published passes the frame test: it no longer tests the patch (err %v)\n%s", err, out)
	}
}

// TestPatchNamesWhatIsMissing: a patch whose text go-app no longer has is
// an error, not a copy without it.
func TestPatchNamesWhatIsMissing(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "engine.go"), []byte("package app\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := framePatch.apply(dir); !errors.Is(err, errPatch) {
		t.Errorf("apply to a file without the text: err = %v, want errPatch", err)
	}
}
