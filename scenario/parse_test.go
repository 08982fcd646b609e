package scenario

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/shopspring/decimal"
)

// parseCases is the table of reader input: every case of issue 3, decided
// and documented here. want is the exact decimal, or err the sentinel.
var parseCases = []struct {
	in   string
	want string
	err  error
}{
	{"350000", "350000", nil},
	{"  350000 ", "350000", nil},
	{"", "", ErrEmpty},
	{"   ", "", ErrEmpty},
	{"abc", "", ErrNotNumber},
	{"12abc", "", ErrNotNumber},
	{"-5", "-5", nil},        // sign is read here; the field's constraint refuses it
	{"−5", "-5", nil},        // U+2212 minus
	{"+42", "42", nil},       // leading plus
	{"-0", "0", nil},         // never a negative zero
	{"1e6", "", ErrExponent}, // exponents are refused, not guessed
	{"1E6", "", ErrExponent},
	{"350,000", "350000", nil}, // comma thousands
	{"350 000", "350000", nil}, // space thousands
	{"350\u00a0000", "350000", nil},
	{"350\u202f000", "350000", nil},
	{"350_000", "350000", nil}, // underscore thousands
	{"1,350,000", "1350000", nil},
	{"1,234.5", "1234.5", nil},
	{"34,6", "34.6", nil},     // decimal comma: not followed by three digits
	{"148,86", "148.86", nil}, // decimal comma
	{"350 000,5", "350000.5", nil},
	{"35,00", "35", nil},
	{"1,23,456", "", ErrGrouping},
	{"3500,00,0", "", ErrGrouping},
	{"1.2.3", "", ErrNotNumber},
	{"1,2,3", "", ErrGrouping},
	{"12 34", "", ErrGrouping},
	{"1,234 567", "", ErrGrouping},
	{".5", "0.5", nil},
	{"5.", "5", nil},
	{".", "", ErrNotNumber},
	{"+", "", ErrNotNumber},
	{"-", "", ErrNotNumber},
	{"$200", "200", nil},
	{"24%", "24", nil},
	{"24 %", "24", nil},
	// Money as de and fr pages write it, and spaced signs (issue 18).
	{"200 $", "200", nil},
	{"200$", "200", nil},
	{"200\u00a0$", "200", nil},
	{"200\u202f$", "200", nil},
	{"$ 200", "200", nil},
	{"- 5", "-5", nil},
	{"-$ 5", "-5", nil},
	{"− 5 %", "-5", nil},
	{"$", "", ErrNotNumber},
	{"$ $", "", ErrNotNumber},
	{"200 $ %", "", ErrNotNumber},
	{"$200$", "", ErrNotNumber},
	{"2 00", "", ErrGrouping},
	{"٣٥٠٠٠٠", "350000", nil}, // Arabic-Indic digits
	{"３５０", "350", nil},       // full-width digits
	{"३५०", "350", nil},       // Devanagari digits
	{"NaN", "", ErrNotNumber},
	{"Infinity", "", ErrNotNumber},
	{"0x10", "", ErrNotNumber},
	{"<script>", "", ErrNotNumber},
	{"\"><svg onload=alert(1)>", "", ErrNotNumber},
	{strings.Repeat("9", 10000), "", ErrTooLong},
	{strings.Repeat("9", 31), "", ErrTooManyDigits},
	{strings.Repeat("9", 30), strings.Repeat("9", 30), nil},
	{"0.000000000000000000000000000001", "0.000000000000000000000000000001", nil},
	{"1234567890.123456789012345678901", "", ErrTooManyDigits},
	{"00012", "12", nil},
	{"12.500", "12.5", nil},
}

func TestParseNumber(t *testing.T) {
	for _, tt := range parseCases {
		got, err := ParseNumber(tt.in)
		name := tt.in
		if len(name) > 40 {
			name = name[:40] + "…"
		}
		if tt.err != nil {
			if !errors.Is(err, tt.err) {
				t.Errorf("ParseNumber(%q) = %v, %v; want error %v", name, got, err, tt.err)
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseNumber(%q): unexpected error %v", name, err)
			continue
		}
		if want := decimal.RequireFromString(tt.want); !got.Equal(want) {
			t.Errorf("ParseNumber(%q) = %s, want %s", name, got, tt.want)
		}
	}
}

// Every accepted number survives a round trip through its canonical text.
func TestParseNumberRoundTrip(t *testing.T) {
	for _, tt := range parseCases {
		d, err := ParseNumber(tt.in)
		if err != nil {
			continue
		}
		again, err := ParseNumber(d.String())
		if err != nil || !again.Equal(d) {
			t.Errorf("ParseNumber(%q) = %s, whose text parses to %v, %v", tt.in, d, again, err)
		}
	}
}

func FuzzParseNumber(f *testing.F) {
	for _, tt := range parseCases {
		f.Add(tt.in)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := ParseNumber(s)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error message")
			}
			return
		}
		// An accepted number has a plain canonical form that parses to
		// itself, within the digit limit, with no exponent.
		txt := d.String()
		if strings.ContainsAny(txt, "eE") {
			t.Fatalf("%q → %s has an exponent", s, txt)
		}
		again, err := ParseNumber(txt)
		if err != nil || !again.Equal(d) {
			t.Fatalf("%q → %s → %v, %v", s, txt, again, err)
		}
		if utf8.RuneCountInString(s) > MaxLen {
			t.Fatalf("%q accepted though longer than %d", s, MaxLen)
		}
	})
}

func BenchmarkParseNumber(b *testing.B) {
	for b.Loop() {
		ParseNumber("1,350,000.25")
	}
}
