package widget

import (
	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
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
	// Compact lays the field out on one line, for the lead input right
	// under a story's answer.
	Compact bool

	// Owner receives the edits. It is an interface holding a pointer, not
	// a func field: go-app re-renders a child whose fields changed, and a
	// func never compares equal, so func fields would re-render every
	// field on every keystroke.
	Owner fieldOwner
}

// fieldOwner is what a FigureInput reports to: the Board.
type fieldOwner interface {
	edit(ctx app.Context, id, text string)
	slide(ctx app.Context, id, plain string)
	commit(ctx app.Context)
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

// The slider's value is set after its min, max and step, never with them.
// go-app mounts an element's attributes in map order, which differs from
// load to load, and sets value as a property (el.value = …): when value
// came before min and max, the browser clamped it to the default span
// 0–100 and step 1, and the thumb sat at an end while the field showed
// the right number. So in the browser Render leaves value out and
// syncSlider sets it once the element holds all its attributes: at mount,
// and after every update. The prerendered HTML keeps the value attribute:
// a parsed attribute is read against min and max whatever their order.

// OnMount sets the slider to the field's value, in the DOM: nothing is
// redrawn for it (go-app would otherwise redraw the field and every
// component around it, the whole board, right after the first render).
func (f *FigureInput) OnMount(ctx app.Context) {
	f.syncSlider()
	ctx.PreventUpdate()
}

// OnUpdate sets the slider to the new value once the update is in the DOM.
func (f *FigureInput) OnUpdate(ctx app.Context) {
	ctx.Defer(func(app.Context) { f.syncSlider() })
}

func (f *FigureInput) syncSlider() {
	if f.Slider == "" || !app.IsClient {
		return
	}
	root := f.JSValue()
	if root == nil || !root.Truthy() {
		return
	}
	el := root.Call("querySelector", "input.slider")
	if !el.Truthy() || el.Get("value").String() == f.Slider {
		return
	}
	el.Set("value", f.Slider)
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
	if f.Compact {
		class += " compact"
	}
	unit := calc.UnitName(f.Param.Figure.Unit)
	msg := "Article: " + f.Article
	if f.Error != "" {
		msg = f.Error
	}
	return app.Div().Class(class).ID("field-"+id).Body(
		app.Label().For("in-"+id).Body(
			app.Span().Class("label").Text(f.label()),
			app.If(unit != "", func() app.UI { return app.Span().Class("unit").Text(" (" + unit + ")") }),
			// Compact, the label shares its line with the slider: nothing
			// may appear there mid-drag. The Reset below says it instead.
			app.If(!f.Compact, func() app.UI {
				if f.Changed {
					return app.Span().Class("badge").Text("changed")
				}
				// Hidden, it keeps its place (see widget.css).
				return app.Span().Class("badge", "unchanged").Aria("hidden", "true").Text("changed")
			}),
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
				}).
				// Leaving the field, or Enter: the value is finished.
				OnChange(func(ctx app.Context, e app.Event) {
					if f.Owner != nil {
						f.Owner.commit(ctx)
					}
				}),
			// Compact, the unit follows the number it qualifies; the
			// label's own copy of it is then read out but not shown.
			app.If(f.Compact && unit != "", func() app.UI {
				return app.Span().Class("unit-after").Aria("hidden", "true").Text(unit)
			}),
			app.If(in != nil && in.SliderMin != "", func() app.UI {
				slider := app.Input().
					Type("range").
					ID("slider-"+id).
					Class("slider").
					Min(in.SliderMin).
					Max(in.SliderMax).
					Attr("step", in.Step)
				if app.IsServer {
					slider = slider.Value(f.Slider)
				}
				return slider.
					Aria("label", Label(f.Param)+" slider").
					OnInput(func(ctx app.Context, e app.Event) {
						if f.Owner == nil {
							return
						}
						f.Owner.slide(ctx, id, ctx.JSSrc().Get("value").String())
					}).
					// The end of a drag: the value is finished.
					OnChange(func(ctx app.Context, e app.Event) {
						if f.Owner != nil {
							f.Owner.commit(ctx)
						}
					})
			}),
		),
		app.Div().Class("msg-row").Body(
			// Not a live region: a refused value is announced, once, by
			// the board's live region with the results.
			app.P().ID("msg-"+id).Class("msg").Text(msg),
			// The Reset button keeps its place while hidden (visibility,
			// which also takes it out of the tab order and the
			// accessibility tree), and sits below the slider, so that a
			// first change moves nothing under the reader's pointer
			// mid-drag.
			app.Button().
				Type("button").
				Class(resetClass(f.Changed)).
				ID("reset-"+id).
				Aria("label", "Reset "+Label(f.Param)+" to the article's "+f.Article).
				Text("Reset").
				OnClick(func(ctx app.Context, e app.Event) {
					if f.Owner != nil {
						f.Owner.reset(ctx, id)
						// The button hides itself: focus goes to the field
						// it reset, not to the page's body.
						focusNow("in-" + id)
					}
				}),
		),
	)
}

// resetClass is the Reset button's class: hidden while the value is the
// article's.
func resetClass(changed bool) string {
	if changed {
		return "reset"
	}
	return "reset unchanged"
}

// label is the field's visible label: compact, the figure's short label.
func (f *FigureInput) label() string {
	if f.Compact && f.Param.Figure.Short != "" && f.Param.Part == data.Whole {
		return f.Param.Figure.Short
	}
	return Label(f.Param)
}
