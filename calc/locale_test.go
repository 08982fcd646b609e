package calc

import (
	"regexp"
	"strings"
	"testing"

	"amzwidget/data"
)

// Expected strings written by hand from the Duden/CLDR conventions:
// de groups with ".", decimal ",", "8,57 %" with a no-break space;
// fr groups with U+202F, decimal ",", "8,57 %" with U+202F.
func TestFormatLocales(t *testing.T) {
	eightFiveSeven, _ := Int(12).Quo(Int(140)) // 0.0857142… ×100 below
	pct := eightFiveSeven.Mul(Int(100))        // 8.(571428)
	one := Style{Digits: 1}
	cases := []struct {
		name string
		v    Value
		u    data.Unit
		st   Style
		want string
	}{
		{"de group+decimal", MustParse("1234.5"), data.People, Style{Digits: 1, Locale: German}, "1.234,5"},
		{"fr group+decimal", MustParse("1234.5"), data.People, Style{Digits: 1, Locale: French}, "1\u202f234,5"},
		{"en group+decimal", MustParse("1234.5"), data.People, Style{Digits: 1, Locale: English}, "1,234.5"},
		{"de percent", pct, data.Percent, Style{Digits: -1, Locale: German}, "≈ 8,57\u00a0%"},
		{"fr percent", pct, data.Percent, Style{Digits: -1, Locale: French}, "≈ 8,57\u202f%"},
		{"en percent", pct, data.Percent, Style{Digits: -1, Locale: English}, "≈ 8.57%"},
		{"de billions", MustParse("200").Sub(MustParse("148.86")), data.USDBillion, Style{Digits: -1, Locale: German}, "51,14\u00a0Mrd.\u00a0$"},
		{"fr billions", MustParse("51.14"), data.USDBillion, Style{Digits: -1, Locale: French}, "51,14\u00a0Md\u00a0$"},
		{"en billions", MustParse("51.14"), data.USDBillion, Style{Digits: -1}, "$51.14 billion"},
		{"de millions grouping", MustParse("350000"), data.People, Style{Digits: -1, Locale: German}, "350.000"},
		{"de negative", MustParse("-15"), data.PP, Style{Digits: -1, Locale: German}, "−15 pp"},
		{"zero locale is English", MustParse("1234.5"), data.People, one, "1,234.5"},
	}
	for _, c := range cases {
		if got := Format(c.v, c.u, c.st); got != c.want {
			t.Errorf("%s: Format = %q, want %q", c.name, got, c.want)
		}
	}
	r := Interval{MustParse("640"), MustParse("670")}
	if got, want := FormatInterval(r, data.USDBillion, Style{Digits: -1, Locale: German}), "640–670\u00a0Mrd.\u00a0$"; got != want {
		t.Errorf("de interval = %q, want %q", got, want)
	}
	if got := FormatNumber(MustParse("34.6").Round(1), French); got != "34,6" {
		t.Errorf("FormatNumber fr = %q", got)
	}
}

func TestLocaleFor(t *testing.T) {
	for tag, want := range map[string]string{"de": "de", "fr": "fr", "en": "en", "": "en", "xx": "en"} {
		if got := LocaleFor(tag).Tag; got != want {
			t.Errorf("LocaleFor(%q) = %q", tag, got)
		}
	}
}

// FuzzFormatLocale checks that the German and French forms are the
// English form with the separators exchanged, for any decimal, and that
// in every locale no value, its seventh (a repeating expansion) or a range
// from its negative to it is written as a signed zero ("−0.00", "+0.00")
// or, when not zero, as zero.
func FuzzFormatLocale(f *testing.F) {
	for _, s := range []string{"0", "1234.5", "-1234567.891", "0.001", "350000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := data.ParseDecimal(s)
		if err != nil || len(s) > 40 {
			return
		}
		v := Dec(d)
		en := Format(v, data.Count, Style{Digits: 3})
		de := Format(v, data.Count, Style{Digits: 3, Locale: German})
		fr := Format(v, data.Count, Style{Digits: 3, Locale: French})
		swap := strings.NewReplacer(",", ".", ".", ",")
		if want := swap.Replace(en); de != want {
			t.Errorf("de %q, want %q (from en %q)", de, want, en)
		}
		if want := strings.NewReplacer(",", "\u202f", ".", ",").Replace(en); fr != want {
			t.Errorf("fr %q, want %q (from en %q)", fr, want, en)
		}
		seventh, _ := v.Quo(Int(7))
		for _, l := range []Locale{English, German, French} {
			for _, st := range []Style{{Digits: -1, Locale: l}, {Digits: 0, Locale: l}, {Digits: 3, Exact: true, Locale: l}} {
				for _, w := range []Value{v, v.Neg(), seventh, seventh.Neg()} {
					for _, u := range []data.Unit{data.PP, data.USDBillion, data.Percent} {
						checkZero(t, w, Format(w, u, st))
						checkZero(t, w, FormatSigned(w, u, st))
						checkZero(t, w.Neg(), FormatInterval(Interval{w.Abs().Neg(), w.Abs()}, u, st))
					}
				}
			}
		}
	})
}

// signedZeroText matches a zero written with a sign ("−0", "+0,00",
// "−$0.00"), not "−0.004".
var signedZeroText = regexp.MustCompile(`[−+-]\$?0(?:[.,]0*)?(?:[^0-9.,(]|$)`)

// checkZero fails when s, the text of v (or of a range from −|v| to |v|),
// shows a signed zero, or shows a non-zero v as zero.
func checkZero(t *testing.T, v Value, s string) {
	t.Helper()
	if signedZeroText.MatchString(s) {
		t.Fatalf("%s written with a signed zero: %q", v, s)
	}
	digits := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
	if v.Sign() != 0 && strings.Trim(digits, "0") == "" {
		t.Fatalf("%s written as zero: %q", v, s)
	}
}
