package widget

import (
	"maps"
	"strconv"
	"unicode/utf16"

	"amzwidget/calc"
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
	"github.com/shopspring/decimal"
)

// Before the WebAssembly runs, the prerendered page already shows every
// figure and its controls: a reader on a slow phone types, drags a slider,
// picks the decimals or opens the assumptions while the wasm is still on
// its way. go-app then replaces the prerendered page with its own, which
// would put back the values the page was served with. So the first render
// in the browser reads those controls first: each one whose current state
// differs from the state it was served with (an input's value against its
// defaultValue, a select's choice against its defaultSelected option, a
// checkbox against defaultChecked, a disclosure against its open
// attribute) is the reader's, and is applied as if typed into the wasm's
// page, with the same checks and messages. The control that had the
// keyboard focus gets it back, with its caret where it was.

// earlyFocus is the control that had the focus before the wasm took over,
// and its selection.
type earlyFocus struct {
	id         string
	start, end int
	text       bool
}

// adoptEarlyInput applies what the reader did to the prerendered controls
// and reports whether anything changed. It runs only in the browser,
// before the first render replaces the prerendered page.
func (b *Board) adoptEarlyInput() (changed bool) {
	if !app.IsClient {
		return false
	}
	// The prerendered page is read through syscall/js, whose accessors
	// panic on a value of an unexpected type: a page that differs from
	// what this code expects loses the early input, never the widget.
	sc, drafts, open := b.sc.Clone(), maps.Clone(b.drafts), maps.Clone(b.open)
	defer func() {
		if r := recover(); r != nil {
			app.Log("reading the controls used before the wasm ran:", r)
			b.sc, b.drafts, b.open, b.focus = sc, drafts, open, nil
			changed = false
		}
	}()
	doc := app.Window().Get("document")
	byID := func(id string) app.Value {
		el := doc.Call("getElementById", id)
		if !el.Truthy() {
			return nil
		}
		return el
	}
	ds := b.Data
	st := b.sc.Style()
	for _, p := range ds.Params() {
		text, ok := "", false
		if el := byID("in-" + p.ID); el != nil && el.Get("value").String() != el.Get("defaultValue").String() {
			text, ok = el.Get("value").String(), true
		} else if el := byID("slider-" + p.ID); el != nil && el.Get("value").String() != el.Get("defaultValue").String() {
			v := el.Get("value").String()
			if d, err := decimal.NewFromString(v); err == nil {
				v = calc.FormatNumber(d, st.Locale)
			}
			text, ok = v, true
		}
		if !ok {
			continue
		}
		changed = true
		b.adopt(p, text)
	}
	// The display options: the dashboard's, or any story's (they share
	// one setting; the last one changed is not known, the first found
	// wins).
	for _, suffix := range displaySuffixes(ds) {
		if sel := byID("opt-digits" + suffix); sel != nil {
			if opts := sel.Get("options"); opts.Truthy() {
				for i := 0; i < opts.Length(); i++ {
					o := opts.Index(i)
					if jsBool(o.Get("selected")) && !jsBool(o.Get("defaultSelected")) {
						if n, err := strconv.Atoi(o.Get("value").String()); err == nil && n >= -1 && n <= 6 {
							b.sc.Digits, changed = n, true
						}
					}
				}
			}
		}
		if cb := byID("opt-exact" + suffix); cb != nil && jsBool(cb.Get("checked")) != jsBool(cb.Get("defaultChecked")) {
			b.sc.Exact, changed = jsBool(cb.Get("checked")), true
		}
	}
	for _, t := range ds.Topics {
		if d := byID("assumptions-" + t.ID); d != nil && jsBool(d.Get("open")) != d.Call("hasAttribute", "open").Bool() {
			b.open[t.ID] = jsBool(d.Get("open"))
		}
	}
	if el := doc.Get("activeElement"); el.Truthy() && el.Get("id").String() != "" {
		f := earlyFocus{id: el.Get("id").String()}
		if el.Get("type").String() == "text" {
			f.text = true
			f.start, f.end = jsInt(el.Get("selectionStart")), jsInt(el.Get("selectionEnd"))
		}
		b.focus = &f
	}
	if changed {
		b.res = b.sc.Evaluate()
	}
	return changed
}

// jsBool is a JavaScript boolean's value, false for any other type.
func jsBool(v app.Value) bool { return v.Type() == app.TypeBoolean && v.Bool() }

// jsInt is a JavaScript number's value, 0 for any other type.
func jsInt(v app.Value) int {
	if v.Type() != app.TypeNumber {
		return 0
	}
	return v.Int()
}

// adopt sets p from text typed before the wasm ran, as edit does.
func (b *Board) adopt(p data.Param, text string) {
	if err := b.sc.Set(p.ID, text); err != nil {
		b.revert(p.ID)
		b.drafts[p.ID] = draft{text: text, err: refusedMessage(b, p, err)}
		return
	}
	b.drafts[p.ID] = draft{text: text}
}

// displaySuffixes are the id suffixes of every display-options control
// of a page: the dashboard's ("") and each story's ("-" + topic id).
func displaySuffixes(ds *data.Dataset) []string {
	s := []string{""}
	for _, t := range ds.Topics {
		s = append(s, "-"+t.ID)
	}
	return s
}

// restoreEarly commits what the reader did before the wasm ran (it goes
// into the URL like any finished edit) and gives the focus back.
func (b *Board) restoreEarly(ctx app.Context) {
	if b.earlyChanged {
		b.earlyChanged = false
		b.commit(ctx)
	}
	f := b.focus
	b.focus = nil
	if f == nil {
		return
	}
	ctx.Defer(func(app.Context) {
		el := app.Window().GetElementByID(f.id)
		if !el.Truthy() {
			return
		}
		el.Call("focus")
		if f.text {
			// The selection counts UTF-16 units.
			n := len(utf16.Encode([]rune(el.Get("value").String())))
			el.Call("setSelectionRange", min(f.start, n), min(f.end, n))
		}
	})
}
