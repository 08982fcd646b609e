// Package calc is the widget's exact engine: it evaluates the comparisons
// a dataset declares, under a reader's assumptions, and checks the
// articles' claims against the results.
//
// Every number is exact. Inputs are decimals; a quotient is kept as a
// fraction of two decimals (a Value) until it is displayed, and display
// rounds once, half away from zero, to a stated number of places (see
// Format). Nothing here uses float64, and nothing changes shopspring/
// decimal's package-wide settings.
//
// The package imports neither go-app nor syscall/js; a test proves it.
package calc

import (
	"errors"
	"math/big"
	"strings"

	"github.com/shopspring/decimal"
)

// ErrZeroDivisor is returned when a comparison would divide by zero.
var ErrZeroDivisor = errors.New("division by zero")

// Value is an exact rational number: a fraction of two decimals whose
// denominator is positive. The zero Value is 0.
type Value struct {
	num decimal.Decimal
	den decimal.Decimal // the zero Decimal means 1: a plain decimal, the fast path
}

var one = decimal.NewFromInt(1)

// Dec returns the Value of a decimal.
func Dec(d decimal.Decimal) Value { return Value{num: d} }

// plain reports whether v is a plain decimal (denominator 1).
func (v Value) plain() bool { return v.den.IsZero() }

// Int returns the Value of an integer.
func Int(i int64) Value { return Dec(decimal.NewFromInt(i)) }

// MustParse returns the Value of a plain decimal string such as "148.86"
// and panics if it is not one. It is meant for constants and tests.
func MustParse(s string) Value { return Dec(decimal.RequireFromString(s)) }

func (v Value) d() decimal.Decimal {
	if v.den.IsZero() {
		return one
	}
	return v.den
}

// Add returns v + w.
func (v Value) Add(w Value) Value {
	if v.plain() && w.plain() {
		return Value{num: v.num.Add(w.num)}
	}
	return Value{v.num.Mul(w.d()).Add(w.num.Mul(v.d())), v.d().Mul(w.d())}
}

// Neg returns −v.
func (v Value) Neg() Value { return Value{v.num.Neg(), v.den} }

// Sub returns v − w.
func (v Value) Sub(w Value) Value { return v.Add(w.Neg()) }

// Mul returns v × w.
func (v Value) Mul(w Value) Value {
	if v.plain() && w.plain() {
		return Value{num: v.num.Mul(w.num)}
	}
	return Value{v.num.Mul(w.num), v.d().Mul(w.d())}
}

// Quo returns v ÷ w, exactly, or ErrZeroDivisor when w is zero.
func (v Value) Quo(w Value) (Value, error) {
	if w.num.IsZero() {
		return Value{}, ErrZeroDivisor
	}
	num, den := v.num.Mul(w.d()), v.d().Mul(w.num)
	if den.Sign() < 0 {
		num, den = num.Neg(), den.Neg()
	}
	return Value{num, den}, nil
}

// Cmp compares v and w: -1 if v < w, 0 if equal, +1 if v > w.
func (v Value) Cmp(w Value) int {
	if v.plain() && w.plain() {
		return v.num.Cmp(w.num)
	}
	return v.num.Mul(w.d()).Cmp(w.num.Mul(v.d()))
}

// Equal reports whether v and w are the same number.
func (v Value) Equal(w Value) bool { return v.Cmp(w) == 0 }

// Sign returns -1, 0 or +1.
func (v Value) Sign() int { return v.num.Sign() }

// Abs returns |v|.
func (v Value) Abs() Value { return Value{v.num.Abs(), v.den} }

// Round returns v rounded to places decimal places, half away from zero:
// the one rounding rule of the widget. It never returns a negative zero.
func (v Value) Round(places int32) decimal.Decimal {
	if v.plain() {
		return v.num.Round(places) // decimal's Round is half away from zero too
	}
	return v.num.DivRound(v.d(), places)
}

// Rat returns v as a reduced big.Rat.
func (v Value) Rat() *big.Rat {
	return new(big.Rat).Quo(v.num.Rat(), v.d().Rat())
}

