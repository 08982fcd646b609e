package main

import (
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/big"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/net/html"
)

func TestServerPublicURLFlag(t *testing.T) {
	for _, bad := range []string{
		"widgets.example", "/prefix/", "ftp://widgets.example/", "https://", "https:///prefix",
		"https://widgets.example/?a=1", "https://widgets.example/?", "https://widgets.example/#x",
		"https://user@widgets.example/", "https://wid gets.example/", "https://widgets.example\"x/",
	} {
		if _, err := parseFlags([]string{"-public-url", bad}, io.Discard); !errors.Is(err, errPublicURL) {
			t.Errorf("-public-url %q: %v, want errPublicURL", bad, err)
		}
	}
	for raw, want := range map[string]site{
		"https://Widgets.Example/prefix/": {"https", "widgets.example", "/prefix"},
		"https://widgets.example/a/b":     {"https", "widgets.example", "/a/b"},
		"https://widgets.example/":        {"https", "widgets.example", ""},
		"http://127.0.0.1:8080":           {"http", "127.0.0.1:8080", ""},
	} {
		cfg, err := parseFlags([]string{"-public-url", raw}, io.Discard)
		if err != nil || cfg.site.fixed == nil || *cfg.site.fixed != want {
			t.Errorf("-public-url %q: %+v %v, want %+v", raw, cfg.site.fixed, err, want)
		}
	}
	if cfg, _ := parseFlags(nil, io.Discard); cfg.site.trustProxy || cfg.site.fixed != nil || !cfg.accessLog {
		t.Errorf("defaults: %+v", cfg)
	}
}

// What the request says about where the reader is, by flag.
func TestServerPublicSiteOfRequest(t *testing.T) {
	forged := func(proto, host string) *http.Request {
		r := httptest.NewRequest("GET", "http://backend:8000/embed/capex", nil)
		if proto != "" {
			r.Header.Set("X-Forwarded-Proto", proto)
		}
		if host != "" {
			r.Header.Set("X-Forwarded-Host", host)
		}
		return r
	}
	fixed, _ := parsePublicURL("https://widgets.example/prefix/")
	for _, tc := range []struct {
		ps          publicSite
		proto, host string
		want        string
	}{
		{publicSite{}, "https", "evil.example", "http://backend:8000/embed/capex"}, // never by default
		{publicSite{trustProxy: true}, "https", "widgets.example", "https://widgets.example/embed/capex"},
		{publicSite{trustProxy: true}, "https, http", "widgets.example, backend", "https://widgets.example/embed/capex"},
		{publicSite{trustProxy: true}, "gopher", `x"><script>`, "http://backend:8000/embed/capex"},
		{publicSite{trustProxy: true}, "", "", "http://backend:8000/embed/capex"},
		{publicSite{fixed: fixed}, "http", "evil.example", "https://widgets.example/prefix/embed/capex"},
		{publicSite{fixed: fixed, trustProxy: true}, "http", "evil.example", "https://widgets.example/prefix/embed/capex"},
	} {
		if got := tc.ps.of(forged(tc.proto, tc.host)).url("/embed/capex"); got != tc.want {
			t.Errorf("%+v with %q %q: %s, want %s", tc.ps, tc.proto, tc.host, got, tc.want)
		}
	}
	s := *fixed
	for raw, want := range map[string]string{
		"https://widgets.example/prefix/embed/capex": "/embed/capex",
		"http://WIDGETS.example/prefix/embed/capex":  "/embed/capex",
		"https://widgets.example/prefix":             "",
		"https://widgets.example/prefixed/embed/all": "!",
		"https://widgets.example/embed/capex":        "!",
		"https://evil.example/prefix/embed/capex":    "!",
		"javascript://widgets.example/prefix/":       "!",
	} {
		u, _ := url.Parse(raw)
		got, ok := s.ownPath(u)
		if !ok {
			got = "!"
		}
		if got != want {
			t.Errorf("ownPath(%s) = %q, want %q", raw, got, want)
		}
	}
}

