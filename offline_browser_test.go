package main

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"net/http"
	"strings"
	"testing"
	"time"

	"amzwidget/internal/browsertest"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// stoppable is a real server on a fixed loopback port that a test can stop
// (to be offline for real: DevTools' network emulation does not cut the
// service worker's own requests) and start again, as another release.
type stoppable struct {
	t    *testing.T
	addr string
	srv  *http.Server
}

func startStoppable(t *testing.T, addr, version string) *stoppable {
	t.Helper()
	return startRelease(t, addr, release{version: version})
}

// release is what a stoppable server serves: a version, the directory of
// its web files ("" for web/), and a wrapper standing for a proxy in front.
type release struct {
	version string
	webDir  string
	wrap    func(http.Handler) http.Handler
	// prefix is the path the site is served under (-prefix), as
	// app.CleanPrefix returns it.
	prefix string
}

func startRelease(t *testing.T, addr string, rel release) *stoppable {
	t.Helper()
	cfg := testConfig()
	cfg.version = rel.version
	cfg.prefix, cfg.site.prefix = rel.prefix, rel.prefix
	if rel.webDir != "" {
		cfg.webDir = rel.webDir
	}
	cfg.logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := newHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if rel.wrap != nil {
		h = rel.wrap(h)
	}
	if addr == "" {
		addr = "127.0.0.1:0"
	}
	var ln net.Listener
	for i := 0; i < 50; i++ { // the port may take a moment to free
		if ln, err = net.Listen("tcp", addr); err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatal(err)
	}
	s := &stoppable{t: t, addr: ln.Addr().String(), srv: &http.Server{Handler: h}}
	go s.srv.Serve(ln)
	t.Cleanup(s.stop)
	return s
}

func (s *stoppable) url() string { return "http://" + s.addr }

func (s *stoppable) stop() {
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := s.srv.Shutdown(ctx); err != nil && !errors.Is(err, http.ErrServerClosed) {
		s.srv.Close()
	}
}

// swControls waits until a service worker controls the page and has
// precached everything.
func swControls(tab *browsertest.Tab) {
	tab.WaitFor("the service worker to control the page", func() (bool, string) {
		ok, err := chromedp.Run(tab.Ctx, chromedp.Evaluate[bool](`!!(navigator.serviceWorker && navigator.serviceWorker.controller)`))
		return ok && err == nil, ""
	})
}

func TestBrowserOfflineAfterOneVisit(t *testing.T) {
	s := startStoppable(t, "", "offline-v1")
	tab := browsertest.New(t, browsertest.Fresh())
	tab.Navigate(s.url() + "/")
	wasmReady(tab)
	swControls(tab)
	s.stop() // offline for real

	for _, path := range []string{"/", "/embed/capex", "/?workforce=300000", "/embed/workforce?workforce=300000"} {
		tab.Navigate(s.url() + path)
		wasmReady(tab)
		switch {
		case strings.Contains(path, "workforce=300000"):
			tab.WaitText("#cmp-cut_share_total .value", "10%")
		case path == "/embed/capex":
			typeInto(tab, "#in-capex_2026", "250")
			tab.WaitText("#cmp-capex_vs_estimate_diff .value", "$101.14") // 250 − 148.86
		default:
			tab.WaitText("#cmp-cut_share_total .value", "≈ 8.57%")
			typeInto(tab, "#in-workforce", "300000")
			tab.WaitText("#cmp-cut_share_total .value", "10%")
		}
	}
}

func TestBrowserInstallable(t *testing.T) {
	srv := server(t)
	tab := browsertest.New(t) // not Fresh: a new browser context counts as incognito
	tab.Navigate(srv.URL + "/")
	wasmReady(tab)
	res := browsertest.Call(tab, page.GetInstallabilityErrors, cdp.Empty{})
	for _, e := range res.InstallabilityErrors {
		// Chromium refuses installation on plain http for any host but
		// localhost; 127.0.0.1 counts as secure.
		t.Errorf("installability error: %s %v", e.ErrorID, e.ErrorArguments)
	}
}
