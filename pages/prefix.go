//go:build !wasm

package pages

import (
	"errors"
	"strings"
)

// ErrPrefix is the error of a path prefix that CleanPrefix refuses.
var ErrPrefix = errors.New("a path prefix starts with / and has segments of letters, digits, '-', '_', '.' and '~', like /widgets/amazon/")

// prefixResolver is the go-app ResourceResolver of a site served under a
// path prefix ("/widgets/amazon"). On the server, go-app resolves every
// href and src it writes through it, and the PWA's own URLs (app.js,
// app.wasm, the worker, the manifest, icons, the precache list). It puts
// the prefix before every path of ours written from "/" (our components
// write their links so on the server: see widget.Path), and leaves alone
// anything that is not a path of this site.
//
// Unlike go-app's PrefixedLocation, "/" resolves to the prefix with its
// trailing slash: it is the dashboard's URL, the precache key the worker
// matches navigations with, and GOAPP_ROOT_PREFIX, which go-app's router
// strips from a path before it looks up the route.
type prefixResolver struct {
	// prefix is "/a/path", never with a trailing slash.
	prefix string
}

// Resolve returns location under the prefix.
func (r prefixResolver) Resolve(location string) string {
	switch {
	case location == "" || location == "/":
		return r.prefix + "/"
	case !strings.HasPrefix(location, "/") || strings.HasPrefix(location, "//"):
		return location // another site's URL, a fragment, a data: URL
	}
	return r.prefix + location
}

// CleanPrefix checks a path prefix given by an operator ("/widgets/amazon/")
// and returns it without its trailing slash ("/widgets/amazon"), or "" for
// "" and "/" (no prefix). A prefix is absolute and made of segments of
// letters, digits and "-", "_", ".", "~" (never "." or ".." alone), so that
// it needs no escaping in a URL, an HTML attribute or a JavaScript string.
func CleanPrefix(p string) (string, error) {
	if p == "" || p == "/" {
		return "", nil
	}
	if !strings.HasPrefix(p, "/") {
		return "", ErrPrefix
	}
	p = strings.TrimSuffix(p, "/")
	for _, seg := range strings.Split(p[1:], "/") {
		if seg == "" || seg == "." || seg == ".." {
			return "", ErrPrefix
		}
		for _, c := range seg {
			ok := 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
				c == '-' || c == '_' || c == '.' || c == '~'
			if !ok {
				return "", ErrPrefix
			}
		}
	}
	return p, nil
}
