package data

import "strings"

// The dataset's syntaxes, matched by hand rather than with package regexp:
// a regexp compiled at package level is initialized by the client too, and
// regexp's parser and compiler, which nothing else in the client needs
// (go-app's router only runs patterns it is given), are about 0.2 MB of
// WebAssembly. Each function says the regular expression it matches, and
// FuzzSyntax checks it against that expression, and TestSchemaMatchesTheCode that
// docs/dataset.schema.json states the same ones.

// The regular expressions the matchers below match, for the tests.
const (
	idPattern       = `^[a-z][a-z0-9]*(_[a-z0-9]+)*$`
	decimalPattern  = `^-?[0-9]+(\.[0-9]+)?$`
	fileNamePattern = `^[a-z0-9]+(-[a-z0-9]+)*$`
	// placeholderPattern is a value named in a note: {id}.
	placeholderPattern = `\{([^{}]*)\}`
)

// isID reports whether s is an id (idPattern): snake_case,
// since ids are URL parameter names and parts of routes.
func isID(s string) bool {
	if s == "" || !isLower(s[0]) {
		return false
	}
	return segments(s, '_', isLowerOrDigit)
}

// isDecimal reports whether s is the only number syntax the dataset may
// use (decimalPattern): an optional minus, digits and an optional fraction.
func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	whole, frac, point := strings.Cut(s, ".")
	return allOf(whole, isDigit) && (!point || allOf(frac, isDigit))
}

// isFileName reports whether s is site.file_name's syntax (fileNamePattern):
// safe in a file name on every system and in a Content-Disposition header
// without quoting.
func isFileName(s string) bool { return segments(s, '-', isLowerOrDigit) }

// segments reports whether s is one or more non-empty runs of bytes that
// ok accepts, joined by single sep bytes.
func segments(s string, sep byte, ok func(byte) bool) bool {
	for part := range strings.SplitSeq(s, string(sep)) {
		if !allOf(part, ok) {
			return false
		}
	}
	return true
}

// allOf reports whether s is not empty and ok accepts each of its bytes.
func allOf(s string, ok func(byte) bool) bool {
	if s == "" {
		return false
	}
	for i := range len(s) {
		if !ok(s[i]) {
			return false
		}
	}
	return true
}

func isLower(c byte) bool        { return 'a' <= c && c <= 'z' }
func isDigit(c byte) bool        { return '0' <= c && c <= '9' }
func isLowerOrDigit(c byte) bool { return isLower(c) || isDigit(c) }

// placeholderSpans returns the start and end (past the closing brace) of
// each {id} in note, left to right, as placeholderPattern finds them: a
// brace pair with no brace between.
func placeholderSpans(note string) [][2]int {
	var spans [][2]int
	for i := 0; i < len(note); {
		open := strings.IndexByte(note[i:], '{')
		if open < 0 {
			break
		}
		open += i
		next := strings.IndexAny(note[open+1:], "{}")
		if next < 0 {
			break
		}
		next += open + 1
		if note[next] == '{' {
			i = next // this brace opens nothing; the next one may
			continue
		}
		spans = append(spans, [2]int{open, next + 1})
		i = next + 1
	}
	return spans
}
