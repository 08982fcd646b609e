package calc

import (
	"errors"
	"fmt"
	"strings"

	"amzwidget/data"

	"github.com/shopspring/decimal"
)

// Errors a Result may carry (wrapped, with the details a reader needs).
var (
	// ErrPeriodMismatch: the comparison would set a flow over one span of
	// time (a year) against a flow over another (a quarter). It is the
	// dataset's own error: a valid dataset has it only where a comparison
	// declares periods_differ.
	ErrPeriodMismatch = data.ErrPeriodMismatch
	// ErrUnitMismatch: the operands are in different units (the dataset's
	// own error, which Validate rules out).
	ErrUnitMismatch = data.ErrUnitMismatch
	// ErrDependency: an operand is a comparison that could not be computed.
	ErrDependency = errors.New("depends on a result that cannot be computed")
)

// Assumptions maps adjustable parameter ids (see data.Param) to the
// reader's values. A parameter that is absent takes the article's value.
type Assumptions map[string]decimal.Decimal

// SetsFigure reports whether the assumptions set the figure with the given
// id: its value, or either end of a range (id_low, id_high).
func (a Assumptions) SetsFigure(id string) bool {
	for _, k := range []string{id, id + "_low", id + "_high"} {
		if _, ok := a[k]; ok {
			return true
		}
	}
	return false
}

// Result is one evaluated comparison.
type Result struct {
	Comparison data.Comparison
	Unit       data.Unit
	Span       data.Span
	Value      Interval
	// Err is set when the comparison cannot be computed under these
	// assumptions (a zero divisor, figures of different periods); Value is
	// then meaningless.
	Err error
}

// OK reports whether the result was computed.
func (r Result) OK() bool { return r.Err == nil }

// Results holds every comparison of a dataset evaluated under one set of
// assumptions, and the verdict on every claim.
type Results struct {
	list     []Result
	byID     map[string]int
	verdicts []Verdict
}

// Get returns the result of the comparison with the given id.
func (rs *Results) Get(id string) (Result, bool) {
	i, ok := rs.byID[id]
	if !ok {
		return Result{}, false
	}
	return rs.list[i], true
}

// All returns every result, in dependency order.
func (rs *Results) All() []Result { return rs.list }

// Verdicts returns the verdict on every claim, in dataset order.
func (rs *Results) Verdicts() []Verdict { return rs.verdicts }

// Verdict returns the verdict on the claim with the given id.
func (rs *Results) Verdict(id string) (Verdict, bool) {
	for _, v := range rs.verdicts {
		if v.Claim.ID == id {
			return v, true
		}
	}
	return Verdict{}, false
}

// Figure returns a figure's value under the assumptions: the reader's
// value for each adjustable part, else the article's.
func Figure(ds *data.Dataset, a Assumptions, id string) (Interval, bool) {
	f, ok := ds.Figure(id)
	if !ok {
		return Interval{}, false
	}
	b, _ := ds.Value(id)
	lo, hi := b.Low, b.High
	if f.IsRange() {
		if v, ok := a[id+"_low"]; ok {
			lo = v
		}
		if v, ok := a[id+"_high"]; ok {
			hi = v
		}
	} else if v, ok := a[id]; ok {
		lo, hi = v, v
	}
	x := Interval{Dec(lo), Dec(hi)}
	if x.Lo.Cmp(x.Hi) > 0 {
		x.Lo, x.Hi = x.Hi, x.Lo
	}
	return x, true
}

// operand is a resolved operand: its value, unit and span, and a name for
// messages.
type operand struct {
	label  string
	val    Interval
	unit   data.Unit
	span   data.Span
	period string
	err    error
}

// Evaluate computes every comparison of ds under the assumptions and
// checks every claim. It never panics on a valid dataset: a comparison that
// cannot be computed carries its reason in Result.Err.
func Evaluate(ds *data.Dataset, a Assumptions) *Results {
	order := ds.EvalOrder()
	rs := &Results{list: make([]Result, 0, len(order)), byID: make(map[string]int, len(order))}
	resolve := func(id string) operand {
		if i, ok := rs.byID[id]; ok {
			r := rs.list[i]
			if r.Err != nil {
				return operand{err: fmt.Errorf("%s: %w", r.Comparison.Label, ErrDependency)}
			}
			return operand{label: r.Comparison.Label, val: r.Value, unit: r.Unit, span: r.Span, period: string(r.Span)}
		}
		f, _ := ds.Figure(id)
		x, _ := Figure(ds, a, id)
		return operand{label: f.Label, val: x, unit: f.Unit, span: f.Span, period: f.Period}
	}
	for _, c := range order {
		r := evalOne(c, resolve)
		rs.byID[c.ID] = len(rs.list)
		rs.list = append(rs.list, r)
	}
	rs.verdicts = make([]Verdict, len(ds.Claims))
	for i, cl := range ds.Claims {
		r, _ := rs.Get(cl.Comparison)
		rs.verdicts[i] = Check(cl, r)
	}
	return rs
}

