package pages

import (
	"amzwidget/data"
	"amzwidget/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Dashboard is the full page at "/": every comparison, every claim check,
// and links to the embeddable pages.
type Dashboard struct {
	app.Compo

	// Data is the story.
	Data *data.Dataset
}

// OnPreRender sets the page title for the prerendered HTML.
func (d *Dashboard) OnPreRender(ctx app.Context) { d.title(ctx) }

// OnNav sets the page title in the browser. The title is the document's,
// not the page's: nothing is redrawn for it.
func (d *Dashboard) OnNav(ctx app.Context) {
	d.title(ctx)
	ctx.PreventUpdate()
}

func (d *Dashboard) title(ctx app.Context) {
	ctx.Page().SetTitle(d.Data.Site.Name)
	ctx.Page().SetDescription(d.Data.Site.Description)
}

// Render draws the page.
func (d *Dashboard) Render() app.UI {
	return app.Div().Class("page", "dashboard").Body(
		app.Header().Class("masthead").Body(
			app.H1().Text(d.Data.Site.Name),
			app.P().Class("lede").Text(d.Data.Site.Lede),
		),
		app.Main().Body(
			&widget.Board{Data: d.Data},
		),
		app.Footer().Class("foot").Body(
			app.P().Body(append([]app.UI{app.Text("Embed one comparison: ")}, widget.EmbedLinks(d.Data, "all of them")...)...),
			app.P().Class("method").Text(
				"All arithmetic is exact decimal, done in your browser. Results are rounded once, for display, half away from zero; "+
					"a result marked ≈ was rounded."),
		),
	)
}
