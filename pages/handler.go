//go:build !wasm

package pages

import (
	"amzwidget/data"
	"html"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Handler returns the go-app handler of story ds that prerenders the pages and serves
// the PWA's files. version must change with every build (it is the ETag of
// every page and names the service worker's cache); wasmSize is app.wasm's
// uncompressed size, so that the loader's percentage is right when the file
// is sent compressed. prefix is the path the site is served under, as
// CleanPrefix returns it ("" for the root, or "/widgets/amazon"): every
// URL go-app and we write then starts with it.
func Handler(ds *data.Dataset, version string, wasmSize int64, prefix string) *app.Handler {
	h := &app.Handler{
		Name:            ds.Site.Name,
		ShortName:       ds.Site.ShortName,
		Title:           ds.Site.Name,
		Description:     ds.Site.Description,
		Lang:            "en",
		Author:          "The widget team",
		BackgroundColor: "#ffffff",
		ThemeColor:      "#0f5c5c",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			Maskable: "/web/icon-maskable-512.png",
			SVG:      "/web/icon.svg",
		},
		Styles:                  []string{"/web/widget.css"},
		Scripts:                 []string{"/web/embed-child.js defer", "/web/update.js defer"},
		ServiceWorkerTemplate:   WorkerJS,
		LoadingLabel:            "Loading the interactive version… {progress}%",
		Version:                 version,
		WasmContentLength:       strconv.FormatInt(wasmSize, 10),
		WasmContentLengthHeader: "X-Uncompressed-Length",
		CacheableResources:      append(Pages(ds), "/web/icon.svg"),
		RawHeaders: []string{
			`<meta name="amzwidget-version" content="` + html.EscapeString(version) + `">`,
			// The wasm download starts with the HTML, not once app.js has
			// run: go-app fetches it with fetch()'s defaults (CORS mode,
			// same-origin credentials), which crossorigin="anonymous"
			// matches, so the browser reuses this response.
			`<link rel="preload" href="/web/app.wasm" as="fetch" type="application/wasm" crossorigin="anonymous">`,
			// Without JavaScript the loader would promise a download that never comes.
			`<noscript><link rel="stylesheet" href="/web/noscript.css"></noscript>`,
		},
	}
	if prefix != "" {
		h.Resources = prefixResolver{prefix: prefix}
		// go-app resolves the resources it writes, not raw header lines,
		// nor the worker's own check of the root page.
		for i, l := range h.RawHeaders {
			h.RawHeaders[i] = strings.ReplaceAll(l, `href="/web/`, `href="`+prefix+`/web/`)
		}
	}
	h.ServiceWorkerTemplate = strings.ReplaceAll(h.ServiceWorkerTemplate, rootPlaceholder, strconv.Quote(prefix+"/"))
	return h
}
