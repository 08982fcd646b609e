package calc

import (
	"slices"
	"strings"

	"amzwidget/data"

	"github.com/shopspring/decimal"
)

// Outcome is the verdict on a claim.
type Outcome int

// The outcomes of a claim check.
const (
	// Consistent: the claim agrees with the figures, within its rule.
	Consistent Outcome = iota
	// Overstated: the claim is larger than the figures allow.
	Overstated
	// Understated: the claim is smaller than the figures allow.
	Understated
	// Contradicted: a claim that one number exceeds (falls short of)
	// another, when the figures say otherwise.
	Contradicted
	// Undetermined: the figures' range straddles the claim's threshold.
	Undetermined
	// Unverifiable: the comparison cannot be computed (different periods,
	// a zero divisor); Verdict.Reason says why.
	Unverifiable
	// PartlySupported: a range claim that overlaps the figures' range
	// without either containing the other; Verdict.Supported is the part
	// the figures support.
	PartlySupported
)

var outcomeNames = [...]string{"consistent", "overstated", "understated", "contradicted", "undetermined", "cannot be checked", "partly supported"}

// String returns the outcome in words, as the widget shows it.
func (o Outcome) String() string { return outcomeNames[o] }

// Hedges lists the words that make a claim approximate. A hedged claim is
// consistent within ±5 % of the computed value.
// They are the dataset's list: Validate accepts no other hedge on a claim.
var Hedges = data.ClaimHedges

// HedgeTolerance is the relative tolerance of a hedged claim: 5 %.
var HedgeTolerance = MustParse("0.05")

// Verdict is the check of one claim against the comparison it is about.
type Verdict struct {
	Claim   data.Claim
	Outcome Outcome
	Unit    data.Unit
	// Computed is the comparison's value; Stated the claim's value or range.
	Computed, Stated Interval
	// Allowed is the band a point claim had to fall in to be consistent.
	Allowed Interval
	// Supported is the part of a range claim the figures support (their
	// overlap), set for PartlySupported only.
	Supported Interval
	// Gap is Stated − Computed: for a point claim the distance to the
	// nearest end of Computed (zero when inside it), for a range claim
	// [Stated.Lo − Computed.Lo, Stated.Hi − Computed.Hi].
	Gap Interval
	// GapPercent is the gap relative to the computed value, in percent,
	// when that is defined (HasGapPercent).
	GapPercent    Value
	HasGapPercent bool
	// Reason says why the claim cannot be checked (Unverifiable only).
	Reason string
	// Precision is the half unit of the claim's last stated digit, which
	// the rule allows either side: Lo for a point claim or a range's low
	// end, Hi for a range's high end (0.5 for "142", 0.05 for "34.6").
	// Zero for a hedged point claim and a relation.
	Precision Interval
	// even is set when a relation claim fails because the figures at best
	// equal its threshold.
	even bool
}

// Check judges a claim against the evaluated comparison it is about.
//
// The rules: a claim with a hedge word ("about", "roughly", "could
// approach", ...) is consistent when it lies within ±5 % of the computed
// value; an unhedged claim when it lies within half a unit of its last
// stated digit (so "35 %" covers 34.5–35.5). A range claim is compared
// range to range, each end at the precision it is stated at (±0.5 for
// "650"), hedged or not: a range already states the claim's spread, so a
// hedge does not widen it further (±5 % would let "could approach
// $650–700 billion" pass whole when the figures give $640–670 billion).
// It is consistent when either range contains the other; partly
// supported when they overlap otherwise, and Verdict.Supported holds the
// overlap; over- or understated when they do not meet. A relation claim
// ("surpassing", "outpacing") holds when the computed value is strictly
// above (below) the stated threshold; when the figures at best equal the
// threshold, the rule says so.
func Check(cl data.Claim, r Result) Verdict {
	v := Verdict{Claim: cl, Unit: r.Unit}
	if cl.IsRange() {
		lo, _ := data.ParseDecimal(cl.StatedLow)
		hi, _ := data.ParseDecimal(cl.StatedHigh)
		v.Stated = Interval{Dec(lo), Dec(hi)}
	} else {
		s, _ := data.ParseDecimal(cl.Stated)
		v.Stated = Point(Dec(s))
	}
	if !r.OK() {
		v.Outcome, v.Reason = Unverifiable, r.Err.Error()
		return v
	}
	c := r.Value
	v.Computed = c
	switch {
	case cl.Relation != "":
		checkRelation(&v, cl.Relation, c)
	case cl.IsRange():
		checkRange(&v, cl, c)
	default:
		checkPoint(&v, cl, c)
	}
	return v
}

func checkRelation(v *Verdict, rel string, c Interval) {
	t := v.Stated.Lo
	above := rel == "above"
	holds, fails := c.Lo.Cmp(t) > 0, c.Hi.Cmp(t) <= 0
	even := c.Hi.Equal(t)
	if !above {
		holds, fails = c.Hi.Cmp(t) < 0, c.Lo.Cmp(t) >= 0
		even = c.Lo.Equal(t)
	}
	switch {
	case holds:
		v.Outcome = Consistent
	case fails:
		v.Outcome = Contradicted
		v.even = even
	default:
		v.Outcome = Undetermined
	}
}

