package data

import (
	"regexp"
	"strings"
)

// notePlaceholder is a figure named in a comparison's note: {figure_id}.
var notePlaceholder = regexp.MustCompile(`\{([^{}]*)\}`)

// NoteFigures returns the ids of the figures a comparison's note names as
// {figure_id} placeholders, in the order they appear (Check reports any
// that is not a figure's id).
func (c Comparison) NoteFigures() []string {
	var ids []string
	for _, m := range notePlaceholder.FindAllStringSubmatch(c.Note, -1) {
		ids = append(ids, m[1])
	}
	return ids
}

// ExplainNote returns the comparison's note with every {figure_id}
// replaced by value(figure_id): a note names the figures it explains by
// id, so that it can say the values in force rather than the article's
// once a reader changes them.
func (c Comparison) ExplainNote(value func(figureID string) string) string {
	if !strings.Contains(c.Note, "{") {
		return c.Note
	}
	return notePlaceholder.ReplaceAllStringFunc(c.Note, func(m string) string {
		return value(m[1 : len(m)-1])
	})
}
