package pages

import (
	"amzwidget/data"
	"amzwidget/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Embed is an embeddable page without site chrome: one topic laid out as
// an article graphic (answer, chart, assumptions on demand), or every
// topic, one after the other.
type Embed struct {
	app.Compo

	// Data is the story.
	Data *data.Dataset
	// Group is a topic's id, or "" for all of them.
	Group string
}

// EmbedTitle is the title of the embed page of story ds's topic id: the
// topic's title, or the story's name (data.Site) for "" or "all", the
// page with every topic.
func EmbedTitle(ds *data.Dataset, id string) string {
	if t, ok := ds.Topic(id); ok {
		return t.Title
	}
	return ds.Site.Name
}

// OnPreRender sets the page title for the prerendered HTML.
func (e *Embed) OnPreRender(ctx app.Context) { e.title(ctx) }

// OnNav sets the page title in the browser. The title is the document's,
// not the page's: nothing is redrawn for it.
func (e *Embed) OnNav(ctx app.Context) {
	e.title(ctx)
	ctx.PreventUpdate()
}

func (e *Embed) title(ctx app.Context) {
	ctx.Page().SetTitle(EmbedTitle(e.Data, e.Group))
	ctx.Page().SetDescription(e.Data.Site.Description)
}

// Render draws the page. A topic's page takes its title from the story
// (its h1); the page with every topic has a title of its own.
func (e *Embed) Render() app.UI {
	return app.Main().Class("page", "embed").Body(
		app.If(e.Group == "", func() app.UI { return app.H1().Class("embed-title").Text(e.Data.Site.Name) }),
		&widget.Board{Data: e.Data, Group: e.Group, Story: true},
	)
}
