// Command wasm is the client: compiled with GOOS=js GOARCH=wasm into
// web/app.wasm, it runs the widget in the browser. It holds no server
// code, which keeps app.wasm at half the size of a combined main. The
// story it shows is the dataset compiled in (data.Default); this is the
// one place the client reads it, and hands it to the pages.
package main

import (
	"amzwidget/data"
	"amzwidget/internal/idlegc"
	"amzwidget/internal/startmark"
	"amzwidget/pages"
)

func main() {
	startmark.Mark("amz:go-main")
	// Garbage is collected while the reader pauses, not mid-drag.
	idlegc.Start()
	pages.RunInBrowser(data.Default())
}
