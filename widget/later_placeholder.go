package widget

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// laterPlaceholder holds the place of the prerendered section with the
// given id and classes, at its height, until the rest is drawn. It is
// read before go-app replaces the prerendered page; afterwards (a redraw
// before the rest comes) it is the placeholder's own.
func laterPlaceholder(id string, classes ...string) app.UI {
	h := "0"
	if el := app.Window().GetElementByID(id); el.Truthy() {
		// The height as JavaScript writes the number, passed on to CSS
		// as it is: no float on the Go side.
		h = app.Window().Get("String").Invoke(el.Call("getBoundingClientRect").Get("height")).String()
	}
	return &LaterPlaceholder{ID: id, Classes: classes, Height: h}
}

// LaterPlaceholder is an empty section that holds the place of one the
// board draws later (see board_later.go).
type LaterPlaceholder struct {
	app.Compo

	// ID and Classes are those of the section it stands for.
	ID      string
	Classes []string
	// Height is the section's height in CSS pixels, a JavaScript
	// number's text ("412.5").
	Height string
}

// Render draws the empty section.
func (p *LaterPlaceholder) Render() app.UI {
	return app.Section().ID(p.ID).Class(append([]string{"later"}, p.Classes...)...)
}

// OnMount gives the section its height through the CSS object model:
// the page's Content-Security-Policy refuses style attributes.
func (p *LaterPlaceholder) OnMount(ctx app.Context) {
	p.JSValue().Get("style").Set("height", p.Height+"px")
	ctx.PreventUpdate()
}
