package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"amzwidget/internal/seeds"
)

// seedDir returns the directory of the articles' texts (see
// internal/seeds): ../shared/seeds beside the repository, or AMZ_SEEDS.
func seedDir(t *testing.T) string {
	t.Helper()
	dir, err := seeds.Dir()
	if err != nil {
		t.Fatal(err)
	}
	return dir
}

// badDataset writes the shipped dataset with two mistakes into a
// temporary directory and returns its path.
func badDataset(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("data/dataset.json")
	if err != nil {
		t.Fatal(err)
	}
	var d map[string]any
	if err := json.Unmarshal(b, &d); err != nil {
		t.Fatal(err)
	}
	d["figures"].([]any)[3].(map[string]any)["value"] = "1e6"
	d["comparisons"].([]any)[2].(map[string]any)["a"] = []any{"foo"}
	out, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "story.json")
	if err := os.WriteFile(file, out, 0o644); err != nil {
		t.Fatal(err)
	}
	return file
}

func runCheck(t *testing.T, args ...string) (stdout string, err error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err = run(context.Background(), args, &out, &errOut)
	if errOut.Len() > 0 {
		t.Errorf("stderr: %s", errOut.String())
	}
	return out.String(), err
}

// TestCheckFlag runs `amzwidget -check FILE` as main does: one line of
// counts for a good dataset, every problem with its place for a bad one.
func TestCheckFlag(t *testing.T) {
	out, err := runCheck(t, "-check", "data/dataset.json", "-sources", seedDir(t))
	if err != nil {
		t.Fatalf("the shipped dataset: %v\n%s", err, out)
	}
	ok := regexp.MustCompile(`^data/dataset\.json: ok — \d+ figures, \d+ comparisons, \d+ claims, \d+ topics; every quote is word for word in its article\n$`)
	if !ok.MatchString(out) {
		t.Errorf("the summary is %q", out)
	}

	// Without -sources, the texts are looked for beside the dataset; the
	// summary says the quotes went unchecked.
	out, err = runCheck(t, "-check", "data/dataset.json")
	if err != nil || !strings.Contains(out, "quotes not checked") || strings.Count(out, "\n") != 1 {
		t.Errorf("without -sources: %v, %q", err, out)
	}

	bad := badDataset(t)
	out, err = runCheck(t, "-check", bad, "-sources", seedDir(t))
	var pf problemsFound
	if !errors.As(err, &pf) || pf.n != 2 || err.Error() != bad+": 2 problems" {
		t.Fatalf("a bad dataset: err = %v, want 2 problems\n%s", err, out)
	}
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	// In the order of the file, where comparisons come first (the keys
	// are sorted).
	want := []*regexp.Regexp{
		regexp.MustCompile(`^` + regexp.QuoteMeta(bad) + `:\d+:\d+: comparisons\[2\]\.a: unknown id "foo" `),
		regexp.MustCompile(`^` + regexp.QuoteMeta(bad) + `:\d+:\d+: figures\[3\]\.value: "1e6" is not a plain decimal \(write digits with an optional point, like 350000 or 34\.6\)$`),
	}
	if len(lines) != len(want) {
		t.Fatalf("%d lines, want %d:\n%s", len(lines), len(want), out)
	}
	for i, re := range want {
		if !re.MatchString(lines[i]) {
			t.Errorf("line %d: %q, want %s", i+1, lines[i], re)
		}
	}

	// -sources names a directory without the texts: each is a problem.
	out, err = runCheck(t, "-check", "data/dataset.json", "-sources", t.TempDir())
	if !errors.As(err, &pf) || pf.n != 2 || !strings.Contains(out, "articles[0].file: cannot read the article's text") {
		t.Errorf("-sources without the texts: %v\n%s", err, out)
	}

	if _, err := runCheck(t, "-check", filepath.Join(t.TempDir(), "none.json")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a missing file: %v", err)
	}
}

// TestCheckExitStatus builds the binary and runs -check: status 1 and
// the problems on a bad dataset, 0 and the summary on the shipped one.
func TestCheckExitStatus(t *testing.T) {
	bin := filepath.Join(t.TempDir(), "amzwidget")
	if out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	cmd := exec.Command(bin, "-check", badDataset(t))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != 1 {
		t.Errorf("bad dataset: %v, want exit status 1", err)
	}
	if n := strings.Count(stdout.String(), "\n"); n != 2 || !strings.HasSuffix(stderr.String(), ": 2 problems\n") {
		t.Errorf("bad dataset: stdout %q, stderr %q", stdout.String(), stderr.String())
	}
	out, err := exec.Command(bin, "-check", "data/dataset.json").Output()
	if err != nil || !strings.HasPrefix(string(out), "data/dataset.json: ok — ") {
		t.Errorf("shipped dataset: %v, %q", err, out)
	}
}

// -data FILE serves a dataset only when it is the one compiled in: the
// shipped file passes; another story, or a broken file, is refused with
// what to do.
func TestDataFlag(t *testing.T) {
	if err := servesDataset("data/dataset.json"); err != nil {
		t.Errorf("the shipped dataset: %v", err)
	}
	err := servesDataset("testdata/story2/dataset.json")
	if !errors.Is(err, errOtherDataset) || !strings.Contains(err.Error(), "make build DATA=testdata/story2/dataset.json") {
		t.Errorf("another story: %v, want %v naming make build DATA=", err, errOtherDataset)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	if err := os.WriteFile(bad, []byte(`{"title": 1}`), 0o644); err != nil {
		t.Fatal(err)
	}
	var pf problemsFound
	if err := servesDataset(bad); !errors.As(err, &pf) || pf.n == 0 {
		t.Errorf("a broken file: %v, want its problems counted", err)
	}
	var cfg config
	cfg, err = parseFlags([]string{"-data", "x.json"}, io.Discard)
	if err != nil || cfg.data != "x.json" {
		t.Errorf("-data x.json: %+v, %v", cfg.data, err)
	}
}
