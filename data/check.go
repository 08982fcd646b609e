package data

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Problem is one thing wrong in a dataset: where it is, as a JSON path
// such as figures[3].value, and what is wrong with it and what is
// accepted instead. Its error wraps one of the package's sentinel errors
// (ErrBadNumber, ErrUnknownID, ...), so errors.Is tells problems apart.
type Problem struct {
	// Path is the JSON path of the value at fault, e.g. figures[3].value
	// or comparisons[2].a; empty for the document as a whole.
	Path string
	// Line and Column locate Path in the file Check was given (1-based;
	// for a field that is missing, its object). Both are 0 when the
	// problem was found by Validate, which has no file.
	Line, Column int
	// Err says what is wrong; it wraps a sentinel error.
	Err error
	// keyAt is 1 + the offset of the key at fault (a key given twice, an
	// unknown key), 0 when Path locates the problem.
	keyAt int64
}

// Error returns the path and the message: `figures[3].value: "1e6" is
// not a plain decimal (...)`.
func (p Problem) Error() string {
	if p.Path == "" {
		return p.Err.Error()
	}
	return p.Path + ": " + p.Err.Error()
}

// Unwrap returns the problem's error, which wraps its sentinel.
func (p Problem) Unwrap() error { return p.Err }

// CheckOptions are what Check may use beyond the dataset itself.
type CheckOptions struct {
	// Source returns the text of a cited article, to check that every
	// quote (a claim's quote, and the article's words in every source's
	// where) is word for word in it. It returns "" and no error for an
	// article whose text is not at hand: its quotes are then not checked.
	// An error is reported as a problem of the article's file. A nil
	// Source checks no quote.
	Source func(Article) (string, error)
}

// Check parses a dataset and reports every problem it has, in the order
// they appear in the file: JSON syntax, unknown or mistyped fields, and
// everything Validate checks. The dataset is returned for its counts even
// when it has problems (then its lookups are not to be trusted); it is nil
// only when the JSON cannot be read at all.
func Check(b []byte, opt CheckOptions) (*Dataset, []Problem) {
	root, perr := parseTree(b)
	if perr != nil {
		return nil, []Problem{*perr}
	}
	var ds Dataset
	var probs []Problem
	fill(reflect.ValueOf(&ds).Elem(), root, "", &probs)
	// A value of the wrong type was left out: say so once, not again as
	// missing.
	var typed []string
	for _, p := range probs {
		if errors.Is(p, ErrWrongType) {
			typed = append(typed, p.Path)
		}
	}
	for _, p := range ds.problems(opt) {
		if !slices.ContainsFunc(typed, func(t string) bool { return within(p.Path, t) }) {
			probs = append(probs, p)
		}
	}
	pos := map[string]int64{}
	root.index("", pos)
	for i := range probs {
		at, ok := locate(pos, probs[i].Path)
		if probs[i].keyAt > 0 {
			at, ok = probs[i].keyAt-1, true
		}
		if ok {
			probs[i].Line, probs[i].Column = lineCol(b, at)
		}
	}
	slices.SortStableFunc(probs, func(x, y Problem) int {
		return x.Line*1_000_000 + x.Column - (y.Line*1_000_000 + y.Column)
	})
	return &ds, probs
}

// Errors returns the problems as one error (nil for none), for Load and
// Validate: errors.Is finds every sentinel in it.
func Errors(probs []Problem) error {
	errs := make([]error, len(probs))
	for i, p := range probs {
		errs[i] = p
	}
	return errors.Join(errs...)
}

// detail is a problem's message, wrapping its sentinel (and any cause).
type detail struct {
	msg  string
	errs []error
}

func (d detail) Error() string   { return d.msg }
func (d detail) Unwrap() []error { return d.errs }

// problem builds a Problem at path: the message says what is wrong and
// what is accepted; sentinel is what errors.Is finds.
func problem(path string, sentinel error, format string, args ...any) Problem {
	return Problem{Path: path, Err: detail{msg: fmt.Sprintf(format, args...), errs: []error{sentinel}}}
}

// node is one JSON value of the file, with where it starts.
type node struct {
	off   int64
	kind  byte // '{' object, '[' array, '"' string, '0' number, 'b' bool, 'n' null
	str   string
	num   json.Number
	b     bool
	keys  []string
	koffs []int64
	vals  []*node
	elems []*node
}

