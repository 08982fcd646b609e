package main

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"amzwidget/data"
	"amzwidget/pages"

	"golang.org/x/net/html"
)

func TestPrefixFlags(t *testing.T) {
	for _, c := range []struct {
		args         []string
		prefix, site string // site: the fixed public URL's prefix, "-" for none
		wantErr      error
	}{
		{args: nil, prefix: "", site: "-"},
		{args: []string{"-prefix", "/"}, prefix: "", site: "-"},
		{args: []string{"-prefix", "/widgets/amazon/"}, prefix: "/widgets/amazon", site: "-"},
		{args: []string{"-prefix", "/widgets/amazon"}, prefix: "/widgets/amazon", site: "-"},
		{args: []string{"-prefix", "/widgets/amazon/", "-public-url", "https://w.example/"}, prefix: "/widgets/amazon", site: "/widgets/amazon"},
		{args: []string{"-prefix", "/widgets/amazon/", "-public-url", "https://w.example/widgets/amazon"}, prefix: "/widgets/amazon", site: "/widgets/amazon"},
		{args: []string{"-public-url", "https://w.example/p/"}, prefix: "", site: "/p"},
		{args: []string{"-prefix", "/widgets/amazon/", "-public-url", "https://w.example/other/"}, wantErr: errPublicURLPrefix},
		{args: []string{"-prefix", "widgets"}, wantErr: pages.ErrPrefix},
		{args: []string{"-prefix", "/a/../b"}, wantErr: pages.ErrPrefix},
		{args: []string{"-prefix", `/a"><script>`}, wantErr: pages.ErrPrefix},
	} {
		cfg, err := parseFlags(c.args, io.Discard)
		if c.wantErr != nil {
			if !errors.Is(err, c.wantErr) {
				t.Errorf("%q: err %v, want %v", c.args, err, c.wantErr)
			}
			continue
		}
		if err != nil {
			t.Errorf("%q: %v", c.args, err)
			continue
		}
		site := "-"
		if cfg.site.fixed != nil {
			site = cfg.site.fixed.prefix
		}
		if cfg.prefix != c.prefix || cfg.site.prefix != c.prefix || site != c.site {
			t.Errorf("%q: prefix %q, site prefix %q, public URL prefix %q; want %q, %q", c.args, cfg.prefix, cfg.site.prefix, site, c.prefix, c.site)
		}
	}
}

// prefixedServer is the whole server with -prefix /widgets/amazon/.
func prefixedServer(t *testing.T) *httptest.Server {
	t.Helper()
	cfg := testConfig()
	cfg.prefix, cfg.site.prefix = "/widgets/amazon", "/widgets/amazon"
	h, err := newHandler(cfg)
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

// Every page the server renders under the prefix links only under it:
// parsed, every href and src of every element.
func TestPrefixPagesLinkUnderIt(t *testing.T) {
	srv := prefixedServer(t)
	for _, p := range append(pages.Pages(data.Default()), "/embed/capex?capex_2026=250", "/nope", "/embed/capex/") {
		res, err := (&http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Get(srv.URL + "/widgets/amazon" + p)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode == http.StatusPermanentRedirect {
			if loc := res.Header.Get("Location"); loc != "/widgets/amazon/embed/capex" {
				t.Errorf("%s: redirected to %q", p, loc)
			}
			continue
		}
		page, _ := url.Parse(srv.URL + "/widgets/amazon" + p)
		doc, err := html.Parse(strings.NewReader(string(body)))
		if err != nil {
			t.Fatal(err)
		}
		n := 0
		var walk func(*html.Node)
		walk = func(nd *html.Node) {
			for _, a := range nd.Attr {
				if a.Key != "href" && a.Key != "src" {
					continue
				}
				n++
				u, err := url.Parse(a.Val)
				if err != nil {
					t.Errorf("%s: %s=%q: %v", p, a.Key, a.Val, err)
					continue
				}
				u = page.ResolveReference(u) // "#topic-capex" is this page
				if u.Scheme+"://"+u.Host != srv.URL || !strings.HasPrefix(u.Path, "/widgets/amazon/") {
					t.Errorf("%s: <%s %s=%q> leaves the prefix", p, nd.Data, a.Key, a.Val)
				}
			}
			for c := nd.FirstChild; c != nil; c = c.NextSibling {
				walk(c)
			}
		}
		walk(doc)
		if n < 2 {
			t.Errorf("%s (%d): only %d links: is the parse broken?", p, res.StatusCode, n)
		}
	}
}
