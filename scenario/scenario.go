package scenario

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/shopspring/decimal"
)

// Display parameters: URL parameters that are not figures.
const (
	ParamDigits      = "digits"      // 0..6 decimal places
	ParamExact       = "exact"       // 1 shows repeating expansions
	ParamTheme       = "theme"       // light, dark or auto
	ParamTransparent = "transparent" // 1 for a transparent background
	ParamLang        = "lang"        // en, de or fr
)

// MaxDigitsParam is the largest value of the digits parameter.
const MaxDigitsParam = 6

// Scenario is a reader's assumptions and display choices. The zero value
// is not ready: use New.
type Scenario struct {
	ds *data.Dataset
	// Values holds the reader's values that differ from the article's.
	Values calc.Assumptions
	// Digits is the number of decimal places shown, or -1 for each unit's
	// default.
	Digits int
	// Exact shows repeating expansions ("8.(571428) %").
	Exact bool
	// Theme is "auto" (the reader's prefers-color-scheme), "light" or "dark".
	Theme string
	// Transparent leaves the background to the host page.
	Transparent bool
	// Lang is "en", "de", "fr", or "" for the page's default.
	Lang string
}

// Problem is a URL parameter that was refused: the page shows the
// article's value and this note instead. Param is a known parameter name
// (never the reader's raw text) and Message a fixed sentence.
type Problem struct {
	Param   string
	Message string
}

// New returns the article's own scenario for ds.
func New(ds *data.Dataset) *Scenario {
	return &Scenario{ds: ds, Values: calc.Assumptions{}, Digits: -1, Theme: "auto"}
}

// Dataset returns the dataset the scenario is about.
func (s *Scenario) Dataset() *data.Dataset { return s.ds }

// Clone returns an independent copy.
func (s *Scenario) Clone() *Scenario {
	c := *s
	c.Values = make(calc.Assumptions, len(s.Values))
	for k, v := range s.Values {
		c.Values[k] = v
	}
	return &c
}

// Param returns the adjustable parameter with the given id.
func (s *Scenario) Param(id string) (data.Param, bool) { return s.ds.Param(id) }

// Value returns a parameter's current value: the reader's, else the
// article's.
func (s *Scenario) Value(p data.Param) decimal.Decimal {
	if v, ok := s.Values[p.ID]; ok {
		return v
	}
	return p.Default
}

// Changed reports whether the reader changed the parameter.
func (s *Scenario) Changed(id string) bool {
	_, ok := s.Values[id]
	return ok
}

// Set parses text as the value of parameter id and, when it is accepted,
// stores it (or forgets it, when it equals the article's value). When it
// is refused, the scenario is unchanged and the error says why, in words
// fit to show next to the field.
func (s *Scenario) Set(id, text string) error {
	p, ok := s.Param(id)
	if !ok {
		return fmt.Errorf("unknown parameter %q", id)
	}
	d, err := ParseNumberIn(text, s.Style().Locale)
	if err != nil {
		return err
	}
	if err := s.check(p, d); err != nil {
		return err
	}
	s.put(p, d)
	return nil
}

// Reset restores the article's value of one parameter.
func (s *Scenario) Reset(id string) { delete(s.Values, id) }

// ResetAll restores every figure to the article's value.
func (s *Scenario) ResetAll() { clear(s.Values) }

func (s *Scenario) put(p data.Param, d decimal.Decimal) {
	if d.Equal(p.Default) {
		delete(s.Values, p.ID)
		return
	}
	s.Values[p.ID] = d
}

// check applies a parameter's constraints.
func (s *Scenario) check(p data.Param, d decimal.Decimal) error {
	in := p.Figure.Input
	if in.NonNegative && d.Sign() < 0 {
		return ErrNegative
	}
	if in.Integer && !d.IsInteger() {
		return ErrNotInteger
	}
	switch p.Part {
	case data.Low:
		if hi, ok := s.Param(p.Figure.ID + "_high"); ok && d.GreaterThan(s.Value(hi)) {
			return ErrAboveHigh
		}
	case data.High:
		if lo, ok := s.Param(p.Figure.ID + "_low"); ok && d.LessThan(s.Value(lo)) {
			return ErrBelowLow
		}
	}
	return nil
}

// ClampToRange returns d for parameter id, kept within the other end of
// its figure's range: the low end no higher than the high end's value in
// force, the high end no lower than the low end's. A slider uses it, so
// that a range's end stops at the other end, as a thumb stops at the end
// of its track, instead of being refused mid-drag. Other parameters, and
// unknown ids, get d unchanged.
func (s *Scenario) ClampToRange(id string, d decimal.Decimal) decimal.Decimal {
	p, ok := s.Param(id)
	if !ok {
		return d
	}
	switch p.Part {
	case data.Low:
		if hi, ok := s.Param(p.Figure.ID + "_high"); ok && d.GreaterThan(s.Value(hi)) {
			return s.Value(hi)
		}
	case data.High:
		if lo, ok := s.Param(p.Figure.ID + "_low"); ok && d.LessThan(s.Value(lo)) {
			return s.Value(lo)
		}
	}
	return d
}

