// Package export writes every figure and every comparison result under a
// scenario as CSV and JSON, for readers to take the data away. It is pure:
// the server (/data.csv, /data.json) and the browser (the download
// buttons) call the same functions, so both give the same bytes for the
// same URL state.
package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"strings"

	"amzwidget/calc"
	"amzwidget/data"
	"amzwidget/scenario"
)

// Row is one line of the export: a figure (Kind "figure") or a comparison
// result (Kind "comparison"). Decimals are plain strings with a dot.
type Row struct {
	Kind  string `json:"kind"`
	ID    string `json:"id"`
	Label string `json:"label"`
	// Value is the value of a point (exact when it terminates within
	// MaxPlaces decimal places, else rounded to MaxPlaces); Low and High
	// are the ends of a range. Exact is the exact value in repeating
	// notation ("8.(571428)"), set when it differs from Value.
	Value string `json:"value,omitempty"`
	Low   string `json:"low,omitempty"`
	High  string `json:"high,omitempty"`
	Exact string `json:"exact,omitempty"`
	// Displayed is the value as the widget shows it.
	Displayed string `json:"displayed"`
	Unit      string `json:"unit"`
	Period    string `json:"period,omitempty"`
	// Qualifier is the article's qualifier of a figure: its hedge word
	// ("around", "~", "nearly", "over") and its note ("(estimated
	// run-rate)"). While the figure is the article's, Displayed carries
	// it too ("around 350,000").
	Qualifier string `json:"qualifier,omitempty"`
	Source    string `json:"source,omitempty"`
	// Verdicts are the checks of the articles' claims on a comparison,
	// "claim-id: outcome"; Error says why a comparison can't be computed.
	Verdicts []string `json:"verdicts,omitempty"`
	Error    string   `json:"error,omitempty"`
}

// Doc is the JSON export.
type Doc struct {
	Title string `json:"title"`
	// Query is the URL state the data was computed under ("" for the
	// article's own figures).
	Query       string `json:"query"`
	Figures     []Row  `json:"figures"`
	Comparisons []Row  `json:"comparisons"`
}

// MaxPlaces is the number of decimal places a non-terminating value is
// rounded to in the Value column.
const MaxPlaces = 12

// Header is the CSV header row.
var Header = []string{"kind", "id", "label", "value", "low", "high", "exact", "displayed", "unit", "period", "source", "verdicts", "error", "qualifier"}

// Build computes the export of a scenario.
func Build(sc *scenario.Scenario) Doc {
	ds := sc.Dataset()
	st := sc.Style()
	doc := Doc{Title: ds.Title, Query: sc.Query(), Figures: []Row{}, Comparisons: []Row{}}
	for _, f := range ds.Figures {
		x, _ := calc.Figure(ds, sc.Values, f.ID)
		r := Row{Kind: "figure", ID: f.ID, Label: f.Label, Unit: string(f.Unit), Period: f.Period,
			Displayed: calc.FormatInterval(x, f.Unit, st), Source: source(ds, f.Source), Qualifier: f.Qualifier()}
		if !sc.Values.SetsFigure(f.ID) {
			r.Displayed = f.Qualify(r.Displayed)
		}
		fill(&r, x, f.IsRange())
		doc.Figures = append(doc.Figures, r)
	}
	res := sc.Evaluate()
	for _, c := range ds.EvalOrder() {
		res1, _ := res.Get(c.ID)
		r := Row{Kind: "comparison", ID: c.ID, Label: c.Label, Unit: string(res1.Unit), Period: string(res1.Span)}
		if res1.OK() {
			fill(&r, res1.Value, !res1.Value.IsPoint())
			r.Displayed = calc.FormatInterval(res1.Value, res1.Unit, st)
		} else {
			r.Error = res1.Err.Error()
		}
		for _, v := range res.Verdicts() {
			if v.Claim.Comparison == c.ID {
				r.Verdicts = append(r.Verdicts, v.Claim.ID+": "+v.Outcome.String())
			}
		}
		doc.Comparisons = append(doc.Comparisons, r)
	}
	return doc
}

func fill(r *Row, x calc.Interval, isRange bool) {
	if isRange {
		r.Low, r.High = plain(x.Lo), plain(x.Hi)
		return
	}
	r.Value = plain(x.Lo)
	if ex := x.Lo.String(); ex != r.Value {
		r.Exact = ex
	}
}

// plain writes v as a plain decimal with a dot: exactly when it
// terminates within MaxPlaces places, else rounded half away from zero.
func plain(v calc.Value) string {
	if p := v.Places(); p >= 0 && p <= MaxPlaces {
		d, _ := v.Terminating()
		return d.String()
	}
	return v.Round(MaxPlaces).String()
}

func source(ds *data.Dataset, s data.Source) string {
	a, ok := ds.Article(s.Article)
	if !ok {
		return s.Where
	}
	out := a.CreditText()
	if s.Where != "" {
		out += ": " + s.Where
	}
	return out
}

// CSV writes the export as CSV: a UTF-8 byte-order mark (so spreadsheet
// programs read the text as UTF-8), one header row, then the figures and
// the comparisons. Lines end in CRLF (RFC 4180).
func CSV(sc *scenario.Scenario) []byte {
	doc := Build(sc)
	var b bytes.Buffer
	b.WriteString("\ufeff")
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	_ = w.Write(Header)
	for _, rows := range [][]Row{doc.Figures, doc.Comparisons} {
		for _, r := range rows {
			_ = w.Write([]string{r.Kind, r.ID, r.Label, r.Value, r.Low, r.High, r.Exact, r.Displayed,
				r.Unit, r.Period, r.Source, strings.Join(r.Verdicts, "; "), r.Error, r.Qualifier})
		}
	}
	w.Flush()
	return b.Bytes()
}

// JSON writes the export as indented JSON, decimals as strings.
func JSON(sc *scenario.Scenario) []byte {
	b, err := json.MarshalIndent(Build(sc), "", "  ")
	if err != nil {
		// Doc holds only strings: it always marshals.
		panic(err)
	}
	return append(b, '\n')
}
