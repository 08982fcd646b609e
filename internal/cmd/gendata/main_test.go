package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestRunShipped: the command writes, for the shipped dataset, the file
// committed beside it (the one go generate ./data writes).
func TestRunShipped(t *testing.T) {
	out := filepath.Join(t.TempDir(), "dataset_gen.go")
	var msgs bytes.Buffer
	if err := run("../../../data/dataset.json", out, "data", &msgs); err != nil {
		t.Fatalf("run: %v\n%s", err, msgs.String())
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile("../../../data/dataset_gen.go")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Error("the command's output is not data/dataset_gen.go: run `make generate`")
	}
	if msgs.Len() > 0 {
		t.Errorf("printed for a dataset without problems: %s", msgs.String())
	}
}

// TestRunRefusesProblems: a dataset with problems generates nothing (an
// existing file is left as it was), and each problem is printed with its
// place in the file.
func TestRunRefusesProblems(t *testing.T) {
	b, err := os.ReadFile("../../../data/dataset.json")
	if err != nil {
		t.Fatal(err)
	}
	bad := strings.Replace(string(b), `"value": "350000"`, `"value": "350,000"`, 1)
	if bad == string(b) {
		t.Fatal("the shipped dataset has no value 350000 to spoil")
	}
	dir := t.TempDir()
	in, out := filepath.Join(dir, "bad.json"), filepath.Join(dir, "dataset_gen.go")
	if err := os.WriteFile(in, []byte(bad), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(out, []byte("before"), 0o644); err != nil {
		t.Fatal(err)
	}
	var msgs bytes.Buffer
	err = run(in, out, "data", &msgs)
	if !errors.Is(err, errProblems) {
		t.Fatalf("run = %v, want errProblems", err)
	}
	if b, _ := os.ReadFile(out); string(b) != "before" {
		t.Errorf("the output file was changed: %.60q", b)
	}
	line := regexp.MustCompile(`^` + regexp.QuoteMeta(in) + `:[1-9][0-9]*:[1-9][0-9]*: figures\[0\]\.value: "350,000" is not a plain decimal`)
	if !line.MatchString(msgs.String()) {
		t.Errorf("printed %q, want file:line:col: figures[0].value: ...", msgs.String())
	}
	if _, err := os.Stat(out + ".tmp"); !os.IsNotExist(err) {
		t.Errorf("a temporary file was left: %v", err)
	}
}

// TestRunUnreadable: a missing input is an error, not a panic.
func TestRunUnreadable(t *testing.T) {
	if err := run(filepath.Join(t.TempDir(), "none.json"), filepath.Join(t.TempDir(), "x.go"), "data", &bytes.Buffer{}); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("run = %v, want a file-not-found error", err)
	}
}
