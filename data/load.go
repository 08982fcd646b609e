package data

import (
	"errors"
	"fmt"
	"slices"
	"sync"

	"github.com/shopspring/decimal"
)

//go:generate go run -tags gendata ../internal/cmd/gendata -in dataset.json -out dataset_gen.go

// Sentinel errors: every Problem, and so every error of Load and
// Validate, wraps one of them (errors.Is tells them apart).
var (
	ErrDuplicateID = errors.New("duplicate id")
	ErrUnknownID   = errors.New("unknown id")
	ErrUnknownUnit = errors.New("unknown unit")
	ErrUnknownKind = errors.New("unknown comparison kind")
	ErrBadNumber   = errors.New("not a decimal number")
	ErrBadRange    = errors.New("low above high")
	ErrMissing     = errors.New("missing field")
	ErrCycle       = errors.New("comparisons refer to each other in a cycle")

	// ErrSyntax: the file is not valid JSON.
	ErrSyntax = errors.New("not valid JSON")
	// ErrUnknownField: a key the dataset does not have (a misspelling).
	ErrUnknownField = errors.New("unknown field")
	// ErrDuplicateKey: the same key twice in one object.
	ErrDuplicateKey = errors.New("key given twice")
	// ErrWrongType: a value of the wrong JSON type, such as a JSON number
	// where the dataset takes a decimal string.
	ErrWrongType = errors.New("wrong JSON type")
	// ErrBadID: an id that is not snake_case.
	ErrBadID = errors.New("not a valid id")
	// ErrUnknownValue: a word outside its list (a span, a relation, a
	// chart).
	ErrUnknownValue = errors.New("not one of the accepted values")
	// ErrUnknownQualifier: a hedge word outside FigureHedges (a figure's)
	// or ClaimHedges (a claim's).
	ErrUnknownQualifier = errors.New("unknown qualifier word")
	// ErrConflict: fields that do not go together, such as a value and a
	// range, or a factor on a kind other than scale.
	ErrConflict = errors.New("fields that do not go together")
	// ErrBadInput: a slider that cannot show the article's value.
	ErrBadInput = errors.New("slider does not fit its figure")
	// ErrUnitMismatch: a comparison sets operands in different units
	// against each other, or adds them up (calc.ErrUnitMismatch is it).
	ErrUnitMismatch = errors.New("figures are in different units")
	// ErrPeriodMismatch: a comparison sets a flow over one span of time
	// against a flow over another, without declaring periods_differ
	// (calc.ErrPeriodMismatch is it).
	ErrPeriodMismatch = errors.New("figures cover different periods")
	// ErrOtherTopic: a topic's lead or claim belongs to another topic.
	ErrOtherTopic = errors.New("belongs to another topic")
	// ErrValueMark: a topic's sentence without {value}, or with two.
	ErrValueMark = errors.New("sentence must hold {value} once")
	// ErrNoteMark: a brace in a comparison's note that is not part of a
	// {figure_id} placeholder.
	ErrNoteMark = errors.New("stray brace in a note")
	// ErrBadDate: a date that is not a day written YYYY-MM-DD.
	ErrBadDate = errors.New("not a date")
	// ErrBadFileName: site.file_name is not lowercase letters and digits
	// joined by "-".
	ErrBadFileName = errors.New("not a file name")
	// ErrTooPrecise: a figure has more decimal places than its unit is
	// shown with, so the page would not show the article's number.
	ErrTooPrecise = errors.New("more decimal places than its unit shows")
	// ErrQuoteNotFound: quoted words that are not word for word in the
	// cited article (or a hedge that is not among them).
	ErrQuoteNotFound = errors.New("quote not found in its source")
	// ErrNoSourceText: the text of a cited article could not be read.
	ErrNoSourceText = errors.New("source text not readable")
)

// Load parses a dataset from JSON and validates it. Unknown fields are an
// error, so that a misspelt key in a newsroom's data file is caught rather
// than silently ignored. The error joins every problem Check finds.
func Load(b []byte) (*Dataset, error) {
	ds, probs := Check(b, CheckOptions{})
	if len(probs) > 0 {
		return nil, Errors(probs)
	}
	return ds, nil
}

var (
	defaultOnce sync.Once
	defaultDS   *Dataset
)

// Default returns the dataset compiled into the binary: dataset.json as
// Go values (dataset_gen.go, written by internal/cmd/gendata after Check
// found no problem in the file), with its lookup tables built once. It
// parses no JSON and runs no check: that is done when the file is
// generated, and TestGeneratedUpToDate proves the values are the file's.
func Default() *Dataset {
	defaultOnce.Do(func() { defaultDS = fromGenerated() })
	return defaultDS
}

// fromGenerated builds a Dataset from the generated values: a copy of
// them and the lookup tables, what Load would return for dataset.json.
func fromGenerated() *Dataset {
	ds := generated
	ds.buildIndex()
	return &ds
}

