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
)

var outcomeNames = [...]string{"consistent", "overstated", "understated", "contradicted", "undetermined", "cannot be checked"}

// String returns the outcome in words, as the widget shows it.
func (o Outcome) String() string { return outcomeNames[o] }

// Hedges lists the words that make a claim approximate. A hedged claim is
// consistent within ±5 % of the computed value.
var Hedges = []string{"about", "roughly", "approximately", "around", "nearly", "almost", "~", "could approach", "some", "close to"}

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
	// Gap is Stated − Computed: for a point claim the distance to the
	// nearest end of Computed (zero when inside it), for a range claim
	// [Stated.Lo − Computed.Lo, Stated.Hi − Computed.Hi].
	Gap Interval
	// GapPercent is the gap relative to the computed value, in percent,
	// when that is defined (HasGapPercent).
	GapPercent    Value
	HasGapPercent bool
	// Rule says, in words, which rule decided the verdict.
	Rule string
	// Reason says why the claim cannot be checked (Unverifiable only).
	Reason string
}

// Check judges a claim against the evaluated comparison it is about.
//
// The rules: a claim with a hedge word ("about", "roughly", "could
// approach", ...) is consistent when it lies within ±5 % of the computed
// value; an unhedged claim when it lies within half a unit of its last
// stated digit (so "35 %" covers 34.5–35.5); a range claim is compared
// range to range: consistent when either range contains the other,
// otherwise over- or understated by how far its ends lie from the
// figures'. A relation claim ("surpassing", "outpacing") holds when the
// computed value is strictly above (below) the stated threshold.
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
		v.Rule = "the comparison cannot be computed"
		return v
	}
	c := r.Value
	v.Computed = c
	switch {
	case cl.Relation != "":
		checkRelation(&v, cl.Relation, c)
	case cl.IsRange():
		checkRange(&v, c)
	default:
		checkPoint(&v, cl, c)
	}
	return v
}

func checkRelation(v *Verdict, rel string, c Interval) {
	t := v.Stated.Lo
	above := rel == "above"
	if above {
		v.Rule = "a claim that one figure exceeds another holds when the computed value is above " + t.String()
	} else {
		v.Rule = "a claim that one figure falls short of another holds when the computed value is below " + t.String()
	}
	holds, fails := c.Lo.Cmp(t) > 0, c.Hi.Cmp(t) <= 0
	if !above {
		holds, fails = c.Hi.Cmp(t) < 0, c.Lo.Cmp(t) >= 0
	}
	switch {
	case holds:
		v.Outcome = Consistent
	case fails:
		v.Outcome = Contradicted
	default:
		v.Outcome = Undetermined
	}
}

func checkRange(v *Verdict, c Interval) {
	s := v.Stated
	v.Rule = "a range claim is compared range to range: consistent when one range contains the other"
	v.Allowed = c
	v.Gap = Interval{s.Lo.Sub(c.Lo), s.Hi.Sub(c.Hi)}
	switch {
	case s.Contains(c) || c.Contains(s):
		v.Outcome = Consistent
	case s.Lo.Cmp(c.Lo) > 0:
		v.Outcome = Overstated
	default:
		v.Outcome = Understated
	}
	if v.Outcome != Consistent {
		setGapPercent(v, v.Gap.Lo, c.Lo)
	}
}

func checkPoint(v *Verdict, cl data.Claim, c Interval) {
	s := v.Stated.Lo
	if IsHedge(cl.Hedge) {
		v.Rule = "“" + cl.Hedge + "” is a hedge: consistent within ±5 % of the computed value"
		v.Allowed = Interval{
			c.Lo.Sub(c.Lo.Abs().Mul(HedgeTolerance)),
			c.Hi.Add(c.Hi.Abs().Mul(HedgeTolerance)),
		}
	} else {
		half := halfUnit(cl.Stated)
		v.Rule = "unhedged: consistent within the precision it is stated at (±" + half.String() + ")"
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
