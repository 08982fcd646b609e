// Package seeds finds the source articles' seed files for tests: the
// shared/seeds directory beside the repository (../shared/seeds from the
// module root, as CI clones it), or the directory AMZ_SEEDS names.
package seeds

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Dir returns the seed directory, found from the working directory (a
// test runs in its package's directory, somewhere under the module root).
func Dir() (string, error) {
	dir := os.Getenv("AMZ_SEEDS")
	if dir == "" {
		root, err := moduleRoot()
		if err != nil {
			return "", err
		}
		dir = filepath.Join(root, "..", "shared", "seeds")
	}
	if fi, err := os.Stat(dir); err != nil || !fi.IsDir() {
		return "", fmt.Errorf("the articles' seed files are not at %s (clone shared/ beside the repository, or set AMZ_SEEDS): %v", dir, err)
	}
	return dir, nil
}

// Text returns every seed file's text, by file name.
func Text() (map[string]string, error) {
	dir, err := Dir()
	if err != nil {
		return nil, err
	}
	files, err := filepath.Glob(filepath.Join(dir, "*.txt"))
	if err != nil || len(files) == 0 {
		return nil, fmt.Errorf("no seed files in %s: %v", dir, err)
	}
	out := map[string]string{}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, err
		}
		out[filepath.Base(f)] = string(b)
	}
	return out, nil
}

// Fold writes s with every run of white space, the no-break spaces
// included, as one plain space: text from a page compares with the seeds
// whatever its line breaks and the page's kept-together units.
func Fold(s string) string {
	return strings.Join(strings.Fields(strings.NewReplacer("\u00a0", " ", "\u202f", " ").Replace(s)), " ")
}

func moduleRoot() (string, error) {
	dir, err := os.Getwd()
	if err != nil {
		return "", err
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir, nil
		}
		up := filepath.Dir(dir)
		if up == dir {
			return "", errors.New("no go.mod above the working directory")
		}
		dir = up
	}
}
