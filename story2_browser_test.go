package main

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"amzwidget/data"
	"amzwidget/internal/browsertest"
	"amzwidget/internal/gendata"
)

// story2 is the second story: testdata/story2, a short text written for
// the tests and its dataset.
const story2 = "testdata/story2/dataset.json"

// buildStory builds the server and the client with another dataset
// compiled in, as `make build DATA=file` does (go build -overlay swaps
// data/dataset_gen.go), and returns the server binary and its web dir.
func buildStory(t *testing.T, file string) (bin, web string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Load(b)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	src, err := gendata.Go(ds, "data", "generated", filepath.Base(file))
	if err != nil {
		t.Fatal(err)
	}
	gen, _ := filepath.Abs(filepath.Join(dir, "dataset_gen.go"))
	target, _ := filepath.Abs("data/dataset_gen.go")
	overlay := filepath.Join(dir, "overlay.json")
	ov, _ := json.Marshal(map[string]any{"Replace": map[string]string{target: gen}})
	for f, b := range map[string][]byte{gen: src, overlay: ov} {
		if err := os.WriteFile(f, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	web = filepath.Join(dir, "web")
	if err := os.MkdirAll(web, 0o755); err != nil {
		t.Fatal(err)
	}
	entries, err := os.ReadDir("web")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		n := e.Name()
		if e.IsDir() || strings.HasPrefix(n, "app.wasm") || n == "version.txt" {
			continue
		}
		b, err := os.ReadFile(filepath.Join("web", n))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(web, n), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	bin = filepath.Join(dir, "amzwidget")
	// The client as make builds it: against the go-app copy of bin/client.mod.
	clientMod, _ := filepath.Abs("bin/client.mod")
	if _, err := os.Stat(clientMod); err != nil {
		t.Fatalf("%v: run make build first", err)
	}
	start := time.Now()
	for _, c := range []struct {
		env  []string
		args []string
	}{
		{[]string{"GOOS=js", "GOARCH=wasm"}, []string{"build", "-modfile=" + clientMod, "-overlay", overlay, "-trimpath", "-ldflags=-s -w", "-o", filepath.Join(web, "app.wasm"), "./wasm"}},
		{nil, []string{"build", "-overlay", overlay, "-trimpath", "-o", bin, "."}},
	} {
		cmd := exec.Command("go", c.args...)
		cmd.Env = append(os.Environ(), c.env...)
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("go %s: %v\n%s", strings.Join(c.args, " "), err, out)
		}
	}
	t.Logf("built the second story's server and client in %v", time.Since(start).Round(time.Second))
	return bin, web
}

// TestBrowserAnotherStoryFromItsDataFile: another article's widget from a
// data file alone (issue 14). testdata/story2 — its own figures,
// comparisons, claims, topics and charts — is built as `make build
// DATA=…` builds it, served with -data (which checks that the build holds
// it), and read in Chromium: the dashboard, an embed, a recomputation
// after typing, a claim's verdict changing, and the CSV. The numbers are
// the text's, worked by hand: (9.6 − 8.1) ÷ 8.1 = 18.518…%, an "about
// 25%" claim overstated; with 10.2, 2.1 ÷ 8.1 = 25.925…% = 25.(925)%,
// within ±5 % of 25, consistent.
func TestBrowserAnotherStoryFromItsDataFile(t *testing.T) {
	bin, web := buildStory(t, story2)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	ctx, cancel := context.WithCancel(context.Background())
	srv := exec.CommandContext(ctx, bin, "-addr", addr, "-web", web, "-access-log=false", "-data", story2)
	srv.Stdout, srv.Stderr = os.Stderr, os.Stderr
	if err := srv.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() { cancel(); _ = srv.Wait() }()
	base := "http://" + addr
	client := &http.Client{Timeout: 5 * time.Second}
	get := func(path string) (int, string) {
		resp, err := client.Get(base + path)
		if err != nil {
			return 0, err.Error()
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.StatusCode, string(b)
	}
	for i := 0; ; i++ {
		if code, _ := get("/healthz"); code == http.StatusOK {
			break
		}
		if i == 100 {
			t.Fatal("the second story's server did not start")
		}
		time.Sleep(100 * time.Millisecond)
	}
	// Its routes are its topics'; the first story's are gone.
	for path, want := range map[string]int{"/embed/riders": 200, "/embed/budget": 200, "/embed/all": 200, "/embed/capex": 404} {
		if code, _ := get(path); code != want {
			t.Errorf("GET %s: %d, want %d", path, code, want)
		}
	}

	tab := browsertest.New(t)
	tab.Navigate(base + "/")
	wasmReady(tab)
	if got := tab.Text("h1"); got != "Northland Rail, by the numbers" {
		t.Errorf("the dashboard's title is %q", got)
	}
	for _, want := range []string{"Passengers a year", "Budget by year", "Dashed line: the 2025 budget ($8.1 billion).", "Sources: Northland Rail carries more riders and plans a bigger budget"} {
		if !strings.Contains(tab.Text("body"), want) {
			t.Errorf("the dashboard does not show %q", want)
		}
	}
	if body := tab.Text("body"); strings.Contains(body, "Amazon") || strings.Contains(body, "AWS") {
		t.Error("the second story's dashboard speaks of Amazon")
	}

	// Each embed's default frame height (its topic's embed_height) is
	// within 10% of the page's height at 600 px wide, as the shipped
	// story's are (TestBrowserStoryLayout).
	raw, err := os.ReadFile(story2)
	if err != nil {
		t.Fatal(err)
	}
	ds, err := data.Load(raw)
	if err != nil {
		t.Fatal(err)
	}
	for _, tp := range ds.Topics {
		col := browsertest.New(t, browsertest.Viewport(600, 900))
		col.Navigate(base + "/embed/" + tp.ID)
		wasmReady(col)
		h := measureStory(col).Height
		t.Logf("/embed/%s: %d px at 600 px wide, embed_height %d", tp.ID, h, tp.EmbedHeight)
		checkDefaultHeight(t, "/embed/"+tp.ID, h, tp.EmbedHeight)
	}

	tab.Navigate(base + "/embed/budget")
	wasmReady(tab)
	tab.WaitText(".big-number", "18.52%")
	tab.WaitText(".claim-badge", "Overstated")
	typeInto(tab, "#in-budget_2026", "10.2")
	tab.WaitText(".big-number", "25.93%")
	tab.WaitText(".claim-badge", "Consistent")
	tab.WaitFor("the URL to carry the reader's value", func() (bool, string) {
		u := browsertest.Eval[string](tab, `location.href`)
		return strings.Contains(u, "budget_2026=10.2"), u
	})

	// The files a reader downloads are named after the story (its
	// site.file_name), not after the first one.
	names := browsertest.Eval[[]string](tab, `[...document.querySelectorAll("a[download]")].map(a => a.download)`)
	wantNames := map[string]bool{"northland-rail-figures.csv": false, "northland-rail-figures.json": false, "northland-rail-budget.svg": false, "northland-rail-budget.png": false}
	for _, n := range names {
		if _, ok := wantNames[n]; !ok {
			t.Errorf("a download is named %q", n)
		}
		wantNames[n] = true
	}
	for n, seen := range wantNames {
		if !seen {
			t.Errorf("no download named %q among %q", n, names)
		}
	}
	if resp, err := client.Get(base + "/data.csv"); err != nil {
		t.Error(err)
	} else {
		resp.Body.Close()
		if cd := resp.Header.Get("Content-Disposition"); cd != `attachment; filename="northland-rail-figures.csv"` {
			t.Errorf("/data.csv's Content-Disposition is %q", cd)
		}
	}

	// The CSV of that scenario: the exact value with its repeating block.
	code, body := get("/data.csv?budget_2026=10.2")
	if code != 200 {
		t.Fatalf("GET /data.csv: %d", code)
	}
	rows, err := csv.NewReader(strings.NewReader(body)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, r := range rows {
		if len(r) > 1 && r[1] == "budget_growth" {
			found = true
			if !strings.Contains(strings.Join(r, ","), "25.(925)") {
				t.Errorf("the CSV's budget_growth row %q lacks 25.(925)", r)
			}
		}
	}
	if !found {
		t.Errorf("no budget_growth row in the CSV:\n%s", body)
	}
}