// Validate checks the dataset like code: unique snake_case ids, known
// units, spans, kinds and qualifier words, plain decimal numbers, low ≤
// high, sliders that reach the article's values, a quoted source on every
// figure and claim, operands that exist, in units and periods their
// comparison can set against each other, no cycle among comparisons, and
// topics that lead with their own comparisons, shown on their embed
// graphics; and articles described in our words (about, short), whose
// optional title and date Check, given the articles' texts, finds word for
// word there. It returns every problem joined (see Check for them one by
// one, with their places in the file). It also builds the lookup tables
// the accessors use.
func (ds *Dataset) Validate() error {
	return Errors(ds.problems(CheckOptions{}))
}

// ParseDecimal parses a dataset number: a plain decimal string such as
// "148.86" or "-15" (no exponent, no separators). Reader input goes through
// the scenario package's parser instead, which is more forgiving.
func ParseDecimal(s string) (decimal.Decimal, error) {
	if s == "" {
		return decimal.Decimal{}, fmt.Errorf("empty number: %w", ErrBadNumber)
	}
	for i, r := range s {
		if (r < '0' || r > '9') && r != '.' && !(i == 0 && r == '-') {
			return decimal.Decimal{}, fmt.Errorf("%q: %w", s, ErrBadNumber)
		}
	}
	d, err := decimal.NewFromString(s)
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%q: %w", s, ErrBadNumber)
	}
	return d, nil
}

// EvalOrder returns the comparisons in dependency order: every comparison
// appears after the comparisons it uses as operands. The slice is shared:
// do not modify it.
func (ds *Dataset) EvalOrder() []Comparison { return ds.evalOrder }

// Figure returns the figure with the given id.
func (ds *Dataset) Figure(id string) (Figure, bool) {
	i, ok := ds.figures[id]
	if !ok {
		return Figure{}, false
	}
	return ds.Figures[i], true
}

// Comparison returns the comparison with the given id.
func (ds *Dataset) Comparison(id string) (Comparison, bool) {
	i, ok := ds.comparisons[id]
	if !ok {
		return Comparison{}, false
	}
	return ds.Comparisons[i], true
}

// Article returns the article with the given id.
func (ds *Dataset) Article(id string) (Article, bool) {
	for _, a := range ds.Articles {
		if a.ID == id {
			return a, true
		}
	}
	return Article{}, false
}

// Value returns a figure's value as the article gives it.
func (ds *Dataset) Value(id string) (Bounds, bool) {
	b, ok := ds.values[id]
	return b, ok
}

// Part says which end of a figure an input parameter sets.
type Part int

// The parts of a figure a parameter may set.
const (
	Whole Part = iota // a point figure's value
	Low               // a range figure's lower end
	High              // a range figure's upper end
)

// Param is one adjustable input: a point figure's value, or one end of a
// range figure. Its ID is the figure's id, or the id with "_low" / "_high"
// appended; these ids are the public URL parameter names.
type Param struct {
	ID      string
	Figure  Figure
	Part    Part
	Default decimal.Decimal // the article's value
}

// Params lists every adjustable input, in dataset order. The slice is
// shared: do not modify it.
func (ds *Dataset) Params() []Param { return ds.params }

// Param returns the adjustable input with the given id.
func (ds *Dataset) Param(id string) (Param, bool) {
	i, ok := ds.paramIdx[id]
	if !ok {
		return Param{}, false
	}
	return ds.params[i], true
}

func (ds *Dataset) buildParams() {
	var out []Param
	for _, f := range ds.Figures {
		if f.Input == nil {
			continue
		}
		b := ds.values[f.ID]
		if f.IsRange() {
			out = append(out,
				Param{ID: f.ID + "_low", Figure: f, Part: Low, Default: b.Low},
				Param{ID: f.ID + "_high", Figure: f, Part: High, Default: b.High})
			continue
		}
		out = append(out, Param{ID: f.ID, Figure: f, Part: Whole, Default: b.Low})
	}
	ds.params = out
	ds.paramIdx = make(map[string]int, len(out))
	for i, p := range out {
		ds.paramIdx[p.ID] = i
	}
}

// InGroup returns the comparisons of a group ("workforce", "capex",
// "growth"), or all of them for "", in dataset order.
//
// The slice is the dataset's own, built once when it was loaded (a
// slider step asks for it several times): read it, never write to it.
// Appending to it copies it.
func (ds *Dataset) InGroup(group string) []Comparison {
	if m, ok := ds.memo.group[group]; ok {
		return m
	}
	return ds.inGroup(group)
}

func (ds *Dataset) inGroup(group string) []Comparison {
	var out []Comparison
	for _, c := range ds.Comparisons {
		if group == "" || c.Group == group {
			out = append(out, c)
		}
	}
	return out
}

