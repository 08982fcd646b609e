package data

import "strings"

// placeholders returns the ids a note names as {id}, in order.
func placeholders(note string) []string {
	var ids []string
	for _, sp := range placeholderSpans(note) {
		ids = append(ids, note[sp[0]+1:sp[1]-1])
	}
	return ids
}

// fillPlaceholders returns note with every {id} replaced by value(id).
func fillPlaceholders(note string, value func(id string) string) string {
	return replacePlaceholders(note, func(m string) string { return value(m[1 : len(m)-1]) })
}

// strayBrace reports whether note holds a brace outside its {id}s.
func strayBrace(note string) bool {
	return strings.ContainsAny(replacePlaceholders(note, func(string) string { return "" }), "{}")
}

// replacePlaceholders returns note with every {id} (braces included)
// replaced by repl of it.
func replacePlaceholders(note string, repl func(placeholder string) string) string {
	spans := placeholderSpans(note)
	if spans == nil {
		return note
	}
	var b strings.Builder
	last := 0
	for _, sp := range spans {
		b.WriteString(note[last:sp[0]])
		b.WriteString(repl(note[sp[0]:sp[1]]))
		last = sp[1]
	}
	b.WriteString(note[last:])
	return b.String()
}

// NoteFigures returns the ids of the figures a comparison's note names as
// {figure_id} placeholders, in the order they appear (Check reports any
// that is not a figure's id).
func (c Comparison) NoteFigures() []string { return placeholders(c.Note) }

// ExplainNote returns the comparison's note with every {figure_id}
// replaced by value(figure_id): a note names the figures it explains by
// id, so that it can say the values in force rather than the article's
// once a reader changes them.
func (c Comparison) ExplainNote(value func(figureID string) string) string {
	return fillPlaceholders(c.Note, value)
}
