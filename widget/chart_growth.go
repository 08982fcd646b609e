package widget

import (
	"strings"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// GrowthChart draws the year-over-year growth of AWS, Azure and Google
// Cloud as bars, with a dashed line at AWS's rate so that each rival's
// spread over AWS is the distance from the line to its bar's end, written
// beside the bar.
type GrowthChart struct {
	app.Compo

	Values  calc.Assumptions
	Results *calc.Results
	Style   calc.Style
}

// growthRows are the chart's rows: a name, the figure, and the comparison
// that is AWS's spread against it ("" for AWS itself).
var growthRows = []struct{ Name, ID, Spread string }{
	{"AWS", "aws_growth", ""},
	{"Microsoft Azure", "azure_growth", "aws_vs_azure_growth"},
	{"Google Cloud", "gcp_growth", "aws_vs_gcp_growth"},
}

// Render draws the chart and its table.
func (c *GrowthChart) Render() app.UI {
	ds := data.Default()
	vals := make([]calc.Value, len(growthRows))
	for i, r := range growthRows {
		x, _ := calc.Figure(ds, c.Values, r.ID)
		vals[i] = x.Lo
	}
	max := maxOf(vals...)
	awsX := coord(0, vals[0], max, barSpan)

	var body []app.UI
	var rows [][]string
	var desc []string
	for i, r := range growthRows {
		y := i * rowH
		text := calc.Format(vals[i], data.Percent, c.Style)
		end := coord(0, vals[i], max, barSpan)
		spread := ""
		if r.Spread != "" && c.Results != nil {
			if res, ok := c.Results.Get(r.Spread); ok && res.OK() {
				// The comparison is AWS minus the rival; the chart shows
				// the rival against AWS.
				spread = calc.FormatSigned(res.Value.Lo.Neg(), data.PP, c.Style) + " vs AWS"
			}
		}
		class := "bar"
		if i > 0 {
			class = "bar-alt"
		}
		note := text
		if spread != "" {
			note += " (" + spread + ")"
		}
		body = append(body,
			label("0", num(y+14), "chart-label", r.Name),
			rect(class, "0", end, y+barOffset, barH),
			label(calc.MustParse(end).Add(calc.Int(6)).Round(2).String(), num(y+barOffset+13), "chart-value", note),
		)
		rows = append(rows, []string{r.Name, text, spread})
		desc = append(desc, r.Name+" "+note)
	}
	h := len(growthRows) * rowH
	body = append(body, svg("line").Class("marker").
		Attr("x1", awsX).Attr("x2", awsX).Attr("y1", num(barOffset-4)).Attr("y2", num(h)))
	gcpAzure := ""
	if c.Results != nil {
		if res, ok := c.Results.Get("gcp_vs_azure_growth"); ok && res.OK() {
			gcpAzure = "Google Cloud minus Azure: " + calc.FormatSigned(res.Value.Lo, data.PP, c.Style)
			body = append(body, label("0", num(h+16), "chart-note", gcpAzure))
		}
	}
	return chartFrame("growth", "Cloud revenue growth, year over year",
		strings.Join(desc, "; ")+". "+gcpAzure+". The dashed line marks AWS’s rate.",
		h+24, body, []string{"Cloud", "Growth", "Spread"}, rows)
}
