package main

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"

	"amzwidget/data"
)

// problemsFound is what -check returns when the dataset has problems:
// main prints it ("amzwidget: FILE: 3 problems") and exits with status 1.
type problemsFound struct {
	file string
	n    int
}

func (e problemsFound) Error() string {
	if e.n == 1 {
		return e.file + ": 1 problem"
	}
	return fmt.Sprintf("%s: %d problems", e.file, e.n)
}

// checkDataset is -check FILE: it prints every problem of the dataset
// file, one per line as FILE:LINE:COLUMN: PATH: MESSAGE, and returns
// problemsFound; or, when there is none, one line that says so with the
// dataset's counts. sources is the directory of the articles' texts
// (-sources); empty means the dataset's own directory, where an article
// whose text is not there is left unchecked (and the summary says so).
func checkDataset(w io.Writer, file, sources string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	dir, explicit := sources, sources != ""
	if !explicit {
		dir = filepath.Dir(file)
	}
	var unchecked []string
	source := func(a data.Article) (string, error) {
		if a.File == "" {
			if explicit {
				return "", errors.New("the article names no file")
			}
			unchecked = append(unchecked, a.ID)
			return "", nil
		}
		text, err := os.ReadFile(filepath.Join(dir, a.File))
		if !explicit && errors.Is(err, fs.ErrNotExist) {
			unchecked = append(unchecked, a.ID)
			return "", nil
		}
		return string(text), err
	}
	ds, probs := data.Check(b, data.CheckOptions{Source: source})
	for _, p := range probs {
		fmt.Fprintf(w, "%s:%d:%d: %s\n", file, p.Line, p.Column, p.Error())
	}
	if len(probs) > 0 {
		return problemsFound{file, len(probs)}
	}
	fmt.Fprintf(w, "%s: ok — %d figures, %d comparisons, %d claims, %d topics", file,
		len(ds.Figures), len(ds.Comparisons), len(ds.Claims), len(ds.Topics))
	switch {
	case len(unchecked) == len(ds.Articles):
		fmt.Fprintf(w, "; quotes not checked (no article's text in %s: give -sources DIR)\n", dir)
	case len(unchecked) > 0:
		fmt.Fprintf(w, "; quotes not checked for %s (no text in %s)\n", strings.Join(unchecked, ", "), dir)
	default:
		fmt.Fprintf(w, "; every quote is word for word in its article\n")
	}
	return nil
}

// errOtherDataset is what -data FILE returns when FILE is not the dataset
// compiled into the build: the wasm computes in the reader's browser with
// its own copy, so the server cannot serve another.
var errOtherDataset = errors.New("the build holds another dataset")

// servesDataset is -data FILE: the file must have no problem (quotes
// aside: the server has no articles' texts) and be the dataset compiled
// into this build, which `make build DATA=FILE` does for both binaries.
func servesDataset(file string) error {
	b, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	ds, probs := data.Check(b, data.CheckOptions{})
	if len(probs) > 0 {
		return fmt.Errorf("-data %s: %w (amzwidget -check %s lists them)", file, problemsFound{file, len(probs)}, file)
	}
	if built := data.Default(); !reflect.DeepEqual(ds, built) {
		return fmt.Errorf("-data %s (%q): %w (%q); build both binaries with it: make build DATA=%s", file, ds.Title, errOtherDataset, built.Title, file)
	}
	return nil
}
