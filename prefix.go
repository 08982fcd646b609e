package main

import (
	"context"
	"net/http"
	"strings"
)

// prefixKey is the request context key of the path prefix the request
// came in under (see underPrefix).
type prefixKey struct{}

// prefixOf returns the path prefix r came in under: "" or "/widgets/amazon".
func prefixOf(r *http.Request) string {
	p, _ := r.Context().Value(prefixKey{}).(string)
	return p
}

// underPrefix serves the site under the path prefix ("/widgets/amazon",
// as app.CleanPrefix returns it; "" serves it at the root, unchanged):
// a request for prefix+"/embed/capex" reaches h as "/embed/capex", with
// the prefix in its context for the links of our 404 page and redirects.
// The prefix without its trailing slash is redirected (308) to the
// dashboard, prefix+"/". Every path outside the prefix, "/healthz"
// included, is our 404: the server answers only where it is mounted.
func underPrefix(h http.Handler, prefix string) http.Handler {
	if prefix == "" {
		return h
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		r = r.WithContext(context.WithValue(r.Context(), prefixKey{}, prefix))
		if r.URL.Path == prefix {
			target := prefix + "/"
			if r.URL.RawQuery != "" {
				target += "?" + r.URL.RawQuery
			}
			w.Header().Set("Location", target)
			w.Header().Set("Cache-Control", "no-cache")
			w.Header().Set("Content-Length", "0")
			w.WriteHeader(http.StatusPermanentRedirect)
			return
		}
		rest, ok := strings.CutPrefix(r.URL.Path, prefix)
		if !ok || !strings.HasPrefix(rest, "/") {
			notFound(w, r)
			return
		}
		r2 := *r
		u := *r.URL
		u.Path = rest
		u.RawPath = ""
		r2.URL = &u
		h.ServeHTTP(w, &r2)
	})
}
