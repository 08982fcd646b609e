// Package pages is the PWA shell: the route table that the server and the
// WebAssembly main both register, the pages, and the go-app Handler
// settings.
package pages

import (
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Title and Description name the widget, in the dataset's words
// (data.Site).
var (
	Title       = data.Default().Site.Name
	Description = data.Default().Site.Description
)

// EmbedGroups are the topics, each with an embed page of its own at
// /embed/<topic id>, in the dataset's order; /embed/all shows every topic
// without site chrome.
var EmbedGroups = topicIDs()

func topicIDs() []string {
	var ids []string
	for _, t := range data.Default().Topics {
		ids = append(ids, t.ID)
	}
	return ids
}

// Pages lists every route, for prerendering, precaching and the static
// export.
func Pages() []string {
	ps := []string{"/"}
	for _, g := range EmbedGroups {
		ps = append(ps, "/embed/"+g)
	}
	return append(ps, "/embed/all")
}

// Routes registers every page with go-app. The server and the wasm main
// must call it alike: go-app answers 404 for a route the server did not
// register, and the browser renders only routes the wasm registered.
func Routes() {
	app.Route("/", func() app.Composer { return &Dashboard{} })
	for _, g := range EmbedGroups {
		app.Route("/embed/"+g, func() app.Composer { return &Embed{Group: g} })
	}
	app.Route("/embed/all", func() app.Composer { return &Embed{} })
}

// RunInBrowser registers the routes and starts the app. It is what the
// WebAssembly main calls; on the server it returns at once.
func RunInBrowser() {
	Routes()
	app.RunWhenOnBrowser()
}
