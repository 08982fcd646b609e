// Command wasm is the baseline's client main. It writes the same start-up
// marks as the widget's (amzwidget/internal/startmark), so that `make
// bench` breaks both start-ups down alike.
package main

import (
	"amzwidget/bench/baseline"
	"amzwidget/internal/startmark"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	startmark.Mark("amz:go-main")
	baseline.Routes()
	app.RunWhenOnBrowser()
}
