package data

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"

	"github.com/shopspring/decimal"
)

//go:embed dataset.json
var embedded []byte

// Sentinel errors returned (wrapped) by Load and Validate.
var (
	ErrDuplicateID = errors.New("duplicate id")
	ErrUnknownID   = errors.New("unknown id")
	ErrUnknownUnit = errors.New("unknown unit")
	ErrUnknownKind = errors.New("unknown comparison kind")
	ErrBadNumber   = errors.New("not a decimal number")
	ErrBadRange    = errors.New("low above high")
	ErrMissing     = errors.New("missing field")
	ErrCycle       = errors.New("comparisons refer to each other in a cycle")
)

// Load parses a dataset from JSON and validates it. Unknown fields are an
// error, so that a misspelt key in a newsroom's data file is caught rather
// than silently ignored.
func Load(b []byte) (*Dataset, error) {
	dec := json.NewDecoder(bytes.NewReader(b))
	dec.DisallowUnknownFields()
	var ds Dataset
	if err := dec.Decode(&ds); err != nil {
		return nil, fmt.Errorf("parse dataset: %w", err)
	}
	if err := ds.Validate(); err != nil {
		return nil, err
	}
	return &ds, nil
}

var (
	defaultOnce sync.Once
	defaultDS   *Dataset
)

// Default returns the dataset embedded in the binary. It is parsed and
// validated once; the shipped file is validated by this package's tests, so
// a failure here is a build defect and panics.
func Default() *Dataset {
	defaultOnce.Do(func() {
		ds, err := Load(embedded)
		if err != nil {
			panic("data: embedded dataset is invalid: " + err.Error())
		}
		defaultDS = ds
	})
	return defaultDS
}

// Validate checks the dataset like code: unique ids, known units, spans and
// kinds, parseable exact numbers, low ≤ high, a source on every figure and
// claim, operands that exist and no cycle among comparisons. It also builds
// the lookup tables the accessors use.
func (ds *Dataset) Validate() error {
	var errs []error
	fail := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }

	articles := map[string]bool{}
	for _, a := range ds.Articles {
		if articles[a.ID] {
			fail("article %q: %w", a.ID, ErrDuplicateID)
		}
		articles[a.ID] = true
		if a.ID == "" || strings.TrimSpace(a.About) == "" || strings.TrimSpace(a.Short) == "" || a.File == "" {
			fail("article %q: id, about, short and file: %w", a.ID, ErrMissing)
		}
	}
	seen := map[string]string{}
	unique := func(id, what string) {
		if id == "" {
			fail("%s without id: %w", what, ErrMissing)
			return
		}
		if prev, ok := seen[id]; ok {
			fail("%s %q (also a %s): %w", what, id, prev, ErrDuplicateID)
		}
		seen[id] = what
	}
	checkSource := func(what, id string, s Source) {
		if !articles[s.Article] {
			fail("%s %q: source article %q: %w", what, id, s.Article, ErrUnknownID)
		}
		if strings.TrimSpace(s.Where) == "" {
			fail("%s %q: source without where: %w", what, id, ErrMissing)
		}
	}

	ds.figures = map[string]int{}
	ds.values = map[string]Bounds{}
	for i, f := range ds.Figures {
		unique(f.ID, "figure")
		ds.figures[f.ID] = i
		if !slices.Contains(Units, f.Unit) {
			fail("figure %q: %q: %w", f.ID, f.Unit, ErrUnknownUnit)
		}
		if f.Span != Point && f.Span != Quarter && f.Span != Year {
			fail("figure %q: span %q: %w", f.ID, f.Span, ErrUnknownID)
		}
		checkSource("figure", f.ID, f.Source)
		b, err := f.bounds()
		if err != nil {
			fail("figure %q: %w", f.ID, err)
		}
		ds.values[f.ID] = b
		if f.Input != nil {
			for _, s := range []string{f.Input.SliderMin, f.Input.SliderMax, f.Input.Step} {
				if _, err := ParseDecimal(s); err != nil {
					fail("figure %q: input: %w", f.ID, err)
				}
			}
		}
	}

	ds.comparisons = map[string]int{}
	for i, c := range ds.Comparisons {
		unique(c.ID, "comparison")
		ds.comparisons[c.ID] = i
	}
	for _, c := range ds.Comparisons {
		if !slices.Contains(Kinds, c.Kind) {
			fail("comparison %q: %q: %w", c.ID, c.Kind, ErrUnknownKind)
		}
		if len(c.A) == 0 {
			fail("comparison %q: no operand a: %w", c.ID, ErrMissing)
		}
		single := c.Kind == Sum || c.Kind == Scale
		if single && len(c.B) > 0 {
			fail("comparison %q: a %s takes no operand b", c.ID, c.Kind)
		}
		if !single && len(c.B) == 0 {
			fail("comparison %q: no operand b: %w", c.ID, ErrMissing)
		}
		if (c.Kind == Scale) != (c.Factor != "") {
			fail("comparison %q: factor goes with kind scale, and only with it", c.ID)
		}
		if c.Factor != "" {
			if _, err := ParseDecimal(c.Factor); err != nil {
				fail("comparison %q: factor: %w", c.ID, err)
			}
		}
		if single && (c.BFactor != "" || c.BSpan != "") {
			fail("comparison %q: a %s takes no b_factor or b_span", c.ID, c.Kind)
		}
		if (c.BFactor != "") != (c.BSpan != "") {
			fail("comparison %q: b_factor and b_span go together: %w", c.ID, ErrMissing)
		}
		if c.BFactor != "" {
			if _, err := ParseDecimal(c.BFactor); err != nil {
				fail("comparison %q: b_factor: %w", c.ID, err)
			}
		}
		if c.BSpan != "" && c.BSpan != Point && c.BSpan != Quarter && c.BSpan != Year {
			fail("comparison %q: b_span %q: %w", c.ID, c.BSpan, ErrUnknownID)
		}
		for _, id := range slices.Concat(c.A, c.B) {
			_, isFig := ds.figures[id]
			_, isCmp := ds.comparisons[id]
			if !isFig && !isCmp {
				fail("comparison %q: operand %q: %w", c.ID, id, ErrUnknownID)
			}
		}
	}
	if len(errs) == 0 {
		idx, err := ds.order()
		if err != nil {
			errs = append(errs, err)
		}
		ds.evalOrder = make([]Comparison, len(idx))
		for i, j := range idx {
			ds.evalOrder[i] = ds.Comparisons[j]
		}
	}
	ds.buildParams()
	for _, p := range ds.params {
		if _, ok := ds.figures[p.ID]; ok && p.Part != Whole {
			fail("figure %q: id clashes with a range's parameter: %w", p.ID, ErrDuplicateID)
		}
	}

	for _, c := range ds.Claims {
		unique(c.ID, "claim")
		if _, ok := ds.comparisons[c.Comparison]; !ok {
			fail("claim %q: comparison %q: %w", c.ID, c.Comparison, ErrUnknownID)
		}
		checkSource("claim", c.ID, c.Source)
		switch {
		case c.IsRange() && c.Stated != "":
			fail("claim %q: both stated and a stated range", c.ID)
		case c.IsRange():
			lo, err1 := ParseDecimal(c.StatedLow)
			hi, err2 := ParseDecimal(c.StatedHigh)
			if err := errors.Join(err1, err2); err != nil {
				fail("claim %q: %w", c.ID, err)
			} else if lo.GreaterThan(hi) {
				fail("claim %q: %w", c.ID, ErrBadRange)
			}
		default:
			if _, err := ParseDecimal(c.Stated); err != nil {
				fail("claim %q: stated: %w", c.ID, err)
			}
		}
		if c.Relation != "" && c.Relation != "above" && c.Relation != "below" {
			fail("claim %q: relation %q: %w", c.ID, c.Relation, ErrUnknownID)
		}
		if c.Relation != "" && c.IsRange() {
			fail("claim %q: a relation takes a single stated value", c.ID)
		}
	}
	ds.validateTopics(fail)
	if len(errs) == 0 { // operands resolve, without cycles
		ds.buildHomes()
	}
	return errors.Join(errs...)
}