// what names a JSON value's type for a message.
func (n *node) what() string {
	switch n.kind {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return strconv.Quote(n.str) + ", a string"
	case '0':
		return "the JSON number " + n.num.String()
	case 'b':
		return strconv.FormatBool(n.b)
	}
	return "null"
}

// index records where every value (and every key) starts, by path.
func (n *node) index(path string, pos map[string]int64) {
	pos[path] = n.off
	for i, k := range n.keys {
		p := join(path, k)
		if _, dup := pos[p]; !dup {
			n.vals[i].index(p, pos)
		}
	}
	for i, e := range n.elems {
		e.index(path+"["+strconv.Itoa(i)+"]", pos)
	}
}

// within reports whether path is the path of or under another.
func within(path, of string) bool {
	rest, ok := strings.CutPrefix(path, of)
	return ok && (rest == "" || rest[0] == '.' || rest[0] == '[' || of == "")
}

// join appends a key to a JSON path.
func join(path, key string) string {
	if path == "" {
		return key
	}
	return path + "." + key
}

// at returns the path of a list's element.
func at(path string, i int) string { return path + "[" + strconv.Itoa(i) + "]" }

// locate finds where path starts, or its nearest ancestor that is in the
// file (a missing field is reported at its object).
func locate(pos map[string]int64, path string) (int64, bool) {
	for {
		if off, ok := pos[path]; ok {
			return off, true
		}
		if path == "" {
			return 0, false
		}
		i := strings.LastIndexAny(path, ".[")
		if i < 0 {
			path = ""
		} else {
			path = path[:i]
		}
	}
}

// lineCol turns a byte offset into a 1-based line and column (in
// characters).
func lineCol(b []byte, off int64) (int, int) {
	if off > int64(len(b)) {
		off = int64(len(b))
	}
	before := b[:off]
	line := bytes.Count(before, []byte{'\n'}) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}

// jsonReader reads a JSON document into nodes, token by token, so that every
// value keeps its offset in the file.
type jsonReader struct {
	b   []byte
	dec *json.Decoder
}

func parseTree(b []byte) (*node, *Problem) {
	p := &jsonReader{b: b, dec: json.NewDecoder(bytes.NewReader(b))}
	p.dec.UseNumber()
	root, err := p.value("")
	if err == nil {
		if _, terr := p.dec.Token(); terr != io.EOF {
			off := p.start()
			err = p.syntax(off, "", errors.New("more data after the dataset's closing }"))
		}
	}
	if err != nil {
		return nil, err
	}
	if root.kind != '{' {
		pr := problem("", ErrWrongType, "the dataset is %s; write one JSON object: {\"title\": ..., \"articles\": [...], ...}", root.what())
		pr.Line, pr.Column = lineCol(b, root.off)
		return nil, &pr
	}
	return root, nil
}

// start returns the offset of the next token: the decoder's offset past
// any blank, colon or comma.
func (p *jsonReader) start() int64 {
	off := p.dec.InputOffset()
	for off < int64(len(p.b)) && strings.IndexByte(" \t\r\n:,", p.b[off]) >= 0 {
		off++
	}
	return off
}

// syntax reports a JSON syntax error at the decoder's error offset.
func (p *jsonReader) syntax(off int64, path string, err error) *Problem {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		off = se.Offset
	}
	msg := err.Error()
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		off, msg = int64(len(p.b)), "the file ends before the JSON does (a missing } or ]?)"
	}
	msg = strings.TrimPrefix(msg, "json: ")
	pr := problem(path, ErrSyntax, "not valid JSON: %s", msg)
	pr.Line, pr.Column = lineCol(p.b, off)
	return &pr
}

