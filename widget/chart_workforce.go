package widget

import (
	"strings"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// WorkforceChart draws each round of cuts, and both together, as a share
// of the whole corporate workforce: a full-width track is the workforce
// and the filled part the jobs cut.
type WorkforceChart struct {
	app.Compo

	Results *calc.Results
	Style   calc.Style
}

// workforceRows are the chart's rows: a name and the share comparison.
var workforceRows = []struct{ Name, ID string }{
	{"October 2025 round", "cut_share_oct2025"},
	{"January 2026 round", "cut_share_jan2026"},
	{"Both rounds", "cut_share_total"},
}

// Render draws the chart and its table.
func (c *WorkforceChart) Render() app.UI {
	hundred := calc.Int(100)
	var body []app.UI
	var rows [][]string
	var desc []string
	for i, r := range workforceRows {
		y := i * rowH
		text := "can't be computed"
		end := "0"
		if c.Results != nil {
			if res, ok := c.Results.Get(r.ID); ok && res.OK() {
				text = calc.Format(res.Value.Lo, data.Percent, c.Style)
				end = coord(0, res.Value.Lo, hundred, barSpan)
			}
		}
		class := "bar-alt"
		if i == len(workforceRows)-1 {
			class = "bar"
		}
		body = append(body,
			label("0", num(y+14), "chart-label", r.Name),
			rect("track", "0", num(barSpan), y+barOffset, barH),
			rect(class, "0", end, y+barOffset, barH),
			label(num(barSpan+6), num(y+barOffset+13), "chart-value", text),
		)
		rows = append(rows, []string{r.Name, text})
		desc = append(desc, r.Name+" "+text)
	}
	h := len(workforceRows) * rowH
	body = append(body, label("0", num(h+16), "chart-note", "The full bar is the whole corporate workforce (100%)."))
	return chartFrame("workforce", "Jobs cut as a share of the corporate workforce",
		strings.Join(desc, "; ")+".", h+24, body, []string{"Round", "Share of the workforce"}, rows)
}