// pageLinks returns the oEmbed discovery link's href and the og:url and
// og:image of a page.
func pageLinks(t *testing.T, page string) (discovery, ogURL, ogImage string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	attr := func(n *html.Node, k string) string {
		for _, a := range n.Attr {
			if a.Key == k {
				return a.Val
			}
		}
		return ""
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data == "link" && attr(n, "type") == "application/json+oembed" {
			discovery = attr(n, "href")
		}
		if n.Type == html.ElementNode && n.Data == "meta" {
			switch attr(n, "property") {
			case "og:url":
				ogURL = attr(n, "content")
			case "og:image":
				ogImage = attr(n, "content")
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return discovery, ogURL, ogImage
}

// Without a proxy, with no flag: the links name the address the request
// reached, whatever X-Forwarded-* a client forges.
func TestServerLinksIgnoreForgedHeaders(t *testing.T) {
	_, page := get(t, "/embed/capex", "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example")
	base := server(t).URL
	d, og, img := pageLinks(t, page)
	if want := base + "/oembed?format=json&url=" + url.QueryEscape(base+"/embed/capex"); d != want {
		t.Errorf("discovery link %q, want %q", d, want)
	}
	if og != base+"/embed/capex" || img != base+"/chart/capex.png" {
		t.Errorf("og:url %q og:image %q", og, img)
	}
	_, body := get(t, "/oembed?url="+url.QueryEscape(base+"/embed/capex"), "X-Forwarded-Proto", "https", "X-Forwarded-Host", "evil.example")
	if strings.Contains(body, "evil") || strings.Contains(body, "https:") {
		t.Errorf("oEmbed believed forged headers: %s", body)
	}
}

// selfSigned writes a certificate and key for host into dir and returns
// the pool that trusts it.
func selfSigned(t *testing.T, dir, host string) *x509.CertPool {
	t.Helper()
	key, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: host},
		DNSNames:              []string{host},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &key.PublicKey, key)
	if err != nil {
		t.Fatal(err)
	}
	kder, err := x509.MarshalECPrivateKey(key)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "cert.pem"), pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "key.pem"), pem.EncodeToMemory(&pem.Block{Type: "EC PRIVATE KEY", Bytes: kder}), 0o600); err != nil {
		t.Fatal(err)
	}
	cert, err := x509.ParseCertificate(der)
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(cert)
	return pool
}

// backend starts the real wiring with flags on a loopback port, in an
// http.Server with main's limits, and returns its host:port.
func backend(t *testing.T, args ...string) string {
	t.Helper()
	cfg, err := parseFlags(append([]string{"-web", "web"}, args...), io.Discard)
	if err != nil {
		t.Fatal(err)
	}
	cfg.logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	h, err := newHandler(cfg)
	if err != nil {
		t.Fatalf("%v (run `make build` first)", err)
	}
	srv := httptest.NewUnstartedServer(h)
	srv.Config = newHTTPServer(h, cfg.logger, defaultLimits)
	srv.Start()
	t.Cleanup(srv.Close)
	return strings.TrimPrefix(srv.URL, "http://")
}

