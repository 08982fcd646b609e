package data

import (
	"regexp"
	"strings"
)

// notePlaceholder is a value named in a note: {id}.
var notePlaceholder = regexp.MustCompile(`\{([^{}]*)\}`)

// placeholders returns the ids a note names as {id}, in order.
func placeholders(note string) []string {
	var ids []string
	for _, m := range notePlaceholder.FindAllStringSubmatch(note, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// fillPlaceholders returns note with every {id} replaced by value(id).
func fillPlaceholders(note string, value func(id string) string) string {
	if !strings.Contains(note, "{") {
		return note
	}
	return notePlaceholder.ReplaceAllStringFunc(note, func(m string) string {
		return value(m[1 : len(m)-1])
	})
}

// strayBrace reports whether note holds a brace outside its {id}s.
func strayBrace(note string) bool {
	return strings.ContainsAny(notePlaceholder.ReplaceAllString(note, ""), "{}")
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
