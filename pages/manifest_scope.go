//go:build !wasm

package pages

import (
	"bytes"
	"net/http"
	"net/http/httptest"
	"strconv"
)

// ScopedManifest serves h, with the web app manifest's scope set to the
// path prefix ("/widgets/amazon/"): go-app always writes "scope":"/",
// which would give an installed app the whole host. prefix is as
// CleanPrefix returns it; with "" h is returned as it is.
func ScopedManifest(h http.Handler, prefix string) http.Handler {
	if prefix == "" {
		return h
	}
	// CleanPrefix leaves nothing in a prefix that JSON would escape.
	from, to := []byte(`"scope":"/"`), []byte(`"scope":"`+prefix+`/"`)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/manifest.webmanifest" && r.URL.Path != "/manifest.json" {
			h.ServeHTTP(w, r)
			return
		}
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		body := bytes.Replace(rec.Body.Bytes(), from, to, 1)
		for k, vs := range rec.Header() {
			w.Header()[k] = vs
		}
		if rec.Header().Get("Content-Length") != "" {
			w.Header().Set("Content-Length", strconv.Itoa(len(body)))
		}
		w.WriteHeader(rec.Code)
		w.Write(body)
	})
}
