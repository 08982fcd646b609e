package main

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
)

// errPublicURLPrefix is the error of a -public-url whose path is not
// -prefix.
var errPublicURLPrefix = errors.New("-public-url: its path must be -prefix's (the pages link their own files from -prefix), or empty")

// errPublicURL is the error of a -public-url that cannot name the site.
var errPublicURL = errors.New("-public-url: want an absolute http or https URL with a host, and no user, query or fragment")

// site is where readers reach us: every absolute URL we write starts with
// scheme://host + prefix.
type site struct {
	scheme string // "http" or "https"
	host   string // host[:port]
	prefix string // "" or "/a/path", never with a trailing slash
}

// url returns the absolute URL of path, one of our own paths ("/embed/capex").
func (s site) url(path string) string {
	return s.scheme + "://" + s.host + s.prefix + path
}

// ownPath returns the path of ours an absolute URL names, and false if it
// is not an http(s) URL of this site (the scheme may be either: a CMS may
// pass the page's URL as http even when we are served over https).
func (s site) ownPath(u *url.URL) (string, bool) {
	if u == nil || (u.Scheme != "http" && u.Scheme != "https") || !strings.EqualFold(u.Host, s.host) || u.User != nil {
		return "", false
	}
	p := u.EscapedPath()
	if s.prefix != "" {
		rest, ok := strings.CutPrefix(p, s.prefix)
		if !ok || (rest != "" && rest[0] != '/') {
			return "", false
		}
		p = rest
	}
	return p, true
}

// publicSite works out the site of a request: the -public-url when it is
// set; else the request's own scheme (r.TLS) and Host, with
// X-Forwarded-Proto and X-Forwarded-Host honoured only under -trust-proxy
// (any client can send them; only a proxy we sit behind may be believed).
type publicSite struct {
	fixed      *site
	trustProxy bool
	// prefix is the path the site is served under (-prefix): "" or
	// "/widgets/amazon".
	prefix string
}

// parsePublicURL reads -public-url: "https://widgets.example/prefix/".
func parsePublicURL(raw string) (*site, error) {
	u, err := url.Parse(raw)
	if err != nil {
		return nil, fmt.Errorf("%w: %w", errPublicURL, err)
	}
	if (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || !validHost(u.Host) ||
		u.User != nil || u.Opaque != "" || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" {
		return nil, fmt.Errorf("%q: %w", raw, errPublicURL)
	}
	return &site{scheme: u.Scheme, host: strings.ToLower(u.Host), prefix: strings.TrimRight(u.EscapedPath(), "/")}, nil
}

func (p publicSite) of(r *http.Request) site {
	if p.fixed != nil {
		return *p.fixed
	}
	s := site{scheme: "http", host: r.Host, prefix: p.prefix}
	if r.TLS != nil {
		s.scheme = "https"
	}
	if !p.trustProxy {
		return s
	}
	switch strings.ToLower(firstValue(r.Header.Get("X-Forwarded-Proto"))) {
	case "https":
		s.scheme = "https"
	case "http":
		s.scheme = "http"
	}
	if h := firstValue(r.Header.Get("X-Forwarded-Host")); h != "" && validHost(h) {
		s.host = h
	}
	return s
}

// firstValue is the first element of a comma-separated header value: the
// one the proxy nearest the client wrote.
func firstValue(v string) string {
	v, _, _ = strings.Cut(v, ",")
	return strings.TrimSpace(v)
}

// validHost accepts a DNS name or IP literal with an optional port, and
// nothing that could change the meaning of a URL.
func validHost(h string) bool {
	if h == "" || len(h) > 260 {
		return false
	}
	for _, c := range h {
		switch {
		case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
		case c == '.' || c == '-' || c == ':' || c == '[' || c == ']':
		default:
			return false
		}
	}
	return true
}
