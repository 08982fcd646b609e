// Command gendata writes a dataset file as Go values, for the data package
// to compile in: the wasm then starts without parsing JSON or running the
// checker (issue 13). It runs data.Check first and refuses a dataset with
// problems, printing each as file:line:column: problem.
//
//	go run ./internal/cmd/gendata -in data/dataset.json -out data/dataset_gen.go
//
// `go generate ./data` and `make generate` run it; the data package's
// TestGeneratedUpToDate fails when the committed file is stale.
package main

import (
	"bytes"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"amzwidget/data"
	"amzwidget/internal/gendata"
)

// errProblems: the dataset has problems, printed one a line.
var errProblems = errors.New("the dataset has problems; nothing generated")

func main() {
	in := flag.String("in", "data/dataset.json", "the dataset file to read")
	out := flag.String("out", "data/dataset_gen.go", "the Go file to write")
	pkg := flag.String("pkg", "data", "the package of the Go file")
	flag.Parse()
	if err := run(*in, *out, *pkg, os.Stderr); err != nil {
		fmt.Fprintln(os.Stderr, "gendata:", err)
		os.Exit(1)
	}
}

// run generates out from in, printing in's problems (if any) to w. It
// leaves out untouched when it is already up to date.
func run(in, out, pkg string, w io.Writer) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	ds, probs := data.Check(b, data.CheckOptions{})
	for _, p := range probs {
		fmt.Fprintf(w, "%s:%d:%d: %s\n", in, p.Line, p.Column, p.Error())
	}
	if len(probs) > 0 {
		n := fmt.Sprintf("%d problems", len(probs))
		if len(probs) == 1 {
			n = "1 problem"
		}
		return fmt.Errorf("%s: %s: %w", in, n, errProblems)
	}
	src, err := gendata.Go(ds, pkg, "generated", filepath.Base(in))
	if err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	if old, err := os.ReadFile(out); err == nil && bytes.Equal(old, src) {
		return nil
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, src, 0o644); err != nil {
		return err
	}
	return os.Rename(tmp, out)
}