// Terminating reports whether v has a finite decimal expansion, and if so
// returns it exactly.
func (v Value) Terminating() (decimal.Decimal, bool) {
	if v.plain() {
		// A decimal terminates: its expansion is its digits without
		// trailing zeros after the point. No fraction to reduce.
		return trimZeros(v.num), true
	}
	r := v.Rat()
	den := new(big.Int).Set(r.Denom())
	var twos, fives int32
	two, five := big.NewInt(2), big.NewInt(5)
	m := new(big.Int)
	for {
		if q, rem := new(big.Int).QuoRem(den, two, m); rem.Sign() == 0 {
			den, twos = q, twos+1
			continue
		}
		break
	}
	for {
		if q, rem := new(big.Int).QuoRem(den, five, m); rem.Sign() == 0 {
			den, fives = q, fives+1
			continue
		}
		break
	}
	if den.Cmp(big.NewInt(1)) != 0 {
		return decimal.Decimal{}, false
	}
	return v.Round(max(twos, fives)), true
}

// trimZeros returns d without the trailing zeros after its point (1.50
// is 1.5, 2.00 is 2), and with no positive exponent (15e2 is 1500).
func trimZeros(d decimal.Decimal) decimal.Decimal {
	e := d.Exponent()
	if e >= 0 {
		return d.Round(0)
	}
	c := d.Coefficient()
	ten, m := big.NewInt(10), new(big.Int)
	for e < 0 {
		q, rem := new(big.Int).QuoRem(c, ten, m)
		if rem.Sign() != 0 {
			break
		}
		c, e = q, e+1
	}
	return decimal.NewFromBigInt(c, e)
}

// Places returns the number of decimal places v's exact expansion needs,
// or -1 when the expansion repeats forever.
func (v Value) Places() int32 {
	_, p := v.expansion()
	return p
}

// expansion returns v's exact decimal expansion and its places (see
// Terminating and Places); places is -1, and the decimal zero, when the
// expansion repeats forever.
func (v Value) expansion() (decimal.Decimal, int32) {
	d, ok := v.Terminating()
	if !ok {
		return decimal.Decimal{}, -1
	}
	return d, max(-d.Exponent(), 0)
}

// Repeating writes v's exact decimal expansion, with the repeating block
// of digits in parentheses: 60/7 is "8.(571428)", 1/4 is "0.25", 1/3 is
// "0.(3)". When the block would be longer than maxDigits digits after the
// point, the expansion is cut there and ends in "…".
func (v Value) Repeating(maxDigits int) string {
	if v.plain() {
		// decimal's String writes the digits without trailing zeros.
		s := v.num.String()
		if i := strings.IndexByte(s, '.'); i >= 0 && len(s)-i-1 > maxDigits {
			return s[:i+1+maxDigits] + "…"
		}
		return s
	}
	r := v.Rat()
	num := new(big.Int).Abs(r.Num())
	den := r.Denom()
	var b strings.Builder
	if r.Sign() < 0 {
		b.WriteByte('-')
	}
	q, rem := new(big.Int).QuoRem(num, den, new(big.Int))
	b.WriteString(q.String())
	if rem.Sign() == 0 {
		return b.String()
	}
	b.WriteByte('.')
	// Long division; a remainder seen before starts the repeating block.
	seen := map[string]int{}
	var digits []byte
	ten := big.NewInt(10)
	for rem.Sign() != 0 {
		key := rem.String()
		if at, ok := seen[key]; ok {
			b.Write(digits[:at])
			b.WriteByte('(')
			b.Write(digits[at:])
			b.WriteByte(')')
			return b.String()
		}
		if len(digits) >= maxDigits {
			b.Write(digits)
			b.WriteString("…")
			return b.String()
		}
		seen[key] = len(digits)
		rem.Mul(rem, ten)
		d, m := new(big.Int).QuoRem(rem, den, new(big.Int))
		digits = append(digits, byte('0'+d.Int64()))
		rem = m
	}
	b.Write(digits)
	return b.String()
}

// String returns v's exact expansion (see Repeating) with up to 60 digits
// after the point.
func (v Value) String() string { return v.Repeating(60) }
