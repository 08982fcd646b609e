package data_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"amzwidget/data"
)

// A range figure is one figure with two ends, and two URL parameters.
func ExampleDataset_Value() {
	ds := data.Default()
	b, _ := ds.Value("alphabet_capex")
	fmt.Println(b.Low, b.High, b.IsPoint())
	p, _ := ds.Param("alphabet_capex_high")
	fmt.Println(p.Figure.ID, p.Default)
	// Output:
	// 175 185 false
	// alphabet_capex 185
}

// The figures a group of comparisons depends on are the inputs an embed
// page shows.
func ExampleDataset_Inputs() {
	ds := data.Default()
	for _, p := range ds.Inputs(ds.InGroup("workforce")) {
		fmt.Println(p.ID, p.Default)
	}
	// Output:
	// workforce 350000
	// cut_oct2025 14000
	// cut_jan2026 16000
}

// Each topic leads with one comparison, said in a sentence, with the
// input that matters most beside it and one of the articles' claims.
func ExampleDataset_Topic() {
	ds := data.Default()
	t, _ := ds.Topic("workforce")
	before, after, _ := t.Headline(false)
	fmt.Println(t.Lead, t.LeadInput)
	fmt.Println(before + "≈ 8.57%" + after)
	cl, _ := ds.FeaturedClaim(t)
	fmt.Println(cl.Quote)
	// Output:
	// cut_share_total workforce
	// The two rounds of layoffs cut ≈ 8.57% of Amazon’s corporate workforce.
	// or about 10% of its corporate workforce
}

// A figure is shown with the article's own qualifier: its hedge word and
// its note.
func ExampleFigure_Qualify() {
	ds := data.Default()
	for _, id := range []string{"workforce", "microsoft_capex", "cut_oct2025"} {
		f, _ := ds.Figure(id)
		fmt.Printf("%s | %q\n", f.Qualify("VALUE"), f.Qualifier())
	}
	// Output:
	// around VALUE | "around"
	// ~VALUE (estimated run-rate) | "~ (estimated run-rate)"
	// VALUE | ""
}

// Check reports every problem of a dataset file, each at its JSON path
// and line, saying what is accepted, and wrapping a sentinel error.
func ExampleCheck() {
	b, _ := os.ReadFile("dataset.json")
	bad := strings.Replace(string(b), `"value": "350000"`, `"value": "1e6"`, 1)
	bad = strings.Replace(bad, `"a": ["cut_oct2025", "cut_jan2026"]`, `"a": ["cut_oct2025", "cut_jan2062"]`, 1)
	_, problems := data.Check([]byte(bad), data.CheckOptions{})
	for _, p := range problems {
		fmt.Println(p)
		fmt.Println(errors.Is(p, data.ErrBadNumber), errors.Is(p, data.ErrUnknownID))
	}
	// Output:
	// figures[0].value: "1e6" is not a plain decimal (write digits with an optional point, like 350000 or 34.6)
	// true false
	// comparisons[0].a: unknown id "cut_jan2062"; did you mean "cut_jan2026"? (an operand is the id of a figure or of another comparison)
	// false true
}
