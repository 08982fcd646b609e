// Package pages is the PWA shell: the route table that the server and the
// WebAssembly main both register, the pages, and the go-app Handler
// settings.
package pages

import (
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Pages lists every route of story ds, for prerendering, precaching and
// the static export: the dashboard, each topic's embed page at
// /embed/<topic id> in the dataset's order, and /embed/all, which shows
// every topic without site chrome.
func Pages(ds *data.Dataset) []string {
	ps := []string{"/"}
	for _, t := range ds.Topics {
		ps = append(ps, "/embed/"+t.ID)
	}
	return append(ps, "/embed/all")
}

// Routes registers every page of story ds with go-app. The server and the
// wasm main must call it alike: go-app answers 404 for a route the server
// did not register, and the browser renders only routes the wasm
// registered. go-app's router is one per program, so a program serves one
// story.
func Routes(ds *data.Dataset) {
	app.Route("/", func() app.Composer { return &Dashboard{Data: ds} })
	for _, t := range ds.Topics {
		app.Route("/embed/"+t.ID, func() app.Composer { return &Embed{Data: ds, Group: t.ID} })
	}
	app.Route("/embed/all", func() app.Composer { return &Embed{Data: ds} })
}

// RunInBrowser registers the routes of story ds and starts the app. It is
// what the WebAssembly main calls; on the server it returns at once.
func RunInBrowser(ds *data.Dataset) {
	Routes(ds)
	app.RunWhenOnBrowser()
}