// TestServerBehindNginxProxy puts Debian's nginx in front of the server as
// a TLS-terminating reverse proxy for https://widgets.example, on loopback
// (testdata/nginx/proxy.conf), and reads the absolute URLs the server
// writes: with -trust-proxy and with -public-url they are the reader's
// https URLs; with neither, the forwarded headers are not believed.
func TestServerBehindNginxProxy(t *testing.T) {
	const host = "widgets.example"
	bin, err := exec.LookPath("nginx")
	if err != nil {
		bin = "/usr/sbin/nginx"
	}
	if _, err := os.Stat(bin); err != nil {
		t.Fatalf("nginx: %v (run scripts/deps.sh)", err)
	}
	trusting := backend(t, "-trust-proxy")
	public := backend(t, "-public-url", "https://"+host+"/prefix/")
	plain := backend(t)

	tmp := t.TempDir()
	pool := selfSigned(t, tmp, host)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := fmt.Sprint(ln.Addr().(*net.TCPAddr).Port)
	ln.Close()
	conf, err := os.ReadFile("testdata/nginx/proxy.conf")
	if err != nil {
		t.Fatal(err)
	}
	c := strings.NewReplacer("TRUST_UPSTREAM", trusting, "PUBLIC_UPSTREAM", public, "PLAIN_UPSTREAM", plain,
		"PORT", port, "TMP", tmp).Replace(string(conf))
	if err := os.WriteFile(filepath.Join(tmp, "nginx.conf"), []byte(c), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(bin, "-p", tmp, "-c", filepath.Join(tmp, "nginx.conf"))
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	t.Cleanup(func() { // before the backends close (cleanups run last first)
		cmd.Process.Signal(syscall.SIGQUIT)
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	})

	// The reader's client: https://widgets.example is nginx on loopback.
	client := &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{
		TLSClientConfig: &tls.Config{RootCAs: pool},
		DialContext: func(ctx context.Context, network, _ string) (net.Conn, error) {
			return (&net.Dialer{Timeout: 5 * time.Second}).DialContext(ctx, network, "127.0.0.1:"+port)
		},
	}}
	defer client.CloseIdleConnections()
	fetch := func(u string) (int, string) {
		t.Helper()
		res, err := client.Get(u)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		defer res.Body.Close()
		b, err := io.ReadAll(res.Body)
		if err != nil {
			t.Fatalf("GET %s: %v", u, err)
		}
		return res.StatusCode, string(b)
	}
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(100 * time.Millisecond) {
		res, err := client.Get("https://" + host + "/healthz")
		if err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				break
			}
		}
		if time.Now().After(deadline) {
			b, _ := os.ReadFile(filepath.Join(tmp, "error.log"))
			t.Fatalf("nginx did not answer: %v\n%s", err, b)
		}
	}

	// The page cache must not serve one site's links to another: warm it
	// with a direct request first.
	if res, err := http.Get("http://" + trusting + "/embed/capex?capex_2026=250"); err == nil {
		res.Body.Close()
	}

	type oembedAnswer struct {
		HTML        string `json:"html"`
		ProviderURL string `json:"provider_url"`
	}
	check := func(what, base string) {
		t.Helper()
		page := base + "/embed/capex?capex_2026=250"
		code, body := fetch(page)
		if code != 200 {
			t.Fatalf("%s: GET %s: %d", what, page, code)
		}
		d, og, img := pageLinks(t, body)
		wantD := base + "/oembed?format=json&url=" + url.QueryEscape(page)
		wantImg := base + "/chart/capex.png?capex_2026=250"
		if d != wantD || og != page || img != wantImg {
			t.Errorf("%s: discovery %q, og:url %q, og:image %q; want %q, %q, %q", what, d, og, img, wantD, page, wantImg)
		}
		code, body = fetch(d) // the discovery link, followed as WordPress does
		var o oembedAnswer
		if err := json.Unmarshal([]byte(body), &o); code != 200 || err != nil {
			t.Fatalf("%s: oEmbed %d %v: %s", what, code, err, body)
		}
		if !strings.Contains(o.HTML, `src="`+page+`"`) || o.ProviderURL != base+"/" || strings.Contains(o.HTML, "http:") {
			t.Errorf("%s: oEmbed html %s provider_url %s; want the iframe of %s", what, o.HTML, o.ProviderURL, page)
		}
		if code, body := fetch(page); code != 200 || !strings.Contains(visibleText(t, body), "$101.14 billion") {
			t.Errorf("%s: the iframe's page %s: %d", what, page, code)
		}
		t.Logf("%s: discovery %s\n\toEmbed html %s", what, d, o.HTML)
	}
	check("-trust-proxy", "https://"+host)
	check("-public-url", "https://"+host+"/prefix")

	// With neither flag the server does not believe nginx's headers: its
	// links name the address nginx reached it at, over http.
	_, body := fetch("https://" + host + "/plain/embed/capex")
	d, og, _ := pageLinks(t, body)
	if want := "http://" + plain + "/embed/capex"; og != want || !strings.HasPrefix(d, "http://"+plain+"/oembed?") {
		t.Errorf("no flag: og:url %q discovery %q, want %s (X-Forwarded-* not believed)", og, d, want)
	}
}

// go-app writes a meta tag's attributes in any order.
func TestServerSetMeta(t *testing.T) {
	const want = `<head><meta charset="UTF-8"><meta property="og:image" content="https://w.example/i.png?a=1&amp;b=2"><title>x</title>`
	for _, head := range []string{
		`<head><meta charset="UTF-8"><meta property="og:image" content="https://"><title>x</title>`,
		`<head><meta charset="UTF-8"><meta content="https://" property="og:image"><title>x</title>`,
		`<head><meta charset="UTF-8"><meta content='a">b' property="og:image"><title>x</title>`,
	} {
		if got := string(setMeta([]byte(head), "og:image", "https://w.example/i.png?a=1&b=2")); got != want {
			t.Errorf("setMeta(%s)\n = %s\nwant %s", head, got, want)
		}
	}
	if got := string(setMeta([]byte(`<head><meta property="og:url" content="x">`), "og:image", "y")); got != `<head><meta property="og:url" content="x">` {
		t.Errorf("no og:image: %s", got)
	}
}