// bounds parses a figure's value or range.
func (f Figure) bounds() (Bounds, error) {
	if f.IsRange() {
		if f.Value != "" {
			return Bounds{}, errors.New("both a value and a range")
		}
		lo, err1 := ParseDecimal(f.Low)
		hi, err2 := ParseDecimal(f.High)
		if err := errors.Join(err1, err2); err != nil {
			return Bounds{}, err
		}
		if lo.GreaterThan(hi) {
			return Bounds{}, ErrBadRange
		}
		return Bounds{lo, hi}, nil
	}
	v, err := ParseDecimal(f.Value)
	if err != nil {
		return Bounds{}, err
	}
	return Bounds{v, v}, nil
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

// order returns the comparisons' indexes in an order where every operand
// that is a comparison comes before its user.
func (ds *Dataset) order() ([]int, error) {
	const (
		unvisited = iota
		visiting
		done
	)
	state := make([]int, len(ds.Comparisons))
	var out []int
	var visit func(i int) error
	visit = func(i int) error {
		switch state[i] {
		case visiting:
			return fmt.Errorf("at %q: %w", ds.Comparisons[i].ID, ErrCycle)
		case done:
			return nil
		}
		state[i] = visiting
		c := ds.Comparisons[i]
		for _, id := range slices.Concat(c.A, c.B) {
			if j, ok := ds.comparisons[id]; ok {
				if err := visit(j); err != nil {
					return err
				}
			}
		}
		state[i] = done
		out = append(out, i)
		return nil
	}
	for i := range ds.Comparisons {
		if err := visit(i); err != nil {
			return nil, err
		}
	}
	return out, nil
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
func (ds *Dataset) InGroup(group string) []Comparison {
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
func (ds *Dataset) InStory(group string) []Comparison {
	var out []Comparison
	for _, c := range ds.InGroup(group) {
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
func (ds *Dataset) Inputs(cs []Comparison) []Param {
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