// figuresOf returns the ids of the figures the given comparisons depend
// on, directly or through other comparisons.
func (ds *Dataset) figuresOf(cs []Comparison) map[string]bool {
	need := map[string]bool{}
	var walk func(c Comparison)
	walk = func(c Comparison) {
		for _, id := range slices.Concat(c.A, c.B) {
			if sub, ok := ds.Comparison(id); ok {
				walk(sub)
				continue
			}
			need[id] = true
		}
	}
	for _, c := range cs {
		walk(c)
	}
	return need
}

// InStory returns the comparisons of a group that its embed graphic
// shows: InGroup without the dashboard-only ones.
//
// Like InGroup's, the slice is the dataset's own: read it, never write
// to it.
func (ds *Dataset) InStory(group string) []Comparison {
	if m, ok := ds.memo.story[group]; ok {
		return m
	}
	return ds.inStory(group)
}

func (ds *Dataset) inStory(group string) []Comparison {
	var out []Comparison
	for _, c := range ds.inGroup(group) {
		if !c.DashboardOnly {
			out = append(out, c)
		}
	}
	return out
}

// InputHome returns the id of the topic whose dashboard section holds the
// field of an adjustable parameter (every field is on the page once): the
// first topic whose embed graphic uses it, else the first topic that uses
// it at all; "" for a parameter no comparison uses.
func (ds *Dataset) InputHome(param string) string { return ds.home[param] }

func (ds *Dataset) buildHomes() {
	ds.home = map[string]string{}
	for _, in := range []func(string) []Comparison{ds.InStory, ds.InGroup} {
		for _, t := range ds.Topics {
			for _, p := range ds.Inputs(in(t.ID)) {
				if _, ok := ds.home[p.ID]; !ok {
					ds.home[p.ID] = t.ID
				}
			}
		}
	}
}

// Inputs returns the adjustable parameters that the given comparisons
// depend on, directly or through other comparisons, in dataset order.
//
// For a slice InGroup or InStory returned, the answer is the dataset's
// own, built once: read it, never write to it.
func (ds *Dataset) Inputs(cs []Comparison) []Param {
	if len(cs) > 0 {
		for _, m := range ds.memo.inputs {
			if &m.of[0] == &cs[0] && len(m.of) == len(cs) {
				return m.inputs
			}
		}
	}
	return ds.inputs(cs)
}

func (ds *Dataset) inputs(cs []Comparison) []Param {
	need := ds.figuresOf(cs)
	var out []Param
	for _, p := range ds.params {
		if need[p.Figure.ID] {
			out = append(out, p)
		}
	}
	return out
}

// Sources returns the articles the given comparisons' figures (adjustable
// or not) and the claims about them come from, in dataset order.
func (ds *Dataset) Sources(cs []Comparison) []Article {
	used := map[string]bool{}
	for id := range ds.figuresOf(cs) {
		if f, ok := ds.Figure(id); ok {
			used[f.Source.Article] = true
		}
	}
	for _, cl := range ds.Claims {
		for _, c := range cs {
			if cl.Comparison == c.ID {
				used[cl.Source.Article] = true
			}
		}
	}
	var out []Article
	for _, a := range ds.Articles {
		if used[a.ID] {
			out = append(out, a)
		}
	}
	return out
}

// ClaimsOn returns the claims about the comparison with the given id.
func (ds *Dataset) ClaimsOn(comparison string) []Claim {
	var out []Claim
	for _, cl := range ds.Claims {
		if cl.Comparison == comparison {
			out = append(out, cl)
		}
	}
	return out
}

// memo holds the answers of InGroup, InStory and Inputs for every group
// and for "", built once by buildMemo: a slider step asked for them
// several times, and rebuilding them was a tenth of what it allocated.
type memo struct {
	group, story map[string][]Comparison
	// inputs holds the answer of Inputs for each slice of group and story,
	// found by the slice itself (its first element's address and its
	// length): there are a few.
	inputs []memoInputs
}

// memoInputs is one answer of Inputs: the parameters that the
// comparisons in of depend on.
type memoInputs struct {
	of     []Comparison
	inputs []Param
}

// buildMemo fills ds.memo from the indexed dataset.
func (ds *Dataset) buildMemo() {
	m := memo{group: map[string][]Comparison{}, story: map[string][]Comparison{}}
	groups := []string{""}
	for _, c := range ds.Comparisons {
		if !slices.Contains(groups, c.Group) {
			groups = append(groups, c.Group)
		}
	}
	for _, g := range groups {
		m.group[g] = slices.Clip(ds.inGroup(g))
		m.story[g] = slices.Clip(ds.inStory(g))
		for _, s := range [][]Comparison{m.group[g], m.story[g]} {
			if len(s) > 0 {
				m.inputs = append(m.inputs, memoInputs{s, slices.Clip(ds.inputs(s))})
			}
		}
	}
	ds.memo = m
}
