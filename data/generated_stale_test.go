package data_test

import (
	"bytes"
	"os"
	"strings"
	"testing"

	"amzwidget/data"
	"amzwidget/internal/gendata"
)

// TestGeneratedUpToDate: dataset_gen.go is what the generator writes for
// dataset.json now, byte for byte, so Default serves the file's data.
func TestGeneratedUpToDate(t *testing.T) {
	b, err := os.ReadFile("dataset.json")
	if err != nil {
		t.Fatal(err)
	}
	ds, probs := data.Check(b, data.CheckOptions{})
	if len(probs) > 0 {
		t.Fatalf("dataset.json has problems: %v", data.Errors(probs))
	}
	want, err := gendata.Go(ds, "data", "generated", "dataset.json")
	if err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile("dataset_gen.go")
	if err != nil {
		t.Fatalf("%v: run `go generate ./data` or `make generate`", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	g, w := strings.Split(string(got), "\n"), strings.Split(string(want), "\n")
	for i := range max(len(g), len(w)) {
		gl, wl := "(end of file)", "(end of file)"
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			t.Fatalf("data/dataset_gen.go is stale (line %d is %q, dataset.json gives %q): run `go generate ./data` or `make generate`", i+1, gl, wl)
		}
	}
}
