package widget

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// ownState reports whether a boolean attribute such as checked or
// selected is to be written. In the browser go-app sets it as a property,
// true or false, and must always be given it. On the server go-app writes
// it into the HTML as checked="false", which a browser reads as checked:
// there it is written only when true.
func ownState(v bool) bool { return v || app.IsClient }

// focusNow moves the keyboard focus to the element with the given id.
// It is called from the handler of a button that the update will hide:
// focusing the target now, before the button goes, keeps the focus off
// the page's body. The target must outlive the update (a field does).
func focusNow(id string) {
	if !app.IsClient {
		return
	}
	if el := app.Window().GetElementByID(id); el.Truthy() {
		el.Call("focus")
	}
}