func checkRange(v *Verdict, cl data.Claim, c Interval) {
	s := v.Stated
	hLo, hHi := halfUnit(cl.StatedLow), halfUnit(cl.StatedHigh)
	v.Precision = Interval{hLo, hHi}
	v.Allowed = c
	v.Gap = Interval{s.Lo.Sub(c.Lo), s.Hi.Sub(c.Hi)}
	// Each end of one range against the same end of the other, within the
	// stated precision: the claim inside the figures, or around them.
	loIn := s.Lo.Cmp(c.Lo.Sub(hLo)) >= 0 // s.Lo ≥ c.Lo, within precision
	hiIn := s.Hi.Cmp(c.Hi.Add(hHi)) <= 0 // s.Hi ≤ c.Hi, within precision
	loOut := c.Lo.Cmp(s.Lo.Sub(hLo)) >= 0
	hiOut := c.Hi.Cmp(s.Hi.Add(hHi)) <= 0
	switch {
	case loIn && hiIn, loOut && hiOut:
		v.Outcome = Consistent
	case s.Overlaps(c):
		v.Outcome = PartlySupported
		v.Supported = Interval{maxValue(s.Lo, c.Lo), minValue(s.Hi, c.Hi)}
	case s.Lo.Cmp(c.Lo) > 0:
		v.Outcome = Overstated
	default:
		v.Outcome = Understated
	}
	if v.Outcome == Overstated || v.Outcome == Understated {
		setGapPercent(v, v.Gap.Lo, c.Lo)
	}
}

// Rule says, in words, which rule decided the verdict, with its numbers
// written in st's locale ("±0.5", "±0,5").
func (v Verdict) Rule(st Style) string {
	num := func(x Value) string { // a stated number or half a unit: a plain decimal
		s := x.String()
		if d := st.Locale.Decimal; d != "" && d != "." {
			s = strings.Replace(s, ".", d, 1)
		}
		return s
	}
	cl := v.Claim
	switch {
	case v.Outcome == Unverifiable:
		return "the comparison cannot be computed"
	case cl.Relation != "":
		r := "a claim that one figure exceeds another holds when the computed value is above "
		if cl.Relation != "above" {
			r = "a claim that one figure falls short of another holds when the computed value is below "
		}
		r += num(v.Stated.Lo)
		if v.even {
			r += "; at best the figures make the two even, so they do not support the claim"
		}
		return r
	case cl.IsRange():
		r := "a range claim is compared range to range, each end at the precision it is stated at (±" + num(v.Precision.Lo)
		if !v.Precision.Hi.Equal(v.Precision.Lo) {
			r += ", ±" + num(v.Precision.Hi)
		}
		r += "): consistent when one range contains the other, partly supported when they only overlap"
		if IsHedge(cl.Hedge) {
			r = "“" + cl.Hedge + "” does not widen a range, which states its own spread: " + r
		}
		if v.Outcome == PartlySupported {
			r += "; " + v.SupportedPart(st)
		}
		return r
	case IsHedge(cl.Hedge):
		return "“" + cl.Hedge + "” is a hedge: consistent within ±" + Format(HedgeTolerance.Mul(Int(100)), data.Percent, st.LocaleOnly()) + " of the computed value"
	}
	return "unhedged: consistent within the precision it is stated at (±" + num(v.Precision.Lo) + ")"
}

// SupportedPart says, for a PartlySupported verdict, which part of the
// claimed range the figures support and which end they do not reach:
// "the figures support $650–670 billion, not up to $700 billion". It is
// empty for any other outcome.
func (v Verdict) SupportedPart(st Style) string {
	if v.Outcome != PartlySupported {
		return ""
	}
	s := "the figures support " + FormatInterval(v.Supported, v.Unit, st)
	if v.Stated.Hi.Cmp(v.Supported.Hi) > 0 {
		s += ", not up to " + Format(v.Stated.Hi, v.Unit, st)
	}
	if v.Stated.Lo.Cmp(v.Supported.Lo) < 0 {
		s += ", not down to " + Format(v.Stated.Lo, v.Unit, st)
	}
	return s
}

func maxValue(a, b Value) Value {
	if a.Cmp(b) >= 0 {
		return a
	}
	return b
}

func minValue(a, b Value) Value {
	if a.Cmp(b) <= 0 {
		return a
	}
	return b
}

func checkPoint(v *Verdict, cl data.Claim, c Interval) {
	s := v.Stated.Lo
	if IsHedge(cl.Hedge) {
		v.Allowed = Interval{
			c.Lo.Sub(c.Lo.Abs().Mul(HedgeTolerance)),
			c.Hi.Add(c.Hi.Abs().Mul(HedgeTolerance)),
		}
	} else {
		half := halfUnit(cl.Stated)
		v.Precision = Point(half)
		v.Allowed = Interval{c.Lo.Sub(half), c.Hi.Add(half)}
	}
	switch {
	case s.Cmp(c.Hi) > 0:
		v.Gap = Point(s.Sub(c.Hi))
		setGapPercent(v, v.Gap.Lo, c.Hi)
	case s.Cmp(c.Lo) < 0:
		v.Gap = Point(s.Sub(c.Lo))
		setGapPercent(v, v.Gap.Lo, c.Lo)
	default:
		v.Gap = Point(Value{})
	}
	switch {
	case s.Cmp(v.Allowed.Hi) > 0:
		v.Outcome = Overstated
	case s.Cmp(v.Allowed.Lo) < 0:
		v.Outcome = Understated
	default:
		v.Outcome = Consistent
	}
}

func setGapPercent(v *Verdict, gap, base Value) {
	if q, err := gap.Quo(base.Abs()); err == nil {
		v.GapPercent, v.HasGapPercent = q.Mul(Int(100)), true
	}
}

// IsHedge reports whether word makes a claim approximate (see Hedges).
func IsHedge(word string) bool {
	return slices.Contains(Hedges, strings.ToLower(strings.TrimSpace(word)))
}

// halfUnit returns half a unit of the last digit of a stated number:
// 0.5 for "142", 0.05 for "34.6".
func halfUnit(stated string) Value {
	places := int32(0)
	if i := strings.IndexByte(stated, '.'); i >= 0 {
		places = int32(len(stated) - i - 1)
	}
	return Dec(decimal.New(5, -places-1))
}
