package calc

import (
	"testing"

	"github.com/shopspring/decimal"
)

// Expected values in this file were worked out by hand (long division) or
// with Python's fractions module, never taken from this package's output.

func TestValueArithmetic(t *testing.T) {
	tests := []struct {
		a, b               string
		sum, diff, product string // exact expansions
		quo                string
	}{
		{"1", "3", "4", "-2", "3", "0.(3)"},
		{"60", "7", "67", "53", "420", "8.(571428)"},
		{"30000", "350000", "380000", "-320000", "10500000000", "0.0(857142)"},
		{"51.14", "148.86", "200", "-97.72", "7612.7004", "0.34(35442...)"},
		{"-2.5", "0.5", "-2", "-3", "-1.25", "-5"},
		{"0.1", "0.2", "0.3", "-0.1", "0.02", "0.5"},
	}
	for _, tt := range tests {
		a, b := MustParse(tt.a), MustParse(tt.b)
		if got := a.Add(b).String(); got != tt.sum {
			t.Errorf("%s + %s = %s, want %s", tt.a, tt.b, got, tt.sum)
		}
		// Both argument orders: addition and multiplication commute,
		// subtraction anti-commutes.
		if got := b.Add(a).String(); got != tt.sum {
			t.Errorf("%s + %s = %s, want %s", tt.b, tt.a, got, tt.sum)
		}
		if got := a.Sub(b).String(); got != tt.diff {
			t.Errorf("%s - %s = %s, want %s", tt.a, tt.b, got, tt.diff)
		}
		if got := b.Sub(a).Neg().String(); got != tt.diff {
			t.Errorf("-(%s - %s) = %s, want %s", tt.b, tt.a, got, tt.diff)
		}
		if got := a.Mul(b).String(); got != tt.product {
			t.Errorf("%s × %s = %s, want %s", tt.a, tt.b, got, tt.product)
		}
		if got := b.Mul(a).String(); got != tt.product {
			t.Errorf("%s × %s = %s, want %s", tt.b, tt.a, got, tt.product)
		}
		q, err := a.Quo(b)
		if err != nil {
			t.Fatal(err)
		}
		if tt.a == "51.14" {
			// 51.14/148.86 = 2557/7443; its period is long: check the first digits.
			if got := q.Round(6).String(); got != "0.343544" {
				t.Errorf("51.14/148.86 rounded = %s, want 0.343544", got)
			}
			continue
		}
		if got := q.String(); got != tt.quo {
			t.Errorf("%s ÷ %s = %s, want %s", tt.a, tt.b, got, tt.quo)
		}
		// (a/b) × b == a, exactly.
		if back := q.Mul(b); !back.Equal(a) {
			t.Errorf("(%s ÷ %s) × %s = %s, want %s", tt.a, tt.b, tt.b, back, tt.a)
		}
	}
}

func TestQuoZero(t *testing.T) {
	if _, err := Int(1).Quo(Int(0)); err != ErrZeroDivisor {
		t.Fatalf("1 ÷ 0: err = %v, want ErrZeroDivisor", err)
	}
	if _, err := (Interval{Int(1), Int(2)}).Quo(Interval{Int(-1), Int(1)}); err != ErrZeroDivisor {
		t.Fatalf("[1,2] ÷ [-1,1]: err = %v, want ErrZeroDivisor", err)
	}
}

func TestCmpBothOrders(t *testing.T) {
	tests := []struct {
		a, b Value
		want int
	}{
		{MustParse("0.1"), MustParse("0.10"), 0},
		{MustParse("8.57"), mustQuo(Int(60), Int(7)), -1},
		{mustQuo(Int(1), Int(3)), MustParse("0.333333333333333333333333"), 1},
		{MustParse("-1"), MustParse("0"), -1},
		{mustQuo(Int(2), Int(-4)), MustParse("-0.5"), 0},
	}
	for _, tt := range tests {
		if got := tt.a.Cmp(tt.b); got != tt.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tt.a, tt.b, got, tt.want)
		}
		if got := tt.b.Cmp(tt.a); got != -tt.want {
			t.Errorf("Cmp(%s, %s) = %d, want %d", tt.b, tt.a, got, -tt.want)
		}
	}
}

func TestRoundHalfAwayFromZero(t *testing.T) {
	tests := []struct {
		v      Value
		places int32
		want   string
	}{
		{MustParse("2.345"), 2, "2.35"},
		{MustParse("-2.345"), 2, "-2.35"},
		{MustParse("2.3449999"), 2, "2.34"},
		{MustParse("0.5"), 0, "1"},
		{MustParse("-0.5"), 0, "-1"},
		{MustParse("-0.001"), 2, "0"}, // never "-0"
		{mustQuo(Int(60), Int(7)), 2, "8.57"},
		{mustQuo(Int(2), Int(3)), 0, "1"},
		{mustQuo(Int(1), Int(8)), 2, "0.13"},
	}
	for _, tt := range tests {
		if got := tt.v.Round(tt.places).String(); got != tt.want {
			t.Errorf("Round(%s, %d) = %s, want %s", tt.v, tt.places, got, tt.want)
		}
	}
}

