package widget

import (
	"amzwidget/calc"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// charts returns the charts of one topic, drawn from the board's current
// scenario and results, so they redraw whenever an assumption changes.
func (b *Board) charts(group string, st calc.Style) app.UI {
	var chart app.UI
	switch group {
	case "workforce":
		chart = &WorkforceChart{Results: b.res, Style: st}
	case "capex":
		chart = &CapexChart{Values: b.sc.Values, Style: st}
	case "growth":
		chart = &GrowthChart{Values: b.sc.Values, Results: b.res, Style: st}
	default:
		return app.Text("")
	}
	return app.Div().Class("charts").Body(chart)
}
