package scenario

import (
	"testing"

	"amzwidget/calc"
)

func TestParseNumberIn(t *testing.T) {
	cases := []struct {
		in   string
		l    calc.Locale
		want string // "" means refused
	}{
		{"350.000", calc.German, "350000"},
		{"34,6", calc.German, "34.6"},
		{"1.234,5", calc.German, "1234.5"},
		{"350 000", calc.German, "350000"},
		{"8,57 %", calc.German, "8.57"},
		{"1.23", calc.German, "1.23"}, // a dot not followed by three digits: still decimal
		{"1,2,3", calc.German, ""},
		{"1\u202f234,5", calc.French, "1234.5"},
		{"34,6", calc.French, "34.6"},
		{"350\u00a0000", calc.French, "350000"},
		{"-15,5", calc.French, "-15.5"},
		// English keeps ParseNumber's reading.
		{"350,000", calc.English, "350000"},
		{"34.6", calc.English, "34.6"},
		{"1,234.5", calc.English, "1234.5"},
		{"abc", calc.German, ""},
	}
	for _, c := range cases {
		d, err := ParseNumberIn(c.in, c.l)
		switch {
		case c.want == "" && err == nil:
			t.Errorf("ParseNumberIn(%q, %s) = %s, want refused", c.in, c.l.Tag, d)
		case c.want != "" && err != nil:
			t.Errorf("ParseNumberIn(%q, %s): %v", c.in, c.l.Tag, err)
		case c.want != "" && d.String() != c.want:
			t.Errorf("ParseNumberIn(%q, %s) = %s, want %s", c.in, c.l.Tag, d, c.want)
		}
	}
}

// FuzzParseNumberIn: what a locale writes (FormatNumber) it reads back,
// and English is exactly ParseNumber.
func FuzzParseNumberIn(f *testing.F) {
	for _, s := range []string{"350.000", "34,6", "1.234,5", "1 234,5", "-0,5", "12345678.9"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d1, e1 := ParseNumber(s)
		d2, e2 := ParseNumberIn(s, calc.English)
		if (e1 == nil) != (e2 == nil) || (e1 == nil && !d1.Equal(d2)) {
			t.Fatalf("English differs from ParseNumber on %q", s)
		}
		for _, l := range []calc.Locale{calc.German, calc.French} {
			d, err := ParseNumberIn(s, l)
			if err != nil {
				continue
			}
			text := calc.FormatNumber(d, l)
			back, err := ParseNumberIn(text, l)
			if err != nil || !back.Equal(d) {
				t.Fatalf("%s: %q → %s → %q → %s, %v", l.Tag, s, d, text, back, err)
			}
		}
	})
}