func (p *jsonReader) value(path string) (*node, *Problem) {
	off := p.start()
	tok, err := p.dec.Token()
	if err != nil {
		return nil, p.syntax(off, path, err)
	}
	n := &node{off: off}
	switch t := tok.(type) {
	case json.Delim:
		switch t {
		case '{':
			n.kind = '{'
			for p.dec.More() {
				koff := p.start()
				kt, err := p.dec.Token()
				if err != nil {
					return nil, p.syntax(koff, path, err)
				}
				k, _ := kt.(string)
				v, perr := p.value(join(path, k))
				if perr != nil {
					return nil, perr
				}
				n.keys, n.koffs, n.vals = append(n.keys, k), append(n.koffs, koff), append(n.vals, v)
			}
		case '[':
			n.kind = '['
			for p.dec.More() {
				v, perr := p.value(at(path, len(n.elems)))
				if perr != nil {
					return nil, perr
				}
				n.elems = append(n.elems, v)
			}
		}
		end := p.start()
		if _, err := p.dec.Token(); err != nil {
			return nil, p.syntax(end, path, err)
		}
	case string:
		n.kind, n.str = '"', t
	case json.Number:
		n.kind, n.num = '0', t
	case bool:
		n.kind, n.b = 'b', t
	default:
		n.kind = 'n'
	}
	return n, nil
}

// fields maps a struct type's JSON keys to its field indexes, in order.
func fields(t reflect.Type) (names []string, index map[string]int) {
	index = map[string]int{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "" || name == "-" {
			continue
		}
		names = append(names, name)
		index[name] = i
	}
	return names, index
}

// fill sets v from the JSON value n, the way encoding/json would, and
// reports every key the type does not have, every key given twice and
// every value of the wrong JSON type (which is then left out).
func fill(v reflect.Value, n *node, path string, probs *[]Problem) {
	wrong := func(want string) {
		*probs = append(*probs, problem(path, ErrWrongType, "%s, want %s", n.what(), want))
	}
	switch v.Kind() {
	case reflect.String:
		switch n.kind {
		case '"':
			v.SetString(n.str)
		case '0':
			*probs = append(*probs, problem(path, ErrWrongType,
				"%s; write every number as a string, %q, so that it stays exact", n.what(), n.num.String()))
		default:
			wrong("a string")
		}
	case reflect.Int:
		i, err := strconv.ParseInt(string(n.num), 10, 32)
		if n.kind != '0' || err != nil {
			wrong("a whole number")
			return
		}
		v.SetInt(i)
	case reflect.Bool:
		if n.kind != 'b' {
			wrong("true or false")
			return
		}
		v.SetBool(n.b)
	case reflect.Slice:
		if n.kind != '[' {
			if v.Type().Elem().Kind() == reflect.String && n.kind == '"' {
				*probs = append(*probs, problem(path, ErrWrongType, "%s, want a list of ids, [%q]", n.what(), n.str))
				return
			}
			wrong("a list [...]")
			return
		}
		s := reflect.MakeSlice(v.Type(), len(n.elems), len(n.elems))
		for i, e := range n.elems {
			fill(s.Index(i), e, at(path, i), probs)
		}
		v.Set(s)
	case reflect.Pointer:
		if n.kind == 'n' {
			return
		}
		p := reflect.New(v.Type().Elem())
		fill(p.Elem(), n, path, probs)
		v.Set(p)
	case reflect.Struct:
		if n.kind != '{' {
			wrong("an object {...}")
			return
		}
		names, index := fields(v.Type())
		seen := map[string]bool{}
		for i, k := range n.keys {
			kp := join(path, k)
			if seen[k] {
				pr := problem(kp, ErrDuplicateKey, "%q is given twice in this object; keep one", k)
				pr.keyAt = n.koffs[i] + 1
				*probs = append(*probs, pr)
				continue
			}
			seen[k] = true
			j, ok := index[k]
			if !ok {
				pr := problem(kp, ErrUnknownField, "unknown field %q%s (accepted here: %s)", k,
					didYouMean(k, names), strings.Join(names, ", "))
				pr.keyAt = n.koffs[i] + 1
				*probs = append(*probs, pr)
				continue
			}
			fill(v.Field(j), n.vals[i], kp, probs)
		}
	}
}

// didYouMean suggests the accepted word nearest to a misspelt one, as
// `; did you mean "value"?`, or "" when none is close.
func didYouMean(word string, accepted []string) string {
	best, bestD := "", 3
	if len(word) <= 4 {
		bestD = 2
	}
	for _, a := range accepted {
		if d := distance(strings.ToLower(word), a); d < bestD && a != word {
			best, bestD = a, d
		}
	}
	if best == "" {
		return ""
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// distance is the Levenshtein distance between two strings, in bytes.
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
