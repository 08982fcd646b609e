package pages

import (
	"strings"

	"amzwidget/data"
)

// PageTopics returns the topics of story ds a page shows, its lead topic first: an
// embed page's own topic, or every topic (the dashboard, /embed/all).
// The page's social preview (og:title, og:image) is its lead topic's.
func PageTopics(ds *data.Dataset, path string) []data.Topic {
	if id, ok := strings.CutPrefix(path, "/embed/"); ok {
		if t, ok := ds.Topic(id); ok {
			return []data.Topic{t}
		}
	}
	return ds.Topics
}
