package calc

import (
	"strings"

	"amzwidget/data"

	"github.com/shopspring/decimal"
)

// Style says how Format writes a number.
type Style struct {
	// Digits is the number of decimal places shown; -1 (or any negative
	// value) means the unit's default (see DefaultDigits).
	Digits int
	// Exact shows a repeating expansion with its period in parentheses
	// ("8.(571428)") instead of rounding.
	Exact bool
	// Locale gives the separators; the zero Locale is English.
	Locale Locale
}

// Locale holds the separators and unit placement of one language.
type Locale struct {
	Tag     string // BCP 47 tag: "en", "de", "fr"
	Group   string // thousands separator
	Decimal string // decimal separator
	// PercentSep goes between a number and "%" (none in English, a
	// no-break space in German and French).
	PercentSep string
	// Billion and MillionUSD are the words for a USD billion and a USD
	// million; with DollarAfter they hold the currency sign too and
	// follow the number ("51,14 Mrd. $", "6,2 Mio. $").
	Billion, MillionUSD string
	DollarAfter         bool
	// Million follows a number of millions of things, with its space
	// (" million"; "12 Mio." in German).
	Million string
}

// English is the default locale.
var English = Locale{Tag: "en", Group: ",", Decimal: ".", Billion: "billion", MillionUSD: "million", Million: " million"}

// German groups with a dot, writes a decimal comma, a no-break space
// before "%", billions of dollars as "51,14 Mrd. $", millions as
// "6,2 Mio. $" and "12 Mio." (Duden, CLDR).
var German = Locale{Tag: "de", Group: ".", Decimal: ",", PercentSep: "\u00a0", Billion: "Mrd.\u00a0$", MillionUSD: "Mio.\u00a0$", DollarAfter: true, Million: "\u00a0Mio."}

// French groups with a narrow no-break space (U+202F), writes a decimal
// comma, a narrow no-break space before "%", and billions of dollars as
// "51,14 Md $" (CLDR fr: "Md" for milliard, currency sign after),
// millions as "6,2 M $" and "12 M" (CLDR's short forms).
var French = Locale{Tag: "fr", Group: "\u202f", Decimal: ",", PercentSep: "\u202f", Billion: "Md\u00a0$", MillionUSD: "M\u00a0$", DollarAfter: true, Million: "\u00a0M"}

// LocaleFor returns the locale of a language tag ("en", "de", "fr"), and
// English for any other.
func LocaleFor(tag string) Locale {
	switch tag {
	case "de":
		return German
	case "fr":
		return French
	}
	return English
}

// DefaultStyle is the widget's default: each unit's default places, rounded.
var DefaultStyle = Style{Digits: -1, Locale: English}

// LocaleOnly is the default style in s's locale: each unit's default
// precision, whatever digits the reader chose, as the article's figures
// and the rules' numbers are written.
func (s Style) LocaleOnly() Style {
	d := DefaultStyle
	d.Locale = s.Locale
	return d
}

// DefaultDigits returns the decimal places a unit is shown with by default:
// 0 for head-counts and counts, 2 for everything else (percentages,
// percentage points, USD billions, ratios).
func DefaultDigits(u data.Unit) int32 { return u.Places() }

const approx = "≈ "

// maxTinyPlaces is how many decimal places Format may use to show a
// non-zero value that would round to zero at the style's places; a value
// smaller still is written as a bound ("< 0.00000000000000000001").
const maxTinyPlaces = 20

// Format writes v in unit u. The sign and approximation convention, the
// only one in the widget:
//
//   - A value whose exact decimal expansion fits in the places allowed is
//     shown exactly with no trailing zeros ("10%", "$51.14 billion"); any
//     other is rounded once, half away from zero, to that many places and
//     marked "≈" ("≈ 8.57%"). With Style.Exact a repeating value is shown
//     with its period ("8.(571428)%") instead.
//   - A non-zero value is never shown as zero: when it would round to
//     zero, it gets as many more places as its first significant digit
//     needs ("≈ 0.004 pp"), and beyond 20 places it is written as a bound
//     ("< 0.00000000000000000001 pp", "> −0.00000000000000000001 pp").
//     Zero itself is "0", never "−0" or "+0".
//   - The sign comes first, before the currency: "−$5 billion",
//     "−5 Mrd. $"; FormatSigned writes "+" the same way ("+$5 billion").
//   - A range is written with one unit and one mark ("$640–670 billion",
//     "≈ 8.57–9.14%") only when one sign and one mark hold for both ends:
//     both ends at or above zero, and both exact or both rounded.
//     Otherwise each end is written in full as Format writes it, joined
//     by a spaced dash, so that each sign and each "≈" sits on its own end
//     ("≈ 29.85% – 31.25%", "−$5 billion – $10 billion").
func Format(v Value, u data.Unit, st Style) string {
	return format(v, u, st, false)
}

// format writes v as Format does; plus asks for "+" on a positive value.
func format(v Value, u data.Unit, st Style, plus bool) string {
	n := number(v, u, st)
	sign := ""
	switch {
	case n.zero:
	case v.Sign() < 0:
		sign = "−"
	case plus:
		sign = "+"
	}
	s := withUnit(n.text, sign, u, st.Locale)
	switch {
	case n.bound && v.Sign() < 0:
		return "> " + s
	case n.bound:
		return "< " + s
	case n.rounded:
		return approx + s
	}
	return s
}

