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
	// Billion is the word for a USD billion; with DollarAfter it holds
	// the currency sign too and follows the number ("51,14 Mrd. $").
	Billion     string
	DollarAfter bool
}

// English is the default locale.
var English = Locale{Tag: "en", Group: ",", Decimal: ".", Billion: "billion"}

// German groups with a dot, writes a decimal comma, a no-break space
// before "%", and billions of dollars as "51,14 Mrd. $" (Duden, CLDR).
var German = Locale{Tag: "de", Group: ".", Decimal: ",", PercentSep: "\u00a0", Billion: "Mrd.\u00a0$", DollarAfter: true}

// French groups with a narrow no-break space (U+202F), writes a decimal
// comma, a narrow no-break space before "%", and billions of dollars as
// "51,14 Md $" (CLDR fr: "Md" for milliard, currency sign after).
var French = Locale{Tag: "fr", Group: "\u202f", Decimal: ",", PercentSep: "\u202f", Billion: "Md\u00a0$", DollarAfter: true}

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

// DefaultDigits returns the decimal places a unit is shown with by default:
// 0 for head-counts and counts, 2 for everything else (percentages,
// percentage points, USD billions, ratios).
func DefaultDigits(u data.Unit) int32 {
	switch u {
	case data.People, data.Count:
		return 0
	}
	return 2
}

const approx = "≈ "

// Format writes v in unit u. The rounding rule, the only one in the widget:
// a value whose exact decimal expansion fits in the places allowed is shown
// exactly with no trailing zeros ("10%", "51.14"); any other value is
// rounded once, half away from zero, to that many places and marked "≈"
// ("≈ 8.57%"). With Style.Exact a repeating value is shown with its period
// ("8.(571428)%") instead.
func Format(v Value, u data.Unit, st Style) string {
	num, rounded := number(v, u, st)
	s := withUnit(num, v.Sign() < 0 && !isZeroText(num), u, st.Locale)
	if rounded {
		return approx + s
	}
	return s
}

// FormatInterval writes a range as "lo–hi" with the unit once
// ("$640–670 billion"), or a point like Format.
func FormatInterval(x Interval, u data.Unit, st Style) string {
	if x.IsPoint() {
		return Format(x.Lo, u, st)
	}
	lo, r1 := number(x.Lo, u, st)
	hi, r2 := number(x.Hi, u, st)
	if x.Lo.Sign() < 0 {
		lo = "−" + lo
	}
	if x.Hi.Sign() < 0 {
		hi = "−" + hi
	}
	s := withUnit(lo+"–"+hi, false, u, st.Locale)
	if r1 || r2 {
		return approx + s
	}
	return s
}

// FormatSigned is Format with an explicit "+" on positive values, for
// gaps and changes.
func FormatSigned(v Value, u data.Unit, st Style) string {
	s := Format(v, u, st)
	if v.Sign() > 0 {
		if strings.HasPrefix(s, approx) {
			return approx + "+" + strings.TrimPrefix(s, approx)
		}
		return "+" + s
	}
	return s
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

// number returns |v| as text without unit, and whether it was rounded.
func number(v Value, u data.Unit, st Style) (string, bool) {
	l := st.Locale
	if l.Tag == "" {
		l = English
	}
	places := DefaultDigits(u)
	if st.Digits >= 0 {
		places = int32(min(st.Digits, 12))
	}
	abs := v.Abs()
	if st.Exact {
		if p := abs.Places(); p < 0 || p > places {
			return group(abs.Repeating(60), l), false
		}
	}
	if p := abs.Places(); p >= 0 && p <= places {
		d, _ := abs.Terminating()
		return group(d.String(), l), false
	}
	return group(abs.Round(places).StringFixed(places), l), true
}

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

func withUnit(num string, neg bool, u data.Unit, l Locale) string {
	if l.Tag == "" {
		l = English
	}
	sign := ""
	if neg {
		sign = "−"
	}
	switch u {
	case data.USDBillion:
		if l.DollarAfter {
			return sign + num + "\u00a0" + l.Billion
		}
		return sign + "$" + num + " " + l.Billion
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
		return sign + num + " million"
	}
	return sign + num
}

// UnitName returns a unit as a reader reads it next to an input field.
func UnitName(u data.Unit) string {
	switch u {
	case data.USDBillion:
		return "$ billion"
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
