// Package scenario is a reader's set of assumptions: the values they typed,
// checked by the one parser for reader input, and their encoding in the
// page URL (parameter names are the dataset's ids).
//
// The same code reads a typed field in the browser and a query parameter
// on the server, so a value is accepted or refused, and explained, the same
// way in both places. The package imports neither go-app nor syscall/js.
package scenario

import (
	"errors"
	"fmt"
	"strings"
	"unicode"

	"amzwidget/calc"

	"github.com/shopspring/decimal"
)

// Errors of ParseNumber and of a parameter's constraints. Their text is
// what the widget shows next to the field.
var (
	ErrEmpty         = errors.New("enter a number")
	ErrNotNumber     = errors.New("not a number: use digits with an optional decimal point, like 350000 or 34.6")
	ErrExponent      = errors.New("write the number out in full, like 1000000: exponents such as 1e6 are not accepted")
	ErrGrouping      = errors.New("digit groups must have three digits, like 350,000 or 350 000")
	ErrTooLong       = errors.New("too long: at most 64 characters")
	ErrTooManyDigits = errors.New("too precise: at most 30 significant digits")
	ErrNegative      = errors.New("must be zero or more")
	ErrNotInteger    = errors.New("must be a whole number")
	ErrAboveHigh     = errors.New("must not be above the upper end of the range")
	ErrBelowLow      = errors.New("must not be below the lower end of the range")
)

// MaxLen is the longest text ParseNumber reads, in characters.
const MaxLen = 64

// MaxDigits is the most significant digits a number may have.
const MaxDigits = 30

// ParseNumber reads a number as a reader types it. It accepts:
//   - an optional sign, "+", "-" or "−" (U+2212), a space after it allowed;
//   - one "$" or "%", which is ignored: "$" before the digits ("$200",
//     "$ 200"), or "$" or "%" after them ("200 $", "200$", as de and fr
//     pages write money, and "24 %");
//   - digits from any script (Arabic-Indic "٣٥٠", full-width "３５０");
//   - a decimal point, or a decimal comma when the comma is not followed
//     by exactly three digits ("34,6" is 34.6; "350,000" is 350000);
//   - thousands separators: commas, spaces (also no-break and thin
//     spaces), underscores or apostrophes, between groups of three digits.
//
// It refuses, with an error that says what is accepted: empty text,
// letters, exponents ("1e6"), misplaced separators, more than MaxLen
// characters and more than MaxDigits significant digits. "-0" is 0.
func ParseNumber(s string) (decimal.Decimal, error) {
	if len(s) > 4*MaxLen || len([]rune(s)) > MaxLen {
		return decimal.Decimal{}, ErrTooLong
	}
	s = strings.TrimFunc(s, unicode.IsSpace)
	if s == "" {
		return decimal.Decimal{}, ErrEmpty
	}
	var b strings.Builder
	rs := []rune(s)
	i := 0
	skipSpace := func() {
		for i < len(rs) && unicode.IsSpace(rs[i]) {
			i++
		}
	}
	if rs[0] == '+' || rs[0] == '-' || rs[0] == '−' {
		if rs[0] != '+' {
			b.WriteByte('-')
		}
		i++
		skipSpace() // "- 5"
	}
	// One currency or percent sign: "$200" and "$ 200" before the number,
	// "200 $", "200$" (as de and fr write money) and "24 %" after it.
	unit := false
	if i < len(rs) && rs[i] == '$' {
		i++
		skipSpace()
		unit = true
	}
	end := len(rs)
	if end > i && !unit && (rs[end-1] == '%' || rs[end-1] == '$') {
		end--
		for end > i && unicode.IsSpace(rs[end-1]) {
			end--
		}
	}
	body := rs[i:end]
	if len(body) == 0 {
		return decimal.Decimal{}, ErrNotNumber
	}
	// Normalise digits, and collect the separators seen.
	norm := make([]rune, 0, len(body))
	for _, r := range body {
		switch {
		case r >= '0' && r <= '9':
			norm = append(norm, r)
		case unicode.IsDigit(r):
			norm = append(norm, '0'+digitValue(r))
		case r == '.' || r == ',':
			norm = append(norm, r)
		case isGroupSep(r):
			norm = append(norm, ' ')
		case (r == 'e' || r == 'E') && len(norm) > 0:
			return decimal.Decimal{}, ErrExponent
		default:
			return decimal.Decimal{}, ErrNotNumber
		}
	}
	num, err := structure(norm)
	if err != nil {
		return decimal.Decimal{}, err
	}
	b.WriteString(num)
	if sig := significant(num); sig > MaxDigits {
		return decimal.Decimal{}, ErrTooManyDigits
	}
	d, err := decimal.NewFromString(b.String())
	if err != nil {
		return decimal.Decimal{}, fmt.Errorf("%w", ErrNotNumber)
	}
	return d, nil
}

