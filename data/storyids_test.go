package data

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"slices"
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
	files := moduleGoFiles(t, "bench")
	for _, path := range files {
		if filepath.Base(path) == "dataset_gen.go" {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
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
	}
	if len(files) < 30 {
		t.Fatalf("read only %d Go files: is the test in data/ of the module?", len(files))
	}
}

// TestDefaultOnlyWhereWired: the dataset is handed to the pages,
// components and handlers that need it (issue 14, item 5). data.Default,
// the story compiled in, is read only where a program is wired together:
// the wasm's main, the server's newHandler and its -data check, and the
// static export's main; nowhere in a component, page or handler, and in
// no package-level variable.
func TestDefaultOnlyWhereWired(t *testing.T) {
	allowed := map[string]bool{
		"wasm/main.go: main":                true,
		"server.go: newHandler":             true,
		"datacheck.go: servesDataset":       true,
		"internal/cmd/static/main.go: main": true,
	}
	seen := map[string]bool{}
	for _, path := range moduleGoFiles(t) {
		rel := filepath.ToSlash(strings.TrimPrefix(path, "../"))
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			where := rel + ": package-level declaration"
			if fn, ok := decl.(*ast.FuncDecl); ok {
				where = rel + ": " + fn.Name.Name
			}
			ast.Inspect(decl, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Default" {
					return true
				}
				if x, ok := sel.X.(*ast.Ident); !ok || x.Name != "data" {
					return true
				}
				if !allowed[where] {
					t.Errorf("%s calls data.Default(): take the dataset from a field or a parameter", where)
				}
				seen[where] = true
				return true
			})
		}
	}
	// The walk found the wiring: it read the module's files.
	for w := range allowed {
		if !seen[w] {
			t.Errorf("%s no longer reads data.Default(): update this test's list", w)
		}
	}
}

// moduleGoFiles lists the module's non-test Go files, as paths from this
// directory ("../server.go"), outside testdata, node_modules, build
// output and the directories named in skip.
func moduleGoFiles(t *testing.T, skip ...string) []string {
	t.Helper()
	var files []string
	err := filepath.WalkDir("..", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			switch name := d.Name(); {
			case name == "testdata", name == "node_modules", name == ".git", name == "dist", name == "bin", slices.Contains(skip, name):
				return filepath.SkipDir
			}
			return nil
		}
		if strings.HasSuffix(path, ".go") && !strings.HasSuffix(path, "_test.go") {
			files = append(files, path)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return files
}
