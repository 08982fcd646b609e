package calc_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestNoFloatOnComputationPath fails if any non-test source of the
// dataset, the engine, the scenario or the components mentions a float
// type or float parsing: every number on the way from the dataset or the
// reader to the screen is a decimal.
func TestNoFloatOnComputationPath(t *testing.T) {
	float := regexp.MustCompile(`\bfloat(32|64)\b|ParseFloat|\bmath\.`)
	n := 0
	for _, dir := range []string{"../calc", "../data", "../scenario", "../export", "../widget", "../chart"} {
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range files {
			if strings.HasSuffix(f, "_test.go") {
				continue
			}
			b, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			n++
			for i, line := range strings.Split(string(b), "\n") {
				code, _, _ := strings.Cut(line, "//") // comments may say "float64"
				if float.MatchString(code) {
					t.Errorf("%s:%d: %s", f, i+1, strings.TrimSpace(line))
				}
			}
		}
	}
	if n < 10 {
		t.Fatalf("scanned only %d files", n)
	}
}
