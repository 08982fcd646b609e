package calc

import (
	"testing"

	"amzwidget/data"
)

// Expected strings in this file were written by hand from the convention
// in Format's doc comment: 209/7 = 29.857142… rounds to 29.86; 60/7 =
// 8.571428… to 8.57; 64/7 = 9.142857… to 9.14; 1/300 = 0.00333… rounds to
// 0.00 at two places and to 0.003 at three; 225/7 = 32.142857… to 32.14.
func TestFormatConvention(t *testing.T) {
	q := func(a, b int64) Value { v, _ := Int(a).Quo(Int(b)); return v }
	tiny := MustParse("0.0000000000000000000000001") // 1e-25
	bound := "0.00000000000000000001"                // 1e-20
	de := Style{Digits: -1, Locale: German}
	fr := Style{Digits: -1, Locale: French}
	en := DefaultStyle
	// Each point case is checked as given and negated: want is the text
	// of +v, neg the text of −v, signed FormatSigned's text of +v.
	points := []struct {
		name              string
		v                 Value
		u                 data.Unit
		st                Style
		want, neg, signed string
	}{
		{"exact billions", Int(5), data.USDBillion, en, "$5 billion", "−$5 billion", "+$5 billion"},
		{"de billions", Int(5), data.USDBillion, de, "5\u00a0Mrd.\u00a0$", "−5\u00a0Mrd.\u00a0$", "+5\u00a0Mrd.\u00a0$"},
		{"fr billions", Int(5), data.USDBillion, fr, "5\u00a0Md\u00a0$", "−5\u00a0Md\u00a0$", "+5\u00a0Md\u00a0$"},
		{"en millions of dollars", MustParse("6.2"), data.USDMillion, en, "$6.2 million", "−$6.2 million", "+$6.2 million"},
		{"de millions of dollars", MustParse("6.2"), data.USDMillion, de, "6,2\u00a0Mio.\u00a0$", "−6,2\u00a0Mio.\u00a0$", "+6,2\u00a0Mio.\u00a0$"},
		{"fr millions of dollars", MustParse("6.2"), data.USDMillion, fr, "6,2\u00a0M\u00a0$", "−6,2\u00a0M\u00a0$", "+6,2\u00a0M\u00a0$"},
		{"en millions", Int(412), data.Million, en, "412 million", "−412 million", "+412 million"},
		{"de millions", Int(412), data.Million, de, "412\u00a0Mio.", "−412\u00a0Mio.", "+412\u00a0Mio."},
		{"fr millions", Int(412), data.Million, fr, "412\u00a0M", "−412\u00a0M", "+412\u00a0M"},
		{"rounded pp", q(10, 7), data.PP, en, "≈ 1.43 pp", "≈ −1.43 pp", "≈ +1.43 pp"},
		{"tiny pp gets places", q(1, 300), data.PP, en, "≈ 0.003 pp", "≈ −0.003 pp", "≈ +0.003 pp"},
		{"tiny de percent", q(1, 300), data.Percent, de, "≈ 0,003\u00a0%", "≈ −0,003\u00a0%", "≈ +0,003\u00a0%"},
		{"tiny exact stays exact", MustParse("0.004"), data.PP, en, "0.004 pp", "−0.004 pp", "+0.004 pp"},
		{"rounds up, not to zero", MustParse("0.006"), data.PP, en, "≈ 0.01 pp", "≈ −0.01 pp", "≈ +0.01 pp"},
		{"no places, tiny", MustParse("0.4"), data.People, Style{Digits: 0}, "0.4", "−0.4", "+0.4"},
		{"too tiny: a bound", tiny, data.PP, en, "< " + bound + " pp", "> −" + bound + " pp", "< +" + bound + " pp"},
		{"tiny, exact style: all its digits", tiny, data.Percent, Style{Digits: -1, Exact: true}, "0.0000000000000000000000001%", "−0.0000000000000000000000001%", "+0.0000000000000000000000001%"},
		{"exact style, zeros past 60 places: a bound", q(1, 3).Mul(MustParse("1e-70")), data.Percent, Style{Digits: -1, Exact: true}, "< " + bound + "%", "> −" + bound + "%", "< +" + bound + "%"},
		{"zero", Int(0), data.PP, en, "0 pp", "0 pp", "0 pp"},
		{"zero billions", Int(0), data.USDBillion, en, "$0 billion", "$0 billion", "$0 billion"},
	}
	for _, c := range points {
		if got := Format(c.v, c.u, c.st); got != c.want {
			t.Errorf("%s: Format(%s) = %q, want %q", c.name, c.v, got, c.want)
		}
		if got := Format(c.v.Neg(), c.u, c.st); got != c.neg {
			t.Errorf("%s: Format(−%s) = %q, want %q", c.name, c.v, got, c.neg)
		}
		if got := FormatSigned(c.v, c.u, c.st); got != c.signed {
			t.Errorf("%s: FormatSigned(%s) = %q, want %q", c.name, c.v, got, c.signed)
		}
		if got := FormatSigned(c.v.Neg(), c.u, c.st); got != c.neg {
			t.Errorf("%s: FormatSigned(−%s) = %q, want %q", c.name, c.v, got, c.neg)
		}
		if got := FormatInterval(Point(c.v), c.u, c.st); got != c.want {
			t.Errorf("%s: FormatInterval(point %s) = %q, want %q", c.name, c.v, got, c.want)
		}
	}
	ranges := []struct {
		name   string
		lo, hi Value
		u      data.Unit
		st     Style
		want   string
	}{
		{"exact, compact", Int(640), Int(670), data.USDBillion, en, "$640–670 billion"},
		{"both rounded, one mark", q(60, 7), q(64, 7), data.Percent, en, "≈ 8.57–9.14%"},
		{"one end rounded: a mark on that end", q(209, 7), MustParse("31.25"), data.Percent, en, "≈ 29.86% – 31.25%"},
		{"the other end rounded", MustParse("31.25"), q(225, 7), data.Percent, en, "31.25% – ≈ 32.14%"},
		{"tiny negative end", q(-1, 300), Int(10), data.Percent, en, "≈ −0.003% – 10%"},
		{"negative end: sign before the currency", Int(-5), Int(10), data.USDBillion, en, "−$5 billion – $10 billion"},
		{"de negative end", Int(-5), Int(10), data.USDBillion, de, "−5\u00a0Mrd.\u00a0$ – 10\u00a0Mrd.\u00a0$"},
		{"fr negative end", Int(-5), Int(10), data.USDBillion, fr, "−5\u00a0Md\u00a0$ – 10\u00a0Md\u00a0$"},
		{"both negative", Int(-10), Int(-5), data.USDBillion, en, "−$10 billion – −$5 billion"},
		{"from zero", Int(0), Int(10), data.Percent, en, "0–10%"},
		{"de compact", q(60, 7), q(64, 7), data.Percent, de, "≈ 8,57–9,14\u00a0%"},
	}
	for _, c := range ranges {
		if got := FormatInterval(Interval{c.lo, c.hi}, c.u, c.st); got != c.want {
			t.Errorf("%s: FormatInterval(%s, %s) = %q, want %q", c.name, c.lo, c.hi, got, c.want)
		}
	}
}
