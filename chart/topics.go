package chart

import (
	"amzwidget/calc"
	"amzwidget/data"
)

// Kinds of chart a topic may ask for (data.Charts).
const (
	KindShares      = "shares"
	KindCompanyBars = "company_bars"
	KindGrowthBars  = "growth_bars"
)

// ForKind returns the chart of the given kind under the reader's values
// and their results, and false for an unknown kind.
func ForKind(kind string, values calc.Assumptions, res *calc.Results, st calc.Style) (Chart, bool) {
	switch kind {
	case KindShares:
		return Workforce(res, st), true
	case KindCompanyBars:
		return Capex(values, st), true
	case KindGrowthBars:
		return Growth(values, res, st), true
	}
	return Chart{}, false
}

// workforceRows are the workforce chart's rows: a name and the share
// comparison.
var workforceRows = []struct{ Name, ID string }{
	{"October 2025 round", "cut_share_oct2025"},
	{"January 2026 round", "cut_share_jan2026"},
	{"Both rounds", "cut_share_total"},
}

// Workforce is each round of cuts, and both together, as a share of the
// whole corporate workforce: a full-width track is the workforce and the
// filled part the jobs cut.
func Workforce(res *calc.Results, st calc.Style) Chart {
	hundred := calc.Int(100)
	rows := make([]Row, len(workforceRows))
	for i, r := range workforceRows {
		row := Row{Name: r.Name, Text: "can't be computed", Main: i == len(workforceRows)-1, Track: &hundred}
		if res != nil {
			if got, ok := res.Get(r.ID); ok && got.OK() {
				row.Value, row.OK = got.Value, true
				row.Text = calc.FormatInterval(got.Value, data.Percent, st)
			}
		}
		rows[i] = row
	}
	return Chart{ID: "workforce", Title: "Jobs cut as a share of the corporate workforce",
		Note: "The full bar is the whole corporate workforce (100%).", Rows: rows}
}

// capexCompanies are the capital-spending chart's rows: a name and the
// figure's id.
var capexCompanies = []struct{ Name, ID string }{
	{"Amazon", "capex_2026"},
	{"Alphabet", "alphabet_capex"},
	{"Meta", "meta_capex"},
	{"Microsoft", "microsoft_capex"},
}

// capexEstimate is the figure drawn as a mark on Amazon's bar.
const capexEstimate = "capex_2026_estimate"

// Capex is the 2026 capital spending of Amazon, Alphabet, Meta and
// Microsoft under the reader's values: a range as a solid bar to its low
// end and an outlined band to its high end, and the analysts' estimate
// for Amazon as a dashed line across Amazon's bar.
func Capex(values calc.Assumptions, st calc.Style) Chart {
	ds := data.Default()
	est, _ := calc.Figure(ds, values, capexEstimate)
	rows := make([]Row, len(capexCompanies))
	for i, co := range capexCompanies {
		v, ok := calc.Figure(ds, values, co.ID)
		text := calc.FormatInterval(v, data.USDBillion, st)
		// The article's own figure keeps the article's qualifier
		// ("approximately", "~ … (estimated run-rate)"); a reader's is theirs.
		if f, found := ds.Figure(co.ID); found && !values.SetsFigure(co.ID) {
			text = f.Qualify(text)
		}
		rows[i] = Row{Name: co.Name, Value: v, OK: ok, Text: text, Main: i == 0}
		if i == 0 {
			rows[i].Marks = []calc.Value{est.Lo}
		}
	}
	return Chart{ID: "capex", Title: "Capital spending in 2026, by company",
		Note: "Dashed line: the analysts’ estimate for Amazon (" + calc.Format(est.Lo, data.USDBillion, st) +
			"). Bands are ranges.", Rows: rows}
}

// growthRows are the growth chart's rows: a name, the figure, and the
// comparison that is AWS's spread against it ("" for AWS itself).
var growthRows = []struct{ Name, ID, Spread string }{
	{"AWS", "aws_growth", ""},
	{"Microsoft Azure", "azure_growth", "aws_vs_azure_growth"},
	{"Google Cloud", "gcp_growth", "aws_vs_gcp_growth"},
}

// Growth is the year-over-year growth of AWS, Azure and Google Cloud as
// bars from a zero line (growth below zero is drawn to its left), with a
// dashed line at AWS's rate across every row, so that each rival's spread
// over AWS is the distance from the line to its bar's end, also written
// beside the bar.
func Growth(values calc.Assumptions, res *calc.Results, st calc.Style) Chart {
	ds := data.Default()
	aws, _ := calc.Figure(ds, values, growthRows[0].ID)
	rows := make([]Row, len(growthRows))
	for i, r := range growthRows {
		v, ok := calc.Figure(ds, values, r.ID)
		text := calc.FormatInterval(v, data.Percent, st)
		if r.Spread != "" && res != nil {
			if got, ok := res.Get(r.Spread); ok && got.OK() {
				// The comparison is AWS minus the rival; the chart shows
				// the rival against AWS.
				text += " (" + calc.FormatSigned(got.Value.Lo.Neg(), data.PP, st) + " vs AWS)"
			}
		}
		rows[i] = Row{Name: r.Name, Value: v, OK: ok, Text: text, Main: i == 0, Marks: []calc.Value{aws.Lo}}
	}
	note := "Dashed line: AWS’s rate."
	if res != nil {
		if got, ok := res.Get("gcp_vs_azure_growth"); ok && got.OK() {
			note += " Google Cloud minus Azure: " + calc.FormatSigned(got.Value.Lo, data.PP, st) + "."
		}
	}
	return Chart{ID: "growth", Title: "Growth: AWS in Q4 2025, Azure and Google Cloud in their latest quarter",
		Note: note, Rows: rows}
}
