//go:build !wasm

package pages

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"amzwidget/data"
)

func get(t *testing.T, h http.Handler, path string) *httptest.ResponseRecorder {
	t.Helper()
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	if rec.Code != http.StatusOK {
		t.Fatalf("GET %s: %d", path, rec.Code)
	}
	return rec
}

// TestLaterWorkerRewritesAppJS: go-app's app.js, as go-app writes it,
// registers the worker as it starts (so the rewrite has something to
// replace); through LaterWorker it calls amzInitServiceWorker instead, still
// defines go-app's function, is valid JavaScript (node --check), and says
// its length right; other files pass unchanged.
func TestLaterWorkerRewritesAppJS(t *testing.T) {
	shell := Handler(data.Default(), "v-test", 1000, "")
	stock := get(t, shell, "/app.js").Body.String()
	if strings.Count(stock, workerCall) != 1 {
		t.Fatalf("go-app's app.js has %d top-level calls %q; LaterWorker replaces exactly one", strings.Count(stock, workerCall), strings.TrimSpace(workerCall))
	}
	rec := get(t, LaterWorker(shell), "/app.js")
	js := rec.Body.String()
	if strings.Contains(js, workerCall) {
		t.Error("app.js still registers the worker as it starts")
	}
	for _, want := range []string{"\namzInitServiceWorker();\n", "function amzInitServiceWorker()", "async function goappInitServiceWorker()", `"amz:board-complete"`} {
		if !strings.Contains(js, want) {
			t.Errorf("app.js lacks %q", want)
		}
	}
	if cl := rec.Header().Get("Content-Length"); cl != "" && cl != strconv.Itoa(len(js)) {
		t.Errorf("Content-Length %s for %d bytes", cl, len(js))
	}
	f := filepath.Join(t.TempDir(), "app.js")
	if err := os.WriteFile(f, []byte(js), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("node", "--check", f).CombinedOutput(); err != nil {
		t.Errorf("node --check app.js (node comes with make deps): %v\n%s", err, out)
	}
	for _, p := range []string{"/app.css", "/app-worker.js", "/manifest.webmanifest"} {
		if a, b := get(t, shell, p).Body.String(), get(t, LaterWorker(shell), p).Body.String(); a != b {
			t.Errorf("%s changed through LaterWorker", p)
		}
	}
}
