package widget

import (
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SourceLine names the articles the figures on screen come from.
type SourceLine struct {
	app.Compo

	Articles []data.Article
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
			return app.Span().Class("source").Body(
				app.Cite().Text(a.Title),
				app.Text(", "+a.Publisher+", "+a.Date+sep),
			)
		}),
	)
}
