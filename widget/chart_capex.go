package widget

import (
	"strings"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// CapexChart draws the 2026 capital spending of Amazon, Alphabet, Meta and
// Microsoft as bars under the reader's assumptions: a range as a solid bar
// to its low end and an outlined band to its high end, and the analysts'
// estimate for Amazon as a dashed mark on Amazon's bar.
type CapexChart struct {
	app.Compo

	Values calc.Assumptions
	Style  calc.Style
}

// capexCompanies are the chart's rows: a name and the figure's id.
var capexCompanies = []struct{ Name, ID string }{
	{"Amazon", "capex_2026"},
	{"Alphabet", "alphabet_capex"},
	{"Meta", "meta_capex"},
	{"Microsoft", "microsoft_capex"},
}

// capexEstimate is the figure drawn as a mark on Amazon's bar.
const capexEstimate = "capex_2026_estimate"

// Render draws the chart and its table.
func (c *CapexChart) Render() app.UI {
	ds := data.Default()
	vals := make([]calc.Interval, len(capexCompanies))
	var all []calc.Value
	for i, co := range capexCompanies {
		vals[i], _ = calc.Figure(ds, c.Values, co.ID)
		all = append(all, vals[i].Hi)
	}
	est, _ := calc.Figure(ds, c.Values, capexEstimate)
	all = append(all, est.Hi)
	max := maxOf(all...)

	var body []app.UI
	var rows [][]string
	var desc []string
	for i, co := range capexCompanies {
		v := vals[i]
		y := i * rowH
		text := calc.FormatInterval(v, data.USDBillion, c.Style)
		lo := coord(0, v.Lo, max, barSpan)
		hi := coord(0, v.Hi, max, barSpan)
		body = append(body,
			label("0", num(y+14), "chart-label", co.Name),
			rect("bar", "0", lo, y+barOffset, barH),
		)
		if !v.IsPoint() {
			body = append(body, rect("bar-range", lo, hi, y+barOffset, barH))
		}
		body = append(body, label(calc.MustParse(hi).Add(calc.Int(6)).Round(2).String(), num(y+barOffset+13), "chart-value", text))
		row := []string{co.Name, text, ""}
		if i == 0 {
			x := coord(0, est.Lo, max, barSpan)
			body = append(body, svg("line").Class("marker").
				Attr("x1", x).Attr("x2", x).Attr("y1", num(y+barOffset-4)).Attr("y2", num(y+barOffset+barH+4)))
			row[2] = calc.Format(est.Lo, data.USDBillion, c.Style)
		}
		rows = append(rows, row)
		desc = append(desc, co.Name+" "+text)
	}
	ly := len(capexCompanies)*rowH + 6
	estText := calc.Format(est.Lo, data.USDBillion, c.Style)
	body = append(body,
		svg("line").Class("marker").Attr("x1", "2").Attr("x2", "2").Attr("y1", num(ly)).Attr("y2", num(ly+16)),
		label("10", num(ly+13), "chart-note", "Analysts’ estimate for Amazon: "+estText),
	)
	return chartFrame("capex", "Capital spending in 2026, by company",
		strings.Join(desc, "; ")+". The analysts’ estimate for Amazon was "+estText+". Ranges are drawn as a band from the low to the high end.",
		ly+24, body, []string{"Company", "2026 capex", "Analysts’ estimate"}, rows)
}
