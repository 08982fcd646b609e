package gendata

import (
	"bytes"
	"go/format"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"amzwidget/data"
)

// TestGoWritesExactly: the output is gofmt'd Go with the generated-code
// header and the build constraint the generator builds without; nil and
// empty lists stay apart, zero fields are left out, and every string is
// quoted so that it reads back as itself.
func TestGoWritesExactly(t *testing.T) {
	ds := &data.Dataset{
		Title: "A \"quoted\" title\nwith a line break and “curly” quotes",
		Comparisons: []data.Comparison{
			{ID: "with_empty_b", A: []string{"x", "y"}, B: []string{}},
			{ID: "with_nil_b", A: []string{"z"}, PeriodsDiffer: true},
		},
		Figures: []data.Figure{{ID: "f", Value: "148.86", Input: &data.Input{Step: "0.01", Integer: false}}},
	}
	out, err := Go(ds, "data", "generated", "x.json")
	if err != nil {
		t.Fatal(err)
	}
	src := string(out)
	if !strings.HasPrefix(src, Header+"\n\n//go:build !gendata\n\npackage data\n") {
		t.Errorf("header:\n%s", src[:min(len(src), 120)])
	}
	if formatted, err := format.Source(out); err != nil || !bytes.Equal(formatted, out) {
		t.Errorf("not gofmt'd (%v)", err)
	}
	if _, err := parser.ParseFile(token.NewFileSet(), "x.go", out, 0); err != nil {
		t.Fatalf("not Go: %v\n%s", err, src)
	}
	for _, want := range []string{
		`Title: "A \"quoted\" title\nwith a line break and “curly” quotes",`,
		`A:  []string{"x", "y"},`,
		`B:  []string{},`,
		`PeriodsDiffer: true,`,
		`Input: &Input{`,
		`Step: "0.01",`,
		`Value: "148.86",`,
	} {
		if !strings.Contains(src, want) {
			t.Errorf("no %s in\n%s", want, src)
		}
	}
	for _, absent := range []string{"Integer", ": nil", "Schema", "Claims", "float"} {
		if strings.Contains(src, absent) {
			t.Errorf("%s written, though zero or absent:\n%s", absent, src)
		}
	}
	if n := strings.Count(src, "B:"); n != 1 {
		t.Errorf("B written %d times, want once (the nil one left out)", n)
	}
}