func TestRepeating(t *testing.T) {
	tests := []struct {
		v    Value
		max  int
		want string
	}{
		{mustQuo(Int(1), Int(6)), 60, "0.1(6)"},
		{mustQuo(Int(22), Int(7)), 60, "3.(142857)"},
		{mustQuo(Int(-1), Int(3)), 60, "-0.(3)"},
		{mustQuo(Int(1), Int(4)), 60, "0.25"},
		{mustQuo(Int(1), Int(97)), 5, "0.01030…"},
		{Int(0), 60, "0"},
	}
	for _, tt := range tests {
		if got := tt.v.Repeating(tt.max); got != tt.want {
			t.Errorf("Repeating(%s) = %q, want %q", tt.v.Rat(), got, tt.want)
		}
	}
}

func TestTerminating(t *testing.T) {
	if d, ok := mustQuo(Int(3), Int(8)).Terminating(); !ok || !d.Equal(decimal.RequireFromString("0.375")) {
		t.Errorf("3/8 = %v %v, want 0.375 true", d, ok)
	}
	if _, ok := mustQuo(Int(1), Int(3)).Terminating(); ok {
		t.Error("1/3 terminates?")
	}
}

func mustQuo(a, b Value) Value {
	q, err := a.Quo(b)
	if err != nil {
		panic(err)
	}
	return q
}

// TestPlainDecimalsWrittenAsTheirDigits checks the plain-decimal fast
// paths of Terminating, Places and Repeating: the digits as written by
// hand, trailing zeros after the point dropped, and the same answer as
// the same number held as a fraction (x/1), which takes the general path.
func TestPlainDecimalsWrittenAsTheirDigits(t *testing.T) {
	tests := []struct {
		in, want string
		places   int32
	}{
		{"0", "0", 0},
		{"1.50", "1.5", 1},
		{"-0.050", "-0.05", 2},
		{"2.000", "2", 0},
		{"34.93", "34.93", 2},
		{"350000", "350000", 0},
		{"-148.86", "-148.86", 2},
		{"0.000000000000000000000001", "0.000000000000000000000001", 24},
	}
	for _, tt := range tests {
		d := decimal.RequireFromString(tt.in)
		for _, v := range []Value{Dec(d), {num: d, den: one}} {
			got, ok := v.Terminating()
			if !ok || got.String() != tt.want || max(-got.Exponent(), 0) != tt.places {
				t.Errorf("Terminating(%s, plain=%v) = %s (exponent %d), %v; want %s with %d places",
					tt.in, v.plain(), got, got.Exponent(), ok, tt.want, tt.places)
			}
			if p := v.Places(); p != tt.places {
				t.Errorf("Places(%s, plain=%v) = %d, want %d", tt.in, v.plain(), p, tt.places)
			}
			if s := v.Repeating(60); s != tt.want {
				t.Errorf("Repeating(%s, plain=%v) = %q, want %q", tt.in, v.plain(), s, tt.want)
			}
		}
	}
	// A decimal with a positive exponent: 15e2 is 1500.
	if got, _ := Dec(decimal.New(15, 2)).Terminating(); got.String() != "1500" || got.Exponent() != 0 {
		t.Errorf("Terminating(15e2) = %s (exponent %d), want 1500 (exponent 0)", got, got.Exponent())
	}
}

// FuzzPlainFastPath checks that a plain decimal and the same number as a
// fraction x/1 expand alike.
func FuzzPlainFastPath(f *testing.F) {
	for _, s := range []string{"0", "1.50", "-0.050", "350000", "8.571428", "1e-30"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := decimal.NewFromString(s)
		if err != nil || d.Exponent() < -200 || d.Exponent() > 200 {
			return
		}
		plain, frac := Dec(d), Value{num: d, den: one}
		a, aok := plain.Terminating()
		b, bok := frac.Terminating()
		if aok != bok || a.String() != b.String() || a.Exponent() != b.Exponent() {
			t.Errorf("Terminating(%s): plain %s (exponent %d), fraction %s (exponent %d)", s, a, a.Exponent(), b, b.Exponent())
		}
		if x, y := plain.Repeating(60), frac.Repeating(60); x != y {
			t.Errorf("Repeating(%s): plain %q, fraction %q", s, x, y)
		}
	})
}
