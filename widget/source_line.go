package widget

import (
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SourceLine names the articles the figures on screen come from.
type SourceLine struct {
	app.Compo

	Articles []data.Article
	// Compact names each source by its publisher alone, for the footer of
	// an embedded graphic; the full page gives the details.
	Compact bool
}

// Render draws the line.
func (s *SourceLine) Render() app.UI {
	return app.P().Class("sources").Body(
		app.Span().Class("sources-label").Text("Sources: "),
		app.Range(s.Articles).Slice(func(i int) app.UI {
			a := s.Articles[i]
			sep := "; "
			if i == len(s.Articles)-1 {
				sep = "."
			}
			if s.Compact {
				return app.Span().Class("source").Text(a.Publisher + sep)
			}
			return app.Span().Class("source").Body(
				app.Cite().Text(a.Title),
				app.Text(", "+a.Publisher+", "+a.Date+sep),
			)
		}),
	)
}
