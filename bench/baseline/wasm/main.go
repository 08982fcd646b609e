// Command wasm is the baseline's client main.
package main

import (
	"amzwidget/bench/baseline"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

func main() {
	baseline.Routes()
	app.RunWhenOnBrowser()
}
