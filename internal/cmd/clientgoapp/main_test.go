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
// published links both (so the check can fail), and the copy's client
// still compiles.
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
	cmd := exec.Command("go", "build", "-modfile="+modfile, "-o", filepath.Join(dir, "app.wasm"), "./wasm")
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the client does not build with the copy: %v\n%s", err, out)
	}
}

// TestCopyKeepsGoAppsSource: every file of go-app's pkg is copied byte for
// byte but the two server files, which only gain a build line first, and
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
		if slices.Contains(serverFiles, filepath.Base(rel)) && filepath.Dir(rel) == filepath.Join("pkg", "app") {
			want = append([]byte("//go:build !wasm\n\n"), want...)
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