func evalOne(c data.Comparison, resolve func(string) operand) Result {
	r := Result{Comparison: c}
	var ops []operand
	var labels [2][]string
	sum := func(side int, ids []string) (operand, error) {
		var out operand
		for i, id := range ids {
			o := resolve(id)
			if o.err != nil {
				return o, o.err
			}
			ops = append(ops, o)
			labels[side] = append(labels[side], o.label)
			if i == 0 {
				out = o
				continue
			}
			if o.unit != out.unit {
				return out, fmt.Errorf("%s and %s: %w", out.unit, o.unit, ErrUnitMismatch)
			}
			out.val = out.val.Add(o.val)
		}
		return out, nil
	}
	a, err := sum(0, c.A)
	if err != nil {
		r.Err = err
		return r
	}
	var b operand
	if len(c.B) > 0 {
		nA := len(ops)
		if b, err = sum(1, c.B); err != nil {
			r.Err = err
			return r
		}
		if c.BFactor != "" {
			// B scaled (a quarter annualised) covers BSpan.
			f, _ := data.ParseDecimal(c.BFactor) // validated
			b.val = b.val.Scale(Dec(f))
			for i := nA; i < len(ops); i++ {
				ops[i].span, ops[i].period = c.BSpan, ops[i].period+" × "+c.BFactor
			}
		}
	}
	// Flows of different spans cannot be set against each other.
	var span data.Span = data.Point
	var spanFrom operand
	for _, o := range ops {
		if o.span == data.Point {
			continue
		}
		if span == data.Point {
			span, spanFrom = o.span, o
			continue
		}
		if o.span != span {
			r.Err = fmt.Errorf("%s (a %s) against %s (a %s): %w",
				spanFrom.period, spanFrom.span, o.period, o.span, ErrPeriodMismatch)
			return r
		}
	}
	r.Span = span
	if c.ResultSpan != "" {
		r.Span = c.ResultSpan
	}
	hundred := Point(Int(100))
	switch c.Kind {
	case data.Sum:
		r.Unit, r.Value = a.unit, a.val
	case data.Scale:
		f, _ := data.ParseDecimal(c.Factor) // validated
		r.Unit, r.Value = a.unit, a.val.Scale(Dec(f))
	case data.Difference, data.Spread:
		if a.unit != b.unit {
			r.Err = fmt.Errorf("%s and %s: %w", a.unit, b.unit, ErrUnitMismatch)
			return r
		}
		r.Unit, r.Value = a.unit, a.val.Sub(b.val)
		if a.unit == data.Percent || a.unit == data.PP {
			r.Unit = data.PP
		}
	case data.Share, data.Ratio, data.PercentChange:
		if a.unit != b.unit {
			r.Err = fmt.Errorf("%s and %s: %w", a.unit, b.unit, ErrUnitMismatch)
			return r
		}
		num := a.val
		if c.Kind == data.PercentChange {
			num = a.val.Sub(b.val)
		}
		q, err := num.Quo(b.val)
		if err != nil {
			r.Err = fmt.Errorf("%s is zero (%w)", joinLabels(labels[1]), err)
			return r
		}
		r.Unit, r.Value = data.Times, q
		if c.Kind != data.Ratio {
			r.Unit, r.Value = data.Percent, q.Mul(hundred)
		}
	case data.ImpliedPrevious:
		// A ÷ (1 + B/100), exactly: 35.6 after 24% growth was
		// 35.6 ÷ 1.24 = 890/31 before.
		if b.unit != data.Percent {
			r.Err = fmt.Errorf("%s is in %s, not a growth in percent: %w", joinLabels(labels[1]), b.unit, ErrUnitMismatch)
			return r
		}
		g, _ := b.val.Quo(hundred) // hundred is not zero
		q, err := a.val.Quo(Point(Int(1)).Add(g))
		if err != nil {
			r.Err = fmt.Errorf("%s of −100%% leaves no earlier value (%w)", joinLabels(labels[1]), err)
			return r
		}
		r.Unit, r.Value = a.unit, q
	}
	return r
}

// joinLabels names a divisor for a message: one figure's label, or the
// sum of several.
func joinLabels(labels []string) string {
	if len(labels) == 1 {
		return labels[0]
	}
	return "the sum of " + strings.Join(labels, ", ")
}
