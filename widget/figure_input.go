package widget

import (
	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// FigureInput is one adjustable figure: a labelled text field with its
// unit, a slider over a sensible range, the article's value for reference,
// a reset button once the value was changed, and the error for a value that
// was refused.
type FigureInput struct {
	app.Compo

	Param data.Param
	// Text is what the field shows: the reader's text while they type, or
	// the current value re-formatted from its decimal (never raw URL text).
	Text string
	// Slider is the current valid value as a plain decimal string.
	Slider  string
	Article string // the article's value, formatted
	Changed bool
	Error   string
	// Locale writes a slider's value back into the field in the reader's
	// number format.
	Locale calc.Locale

	// Owner receives the edits. It is an interface holding a pointer, not
	// a func field: go-app re-renders a child whose fields changed, and a
	// func never compares equal, so func fields would re-render every
	// field on every keystroke.
	Owner fieldOwner
}

// fieldOwner is what a FigureInput reports to: the Board.
type fieldOwner interface {
	edit(ctx app.Context, id, text string)
	reset(ctx app.Context, id string)
}

// Label returns the field's label: the figure's label, and which end of a
// range the field sets.
func Label(p data.Param) string {
	l := p.Figure.Label
	switch p.Part {
	case data.Low:
		l += ", low end"
	case data.High:
		l += ", high end"
	}
	return l
}

// Render draws the field.
func (f *FigureInput) Render() app.UI {
	id := f.Param.ID
	in := f.Param.Figure.Input
	class := "field"
	if f.Changed {
		class += " changed"
	}
	if f.Error != "" {
		class += " invalid"
	}
	unit := calc.UnitName(f.Param.Figure.Unit)
	msg := "Article: " + f.Article
	if f.Error != "" {
		msg = f.Error
	}
	return app.Div().Class(class).ID("field-"+id).Body(
		app.Label().For("in-"+id).Body(
			app.Span().Class("label").Text(Label(f.Param)),
			app.If(unit != "", func() app.UI { return app.Span().Class("unit").Text(" (" + unit + ")") }),
			app.If(f.Changed, func() app.UI { return app.Span().Class("badge").Text("changed") }),
		),
		app.Div().Class("controls").Body(
			app.Input().
				Type("text").
				ID("in-"+id).
				Name(id).
				Class("number").
				Attr("inputmode", "decimal").
				AutoComplete(false).
				Spellcheck(false).
				Value(f.Text).
				Aria("describedby", "msg-"+id).
				Aria("invalid", f.Error != "").
				OnInput(func(ctx app.Context, e app.Event) {
					if f.Owner != nil {
						f.Owner.edit(ctx, id, ctx.JSSrc().Get("value").String())
					}
				}),
			app.If(in != nil && in.SliderMin != "", func() app.UI {
				return app.Input().
					Type("range").
					ID("slider-"+id).
					Class("slider").
					Min(in.SliderMin).
					Max(in.SliderMax).
					Attr("step", in.Step).
					Value(f.Slider).
					Aria("label", Label(f.Param)+" slider").
					OnInput(func(ctx app.Context, e app.Event) {
						if f.Owner == nil {
							return
						}
						// The slider's value is a plain "34.6": give the
						// field the locale's own form, which it reads back.
						v := ctx.JSSrc().Get("value").String()
						if d, err := decimal.NewFromString(v); err == nil {
							v = calc.FormatNumber(d, f.Locale)
						}
						f.Owner.edit(ctx, id, v)
					})
			}),
			app.If(f.Changed, func() app.UI {
				return app.Button().
					Type("button").
					Class("reset").
					ID("reset-"+id).
					Aria("label", "Reset "+Label(f.Param)+" to the article's "+f.Article).
					Text("Reset").
					OnClick(func(ctx app.Context, e app.Event) {
						if f.Owner != nil {
							f.Owner.reset(ctx, id)
						}
					})
			}),
		),
		// Not a live region: a refused value is announced, once, by the
		// board's live region with the results.
		app.P().ID("msg-"+id).Class("msg").Text(msg),
	)
}