// Decode reads a scenario from URL parameters. Unknown parameters are
// ignored; a refused value leaves the article's value in place and is
// reported as a Problem. Only the first value of a repeated parameter is
// read.
func Decode(ds *data.Dataset, q url.Values) (*Scenario, []Problem) {
	s := New(ds)
	var probs []Problem
	params := ds.Params()
	// Ranges: read both ends before checking them against each other.
	pending := map[string]decimal.Decimal{}
	for _, p := range params {
		vs, ok := q[p.ID]
		if !ok || len(vs) == 0 {
			continue
		}
		d, err := ParseNumber(vs[0])
		if err == nil {
			in := p.Figure.Input
			switch {
			case in.NonNegative && d.Sign() < 0:
				err = ErrNegative
			case in.Integer && !d.IsInteger():
				err = ErrNotInteger
			}
		}
		if err != nil {
			probs = append(probs, Problem{p.ID, err.Error()})
			continue
		}
		pending[p.ID] = d
	}
	for _, p := range params {
		d, ok := pending[p.ID]
		if !ok {
			continue
		}
		// A range's ends are checked against each other as the link gives
		// them: the other end from the link if it has one, else the article's.
		other := func(suffix string) (decimal.Decimal, bool) {
			o, ok := ds.Param(p.Figure.ID + suffix)
			if !ok {
				return decimal.Decimal{}, false
			}
			if v, ok := pending[o.ID]; ok {
				return v, true
			}
			return o.Default, true
		}
		if hi, ok := other("_high"); ok && p.Part == data.Low && d.GreaterThan(hi) {
			probs = append(probs, Problem{p.ID, ErrAboveHigh.Error()})
			delete(pending, p.ID)
			continue
		}
		if lo, ok := other("_low"); ok && p.Part == data.High && d.LessThan(lo) {
			probs = append(probs, Problem{p.ID, ErrBelowLow.Error()})
			delete(pending, p.ID)
			continue
		}
		s.put(p, d)
	}
	if v, ok := first(q, ParamDigits); ok {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 || n > MaxDigitsParam || len(v) > 1 {
			probs = append(probs, Problem{ParamDigits, "must be a whole number from 0 to 6"})
		} else {
			s.Digits = n
		}
	}
	if v, ok := first(q, ParamExact); ok {
		switch v {
		case "1", "true":
			s.Exact = true
		case "0", "false", "":
		default:
			probs = append(probs, Problem{ParamExact, "must be 1 or 0"})
		}
	}
	if v, ok := first(q, ParamTheme); ok {
		switch v {
		case "light", "dark", "auto":
			s.Theme = v
		default:
			probs = append(probs, Problem{ParamTheme, "must be light, dark or auto"})
		}
	}
	if v, ok := first(q, ParamTransparent); ok {
		s.Transparent = v == "1" || v == "true"
	}
	if v, ok := first(q, ParamLang); ok {
		switch v {
		case "en", "de", "fr":
			s.Lang = v
		default:
			probs = append(probs, Problem{ParamLang, "must be en, de or fr"})
		}
	}
	return s, probs
}

func first(q url.Values, k string) (string, bool) {
	vs, ok := q[k]
	if !ok || len(vs) == 0 {
		return "", false
	}
	return vs[0], true
}

// Query encodes the scenario as URL parameters, in dataset order, leaving
// out every value equal to the article's and every display choice at its
// default. Decode(Query()) gives back the same scenario.
func (s *Scenario) Query() string {
	var parts []string
	for _, p := range s.ds.Params() {
		if v, ok := s.Values[p.ID]; ok {
			parts = append(parts, p.ID+"="+url.QueryEscape(v.String()))
		}
	}
	if s.Digits >= 0 {
		parts = append(parts, ParamDigits+"="+strconv.Itoa(s.Digits))
	}
	if s.Exact {
		parts = append(parts, ParamExact+"=1")
	}
	if s.Theme != "" && s.Theme != "auto" {
		parts = append(parts, ParamTheme+"="+s.Theme)
	}
	if s.Transparent {
		parts = append(parts, ParamTransparent+"=1")
	}
	if s.Lang != "" {
		parts = append(parts, ParamLang+"="+s.Lang)
	}
	return strings.Join(parts, "&")
}

// Style returns the display style the scenario asks for.
func (s *Scenario) Style() calc.Style {
	st := calc.DefaultStyle
	st.Digits = s.Digits
	st.Exact = s.Exact
	st.Locale = calc.LocaleFor(s.Lang)
	return st
}

// Evaluate computes every comparison and claim under the scenario.
func (s *Scenario) Evaluate() *calc.Results { return calc.Evaluate(s.ds, s.Values) }

// QueryKeeping is Query followed by the parameters of q that the scenario
// does not own (a host's childId, initialWidth, ...), so that rewriting the
// URL as the reader types keeps them.
func (s *Scenario) QueryKeeping(q url.Values) string {
	rest := url.Values{}
	for k, vs := range q {
		if s.owns(k) {
			continue
		}
		rest[k] = vs
	}
	out := s.Query()
	if r := rest.Encode(); r != "" {
		if out != "" {
			out += "&"
		}
		out += r
	}
	return out
}

func (s *Scenario) owns(k string) bool {
	switch k {
	case ParamDigits, ParamExact, ParamTheme, ParamTransparent, ParamLang:
		return true
	}
	_, ok := s.ds.Param(k)
	return ok
}
