package data

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// TestNoStoryIDsInCode: the story is declared, not hard-coded. No string
// literal in the module's non-test Go code is an id of the shipped
// story's articles, figures, comparisons, claims or topics (the generated
// data/dataset_gen.go, which is the dataset, aside), so that another
// story's data file alone makes another widget (issue 14).
func TestNoStoryIDsInCode(t *testing.T) {
	ds := Default()
	ids := map[string]string{}
	for _, a := range ds.Articles {
		ids[a.ID] = "article"
	}
	for _, f := range ds.Figures {
		ids[f.ID] = "figure"
	}
	for _, c := range ds.Comparisons {
		ids[c.ID] = "comparison"
	}
	for _, c := range ds.Claims {
		ids[c.ID] = "claim"
	}
	for _, tp := range ds.Topics {
		ids[tp.ID] = "topic"
	}
	for _, p := range ds.Params() {
		ids[p.ID] = "parameter"
	}
	root := ".."
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch d.Name() {
			case "testdata", "node_modules", "bench", ".git", "dist", "bin":
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || filepath.Base(path) == "dataset_gen.go" {
			return nil
		}
		files++
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			lit, ok := n.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err != nil {
				return true
			}
			if kind, ok := ids[s]; ok {
				t.Errorf("%s: the literal %q is the story's %s id: read it from the dataset", path, s, kind)
			}
			for _, prefix := range []string{"/embed/", "#cmp-", "cmp-", "in-", "claim-"} {
				if rest, found := strings.CutPrefix(s, prefix); found {
					if kind, ok := ids[rest]; ok {
						t.Errorf("%s: the literal %q names the story's %s %q: build it from the dataset", path, s, kind, rest)
					}
				}
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if files < 30 {
		t.Fatalf("read only %d Go files: is the test in data/ of the module?", files)
	}
}
