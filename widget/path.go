package widget

import (
	"strings"
	"sync"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Path returns the URL path of p, one of our own paths written from "/"
// ("/embed/capex", "/data.csv?…"), on a site that may be served under a
// path prefix ("/widgets/amazon/embed/capex"). Every href and src of ours
// goes through it.
//
// On the server it returns p: go-app writes every href and src of the
// prerendered HTML through the handler's resource resolver, which puts
// the prefix before it (pages.Handler). In the browser go-app resolves only
// /web/ paths, so Path puts the prefix itself: GOAPP_ROOT_PREFIX, which
// app.js carries from that same resolver (and go-app's router strips it
// from a path before it looks up the route).
//
// Only attributes are resolved on the server: text that names a path of
// ours must be a link, or be written in the browser.
func Path(p string) string {
	if !app.IsClient {
		return p
	}
	return clientRoot() + p
}

// clientRoot is the path prefix in the browser, without its trailing
// slash: "" or "/widgets/amazon".
var clientRoot = sync.OnceValue(func() string {
	root := app.Getenv("GOAPP_ROOT_PREFIX")
	if !strings.HasPrefix(root, "/") || strings.HasPrefix(root, "//") {
		return ""
	}
	return strings.TrimSuffix(root, "/")
})
