package data

import (
	"regexp"
	"slices"
	"testing"
)

// The regular expressions the hand-written matchers stand for, compiled
// here, in the tests only.
var (
	idRegexp          = regexp.MustCompile(idPattern)
	decimalRegexp     = regexp.MustCompile(decimalPattern)
	fileNameRegexp    = regexp.MustCompile(fileNamePattern)
	placeholderRegexp = regexp.MustCompile(placeholderPattern)
)

func TestSyntaxes(t *testing.T) {
	for _, c := range []struct {
		s                     string
		id, decimal, fileName bool
	}{
		{"", false, false, false},
		{"a", true, false, true},
		{"cut_total", true, false, false},
		{"aws_q4_2025", true, false, false},
		{"a__b", false, false, false},
		{"a_", false, false, false},
		{"_a", false, false, false},
		{"1a", false, false, true},
		{"Cut", false, false, false},
		{"amazon-ai", false, false, true},
		{"amazon--ai", false, false, false},
		{"-amazon", false, false, false},
		{"amazon-", false, false, false},
		{"350000", false, true, true},
		{"34.6", false, true, false},
		{"-0.5", false, true, false},
		{"-", false, false, false},
		{"-.5", false, false, false},
		{".5", false, false, false},
		{"5.", false, false, false},
		{"5.5.5", false, false, false},
		{"--5", false, false, false},
		{"5\n", false, false, false},
		{"1e3", false, false, true},
		{"é", false, false, false},
	} {
		for _, m := range []struct {
			name string
			got  func(string) bool
			want bool
		}{{"isID", isID, c.id}, {"isDecimal", isDecimal, c.decimal}, {"isFileName", isFileName, c.fileName}} {
			if got := m.got(c.s); got != m.want {
				t.Errorf("%s(%q) = %v, want %v", m.name, c.s, got, m.want)
			}
		}
	}
}

func TestPlaceholders(t *testing.T) {
	for _, c := range []struct {
		note   string
		ids    []string
		filled string
		stray  bool
	}{
		{"no placeholder", nil, "no placeholder", false},
		{"{a} of {b_c}", []string{"a", "b_c"}, "<a> of <b_c>", false},
		{"{}", []string{""}, "<>", false},
		{"{{a}}", []string{"a"}, "{<a>}", true},
		{"{a{b}", []string{"b"}, "{a<b>", true},
		{"a}b{c", nil, "a}b{c", true},
		{"{a", nil, "{a", true},
		{"{a}}{b}", []string{"a", "b"}, "<a>}<b>", true},
		{"«{x}»", []string{"x"}, "«<x>»", false},
	} {
		if got := placeholders(c.note); !slices.Equal(got, c.ids) {
			t.Errorf("placeholders(%q) = %q, want %q", c.note, got, c.ids)
		}
		if got := fillPlaceholders(c.note, func(id string) string { return "<" + id + ">" }); got != c.filled {
			t.Errorf("fillPlaceholders(%q) = %q, want %q", c.note, got, c.filled)
		}
		if got := strayBrace(c.note); got != c.stray {
			t.Errorf("strayBrace(%q) = %v, want %v", c.note, got, c.stray)
		}
	}
}

// FuzzSyntax: each hand-written matcher agrees with the regular
// expression it stands for, on any string.
func FuzzSyntax(f *testing.F) {
	for _, s := range []string{"", "a", "cut_total", "a__b", "amazon-ai", "-1.5", "5.", "{a}{b}", "{{a}", "x}{y}{", "\xff{é}"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, m := range []struct {
			name string
			got  func(string) bool
			re   *regexp.Regexp
		}{{"isID", isID, idRegexp}, {"isDecimal", isDecimal, decimalRegexp}, {"isFileName", isFileName, fileNameRegexp}} {
			if got, want := m.got(s), m.re.MatchString(s); got != want {
				t.Errorf("%s(%q) = %v, %s says %v", m.name, s, got, m.re, want)
			}
		}
		var want [][2]int
		for _, ix := range placeholderRegexp.FindAllStringIndex(s, -1) {
			want = append(want, [2]int{ix[0], ix[1]})
		}
		if got := placeholderSpans(s); !slices.Equal(got, want) {
			t.Errorf("placeholderSpans(%q) = %v, %s finds %v", s, got, placeholderRegexp, want)
		}
		repl := func(m string) string { return "<" + m + ">" }
		if got, want := replacePlaceholders(s, repl), placeholderRegexp.ReplaceAllStringFunc(s, repl); got != want {
			t.Errorf("replacePlaceholders(%q) = %q, ReplaceAllStringFunc %q", s, got, want)
		}
	})
}