// structure checks the digits and separators of a normalised body (ASCII
// digits, '.', ',' and ' ' for any other group separator) and returns the
// plain "1234.5" form.
func structure(rs []rune) (string, error) {
	s := string(rs)
	dot := strings.Count(s, ".")
	comma := strings.Count(s, ",")
	dec := byte(0)
	switch {
	case dot > 1:
		return "", ErrNotNumber
	case dot == 1:
		dec = '.'
	case comma == 1 && !strings.Contains(s, " "):
		// One comma and no other separator: a decimal comma unless it is
		// followed by exactly three digits.
		if j := strings.IndexByte(s, ','); len(s)-j-1 != 3 {
			dec = ','
		}
	case comma == 1:
		dec = ',' // "350 000,5"
		if j := strings.IndexByte(s, ','); len(s)-j-1 == 3 {
			dec = 0 // mixed "350 000,000"
		}
	}
	intPart, frac := s, ""
	if dec != 0 {
		j := strings.IndexByte(s, dec)
		intPart, frac = s[:j], s[j+1:]
		if strings.ContainsAny(frac, ".,  ") {
			return "", ErrGrouping
		}
		if frac == "" && intPart == "" {
			return "", ErrNotNumber
		}
	}
	if intPart == "" {
		intPart = "0"
	}
	if frac == "" && dec != 0 && !strings.ContainsAny(intPart[len(intPart)-1:], "0123456789") {
		return "", ErrNotNumber
	}
	// Grouping in the integer part: one kind of separator, groups of 3.
	seps := strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return -1
		}
		return r
	}, intPart)
	if seps != "" {
		if strings.Trim(seps, seps[:1]) != "" {
			return "", ErrGrouping
		}
		groups := strings.Split(intPart, seps[:1])
		for k, g := range groups {
			if (k == 0 && (len(g) < 1 || len(g) > 3)) || (k > 0 && len(g) != 3) {
				return "", ErrGrouping
			}
		}
		intPart = strings.Join(groups, "")
	}
	if frac != "" {
		return intPart + "." + frac, nil
	}
	return intPart, nil
}

func isGroupSep(r rune) bool {
	return r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009' || r == '_' || r == '\''
}

// digitValue returns the value of a Unicode decimal digit (category Nd).
// Nd digits come in runs of consecutive code points starting at zero, so
// the value is the distance from the start of the run, modulo ten.
func digitValue(r rune) rune {
	start := r
	for start > 0 && unicode.IsDigit(start-1) {
		start--
	}
	return (r - start) % 10
}

// significant counts the digits that carry a value in a plain "1234.5"
// string: the integer part without leading zeros and the fraction without
// trailing zeros, so that a number and its canonical text count the same.
func significant(s string) int {
	intPart, frac, _ := strings.Cut(s, ".")
	return len(strings.TrimLeft(intPart, "0")) + len(strings.TrimRight(frac, "0"))
}

// ParseNumberIn reads a number as a reader of locale l types it. In a
// locale with a decimal comma (German, French) the roles of "." and ","
// are swapped before ParseNumber reads the text, so that "34,6" is 34.6
// and "350.000" and "1.234,5" are read with "." as the thousands
// separator; spaces (no-break and narrow no-break too) group digits in
// every locale. In English it is ParseNumber.
func ParseNumberIn(s string, l calc.Locale) (decimal.Decimal, error) {
	if l.Decimal != "," {
		return ParseNumber(s)
	}
	return ParseNumber(strings.Map(func(r rune) rune {
		switch r {
		case '.':
			return ','
		case ',':
			return '.'
		}
		return r
	}, s))
}
