package app

import (
	"amzwidget/widget"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// Embed is an embeddable page: one group of comparisons (or all of them)
// with its inputs, a title, a compact source line and a link to the full
// page, and no site chrome.
type Embed struct {
	app.Compo

	// Group is "workforce", "capex", "growth", or "" for all.
	Group string
}

// EmbedTitles are the embed pages' titles, by group.
var EmbedTitles = map[string]string{
	"workforce": "Amazon's layoffs as a share of its corporate workforce",
	"capex":     "Amazon's 2026 capital spending against forecasts and rivals",
	"growth":    "AWS's Q4 2025 growth, revenue and margin against rivals and estimates",
	"":          Title,
}

// OnPreRender sets the page title for the prerendered HTML.
func (e *Embed) OnPreRender(ctx app.Context) { e.title(ctx) }

// OnNav sets the page title in the browser.
func (e *Embed) OnNav(ctx app.Context) { e.title(ctx) }

func (e *Embed) title(ctx app.Context) {
	ctx.Page().SetTitle(EmbedTitles[e.Group])
	ctx.Page().SetDescription(Description)
}

// Render draws the page.
func (e *Embed) Render() app.UI {
	return app.Div().Class("page", "embed").Body(
		app.H1().Class("embed-title").Text(EmbedTitles[e.Group]),
		&widget.Board{Group: e.Group},
		app.P().Class("fullpage").Body(
			app.A().Href("/").Target("_top").Text("Open the full comparison"),
		),
	)
}
