package widget

import (
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// SourceLine names the articles the figures on screen come from. Neither
// article gives a headline or a date, so each is named by what it is, in
// our words and marked as ours (data.Article.Credit); <cite> holds only an
// article's own title.
type SourceLine struct {
	app.Compo

	Articles []data.Article
	// Compact names each source by its short name alone (its publisher,
	// or "an unnamed website"), for the footer of an embedded graphic; the
	// full page gives the descriptions.
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
				return app.Span().Class("source").Text(a.Short + sep)
			}
			name, cited, rest := a.Credit()
			var n app.UI = app.Span().Class("source-about").Text(name)
			if cited {
				n = app.Cite().Text(name)
			}
			return app.Span().Class("source").Body(n, app.Text(rest+sep))
		}),
	)
}
