package main

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"amzwidget/internal/browsertest"
)

// nginxServer exports the site with internal/cmd/static and serves it with
// Debian's nginx on a loopback port, as a CDN origin would. stop ends it.
type nginxServer struct {
	url  string
	cmd  *exec.Cmd
	done chan struct{}
}

func startNginx(t *testing.T) *nginxServer {
	t.Helper()
	return startNginxConf(t, "testdata/nginx/nginx.conf", "")
}

// startNginxConf exports the site under the path prefix ("" or
// "/widgets/amazon") into ROOT+prefix and serves it with the nginx config
// conf (PORT, ROOT and TMP filled in).
func startNginxConf(t *testing.T, conf, prefix string) *nginxServer {
	t.Helper()
	bin, err := exec.LookPath("nginx")
	if err != nil {
		bin = "/usr/sbin/nginx"
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("nginx: %v (run scripts/deps.sh)", err)
	}
	// nginx's workers run as an unprivileged user: the export must be
	// readable by them (t.TempDir's parent is private).
	tmp, err := os.MkdirTemp("", "amzwidget-nginx-")
	if err != nil {
		t.Fatal(err)
	}
	os.Chmod(tmp, 0o755)
	t.Cleanup(func() { os.RemoveAll(tmp) })
	dist := filepath.Join(tmp, "dist")
	exportDir := filepath.Join(dist, filepath.FromSlash(prefix))
	if out, err := exec.Command("go", "run", "./internal/cmd/static", "-out", exportDir, "-prefix", prefix+"/").CombinedOutput(); err != nil {
		t.Fatalf("static export: %v\n%s", err, out)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	text, err := os.ReadFile(conf)
	if err != nil {
		t.Fatal(err)
	}
	c := strings.NewReplacer("PORT", port, "ROOT", dist, "TMP", tmp).Replace(string(text))
	if err := os.WriteFile(filepath.Join(tmp, "nginx.conf"), []byte(c), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", tmp, "-c", filepath.Join(tmp, "nginx.conf"))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	n := &nginxServer{url: "http://127.0.0.1:" + port, cmd: cmd, done: make(chan struct{})}
	go func() { cmd.Wait(); close(n.done) }()
	t.Cleanup(n.stop)
	deadline := time.Now().Add(10 * time.Second)
	for {
		res, err := http.Get(n.url + prefix + "/")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return n
			}
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(tmp, "error.log"))
			t.Fatalf("nginx did not answer: %v\n%s", err, b)
		}
		time.Sleep(100 * time.Millisecond)
	}
}

func (n *nginxServer) stop() {
	select {
	case <-n.done:
		return
	default:
	}
	n.cmd.Process.Signal(syscall.SIGQUIT)
	select {
	case <-n.done:
	case <-time.After(5 * time.Second):
		n.cmd.Process.Kill()
		<-n.done
	}
}

// The static export served by nginx passes the same checks as the Go
// server, except what needs a server: URL state is applied by the wasm,
// not prerendered, and there is no oEmbed endpoint.
func TestBrowserStaticExportOnNginx(t *testing.T) {
	ng := startNginx(t)
	// wasm goes out precompressed.
	req, _ := http.NewRequest("GET", ng.url+"/web/app.wasm", nil)
	req.Header.Set("Accept-Encoding", "gzip")
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.Header.Get("Content-Encoding") != "gzip" || res.Header.Get("Content-Type") != "application/wasm" {
		t.Errorf("nginx wasm: encoding %q type %q", res.Header.Get("Content-Encoding"), res.Header.Get("Content-Type"))
	}

	for _, path := range sortedKeys(prerendered) {
		off := browsertest.New(t, browsertest.JSDisabled())
		off.Navigate(ng.url + path)
		text := off.Text("body")
		for _, w := range prerendered[path] {
			if !strings.Contains(text, w) {
				t.Errorf("nginx %s without JS: lacks %q", path, w)
			}
		}
	}

	tab := browsertest.New(t, browsertest.Fresh())
	tab.Navigate(ng.url + "/?workforce=300000")
	wasmReady(tab)
	tab.WaitText("#cmp-cut_share_total .value", "10%") // applied by the wasm
	typeInto(tab, "#in-workforce", "350000")
	tab.WaitText("#cmp-cut_share_total .value", "≈ 8.57%")
	if errs := tab.ConsoleErrors(); len(errs) > 0 {
		t.Errorf("console errors: %q", errs)
	}
	if f := tab.ForeignRequests(ng.url); len(f) > 0 {
		t.Errorf("foreign requests: %q", f)
	}
	swControls(tab)

	ng.stop() // offline
	for _, path := range []string{"/", "/embed/capex", "/?workforce=300000"} {
		tab.Navigate(ng.url + path)
		wasmReady(tab)
		if strings.Contains(path, "workforce") {
			tab.WaitText("#cmp-cut_share_total .value", "10%")
		} else if path == "/embed/capex" {
			typeInto(tab, "#in-capex_2026", "250")
			tab.WaitText("#cmp-capex_vs_estimate_diff .value", "$101.14")
		}
	}
}
