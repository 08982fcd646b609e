// Command wasm is the client: compiled with GOOS=js GOARCH=wasm into
// web/app.wasm, it runs the widget in the browser. It holds no server
// code, which keeps app.wasm at half the size of a combined main.
package main

import (
	"amzwidget/internal/startmark"
	"amzwidget/pages"
)

func main() {
	startmark.Mark("amz:go-main")
	pages.RunInBrowser()
}