// FormatInterval writes a range as "lo–hi" with the unit once
// ("$640–670 billion"), or a point like Format. When the ends differ in
// exactness, or an end is below zero, each end is written as Format writes
// it, joined by " – " (see Format).
func FormatInterval(x Interval, u data.Unit, st Style) string {
	if x.IsPoint() {
		return Format(x.Lo, u, st)
	}
	lo, hi := number(x.Lo, u, st), number(x.Hi, u, st)
	if x.Lo.Sign() < 0 || x.Hi.Sign() < 0 || lo.rounded != hi.rounded || lo.bound || hi.bound {
		return Format(x.Lo, u, st) + " – " + Format(x.Hi, u, st)
	}
	s := withUnit(lo.text+"–"+hi.text, "", u, st.Locale)
	if lo.rounded {
		return approx + s
	}
	return s
}

// FormatSigned is Format with an explicit "+" on positive values, for
// gaps and changes: "+$5 billion", "≈ +1.43 pp"; zero stays "0".
func FormatSigned(v Value, u data.Unit, st Style) string {
	return format(v, u, st, true)
}

// FormatNumber writes a plain decimal as it is typed back into an input:
// no grouping, no unit, the locale's decimal separator.
func FormatNumber(d decimal.Decimal, l Locale) string {
	s := d.String()
	if l.Decimal != "" && l.Decimal != "." {
		s = strings.Replace(s, ".", l.Decimal, 1)
	}
	return s
}

// shown is |v| as number() writes it: the digits without sign or unit,
// whether they were rounded, whether they are a bound (a value too small
// for maxTinyPlaces), and whether v is zero.
type shown struct {
	text                 string
	rounded, bound, zero bool
}

// number returns |v| as text without sign or unit (see shown).
func number(v Value, u data.Unit, st Style) shown {
	l := st.Locale
	if l.Tag == "" {
		l = English
	}
	places := DefaultDigits(u)
	if st.Digits >= 0 {
		places = int32(min(st.Digits, 12))
	}
	if v.Sign() == 0 {
		return shown{text: "0", zero: true}
	}
	abs := v.Abs()
	exact, p := abs.expansion()
	if st.Exact && (p < 0 || p > places) {
		if s := abs.Repeating(60); !isZeroText(strings.TrimSuffix(s, "…")) {
			return shown{text: group(s, l)}
		}
		// The expansion's first 60 places are all zeros: fall through.
	}
	if p >= 0 && p <= places {
		return shown{text: group(exact.String(), l)}
	}
	// Round; a non-zero value that rounds to zero takes more places.
	for ; places <= maxTinyPlaces; places++ {
		if d := abs.Round(places); !d.IsZero() {
			if p >= 0 && p <= places {
				return shown{text: group(exact.String(), l)}
			}
			return shown{text: group(d.StringFixed(places), l), rounded: true}
		}
	}
	return shown{text: group(decimal.New(1, -maxTinyPlaces).StringFixed(maxTinyPlaces), l), bound: true}
}

// isZeroText reports whether a written number has no digit but zeros.
func isZeroText(s string) bool { return strings.Trim(s, "0.,\u00a0\u202f ") == "" }

// group inserts the locale's separators into a plain "1234.5" string.
func group(s string, l Locale) string {
	intPart, frac := s, ""
	if i := strings.IndexByte(s, '.'); i >= 0 {
		intPart, frac = s[:i], s[i+1:]
	}
	var b strings.Builder
	for i, r := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b.WriteString(l.Group)
		}
		b.WriteRune(r)
	}
	if frac != "" {
		b.WriteString(l.Decimal)
		b.WriteString(frac)
	}
	return b.String()
}

// withUnit writes a number with its sign ("", "−" or "+") and unit; the
// sign always comes first, before a leading currency sign.
func withUnit(num, sign string, u data.Unit, l Locale) string {
	if l.Tag == "" {
		l = English
	}
	switch u {
	case data.USDBillion:
		if l.DollarAfter {
			return sign + num + "\u00a0" + l.Billion
		}
		return sign + "$" + num + " " + l.Billion
	case data.USDMillion:
		if l.DollarAfter {
			return sign + num + "\u00a0" + l.MillionUSD
		}
		return sign + "$" + num + " " + l.MillionUSD
	case data.Percent:
		return sign + num + l.PercentSep + "%"
	case data.PP:
		return sign + num + " pp"
	case data.Times:
		return sign + num + "×"
	case data.GW:
		return sign + num + " GW"
	case data.TB:
		return sign + num + " TB"
	case data.Petabytes:
		return sign + num + " PB"
	case data.Million:
		return sign + num + l.Million
	}
	return sign + num
}

// UnitName returns a unit as a reader reads it next to an input field.
func UnitName(u data.Unit) string {
	switch u {
	case data.USDBillion:
		return "$ billion"
	case data.USDMillion:
		return "$ million"
	case data.People:
		return "people"
	case data.Percent:
		return "%"
	case data.PP:
		return "percentage points"
	case data.Times:
		return "×"
	case data.GW:
		return "GW"
	case data.TB:
		return "TB"
	case data.Petabytes:
		return "PB"
	case data.Million:
		return "million"
	}
	return ""
}
