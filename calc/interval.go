package calc

// Interval is a closed range of exact values, Lo ≤ Hi. A point value is an
// Interval with Lo equal to Hi. Ranges in the articles ("$175–185 billion")
// flow through every comparison as intervals, so a result built from a
// range is itself a range.
type Interval struct {
	Lo, Hi Value
}

// Point returns the interval holding just v.
func Point(v Value) Interval { return Interval{v, v} }

// IsPoint reports whether the interval is a single value.
func (x Interval) IsPoint() bool { return x.Lo.Equal(x.Hi) }

// Add returns x + y.
func (x Interval) Add(y Interval) Interval { return Interval{x.Lo.Add(y.Lo), x.Hi.Add(y.Hi)} }

// Sub returns x − y: the widest difference, [x.Lo − y.Hi, x.Hi − y.Lo].
func (x Interval) Sub(y Interval) Interval { return Interval{x.Lo.Sub(y.Hi), x.Hi.Sub(y.Lo)} }

// Mul returns x × y.
func (x Interval) Mul(y Interval) Interval {
	if y.IsPoint() && y.Lo.Sign() >= 0 {
		return Interval{x.Lo.Mul(y.Lo), x.Hi.Mul(y.Lo)}
	}
	return hull(x.Lo.Mul(y.Lo), x.Lo.Mul(y.Hi), x.Hi.Mul(y.Lo), x.Hi.Mul(y.Hi))
}

// Quo returns x ÷ y, or ErrZeroDivisor when y contains zero.
func (x Interval) Quo(y Interval) (Interval, error) {
	if y.Lo.Sign() <= 0 && y.Hi.Sign() >= 0 {
		return Interval{}, ErrZeroDivisor
	}
	if y.IsPoint() && y.Lo.Sign() > 0 {
		lo, _ := x.Lo.Quo(y.Lo)
		hi, _ := x.Hi.Quo(y.Lo)
		return Interval{lo, hi}, nil
	}
	var vs [4]Value
	for i, p := range [][2]Value{{x.Lo, y.Lo}, {x.Lo, y.Hi}, {x.Hi, y.Lo}, {x.Hi, y.Hi}} {
		vs[i], _ = p[0].Quo(p[1]) // y excludes zero
	}
	return hull(vs[:]...), nil
}

// Scale returns x × v.
func (x Interval) Scale(v Value) Interval { return x.Mul(Point(v)) }

// Contains reports whether y lies wholly inside x.
func (x Interval) Contains(y Interval) bool {
	return x.Lo.Cmp(y.Lo) <= 0 && y.Hi.Cmp(x.Hi) <= 0
}

// Overlaps reports whether x and y share at least one value.
func (x Interval) Overlaps(y Interval) bool {
	return x.Lo.Cmp(y.Hi) <= 0 && y.Lo.Cmp(x.Hi) <= 0
}

func hull(vs ...Value) Interval {
	lo, hi := vs[0], vs[0]
	for _, v := range vs[1:] {
		if v.Cmp(lo) < 0 {
			lo = v
		}
		if v.Cmp(hi) > 0 {
			hi = v
		}
	}
	return Interval{lo, hi}
}
