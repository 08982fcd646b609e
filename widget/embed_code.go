package widget

import (
	"encoding/json"
	"html"
	"net/url"
	"strconv"
	"strings"

	"amzwidget/data"
	"amzwidget/scenario"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// EmbedHeight returns the default iframe height, in CSS pixels, of embed
// page id (a topic's id, or "all") of story ds, with its assumptions
// closed at a typical article column width (600 px), as measured in
// Chromium by TestBrowserStoryLayout (which fails when a page outgrows its
// default by more than 10%), plus 10 px; ok is false for any other id.
// The height messages correct it once the widget runs; a host that
// strips scripts keeps it. A topic's is the dataset's
// (data.Topic.EmbedHeight); "all", the page that shows every topic one
// after the other, takes their sum.
func EmbedHeight(ds *data.Dataset, id string) (h int, ok bool) {
	if id == "all" {
		for _, t := range ds.Topics {
			h += t.EmbedHeight
		}
		return h, true
	}
	t, ok := ds.Topic(id)
	return t.EmbedHeight, ok
}

// firstTopic is the id of the dataset's first topic: the embed a
// snippet names when it names none.
func firstTopic(ds *data.Dataset) string {
	if ts := ds.Topics; len(ts) > 0 {
		return ts[0].ID
	}
	return "all"
}

// EmbedLinks are links to every embed page, each named by its topic's
// title, then to /embed/all, named all: "A, B, C and all.".
func EmbedLinks(ds *data.Dataset, all string) []app.UI {
	var links []app.UI
	ts := ds.Topics
	for i, t := range ts {
		sep := ", "
		if i == len(ts)-1 {
			sep = ", and "
		}
		links = append(links, app.A().Href("%s", Path("/embed/"+t.ID)).Text(t.Title), app.Text(sep))
	}
	return append(links, app.A().Href("%s", Path("/embed/all")).Text(all), app.Text("."))
}

// EmbedCode is the embed code generator on the full page: the reader picks
// a widget, a theme, whether to keep their assumptions and whether the
// assumptions start open (controls=open), sees a live preview, and copies
// one of three snippets.
type EmbedCode struct {
	app.Compo

	// Data is the story whose topics the reader can embed.
	Data *data.Dataset
	// Query is the reader's scenario as URL parameters (figures only),
	// re-encoded from parsed decimals.
	Query string

	group       string
	theme       string
	transparent bool
	keep        bool
	open        bool
	// origin is the site's URL: scheme, host and path prefix.
	origin string

	// copied names the snippet last copied, copiedCode is what was
	// copied and copyNote what the reader is told about it. The note shows
	// only while that box still holds what was copied.
	copied, copiedCode, copyNote string
}

// OnInit learns, in the browser, the site's URL (the page's origin and
// the site's path prefix), which the prerendered page cannot know, so
// that the first render in the browser draws it.
func (e *EmbedCode) OnInit() {
	if app.IsClient {
		e.origin = siteOrigin()
	}
}

// OnMount learns the site's URL if OnInit could not; when OnInit did,
// nothing changed and nothing is redrawn.
func (e *EmbedCode) OnMount(ctx app.Context) {
	if o := siteOrigin(); o != e.origin {
		e.origin = o
		return
	}
	ctx.PreventUpdate()
}

// siteOrigin is the site's URL in the browser: the page's scheme and host
// and the site's path prefix ("" outside the browser).
func siteOrigin() string {
	u := app.Window().URL()
	if u == nil || u.Host == "" {
		return ""
	}
	return u.Scheme + "://" + u.Host + Path("")
}

// spec is the embed the reader's choices describe.
func (e *EmbedCode) spec() EmbedSpec {
	var ps []string
	if e.keep && e.Query != "" {
		ps = append(ps, e.Query)
	}
	if e.theme == "light" || e.theme == "dark" {
		ps = append(ps, "theme="+e.theme)
	}
	if e.transparent {
		ps = append(ps, "transparent=1")
	}
	if e.open {
		ps = append(ps, ControlsParam+"=open")
	}
	return EmbedSpec{Data: e.Data, Site: e.origin, Group: e.group, Query: strings.Join(ps, "&")}
}

// Snippets returns the three snippets for the current choice: a plain
// iframe, the iframe with our resizing script, and the Pym.js variant.
func (e *EmbedCode) Snippets() (plain, script, pym string) {
	s := e.spec()
	return s.Plain(), s.Script(), s.Pym()
}

// EmbedSpec is one embed of a widget page: everything its snippets are
// built from. The snippets are written here and nowhere else (the
// generator on the dashboard and the oEmbed answer both use it), and each
// value is escaped for the place it lands: as an HTML attribute value (&
// as &amp;, ' as &#39;), or as a JavaScript string inside the Pym.js
// <script>, where an HTML entity would stay literal. The two escapes are
// the ones html/template applies in these two places (a test checks the
// snippets against html/template's output); html/template itself is not
// used because it would nearly double the wasm every reader downloads
// (text/template calls methods by name, so the linker keeps every
// exported method: 8.4 MB became 15.1 MB raw, 1.62 MB became 2.23 MB
// brotli).
type EmbedSpec struct {
	// Data is the story: its topics are the pages, their titles and
	// default heights.
	Data *data.Dataset
	// Site is the site's URL without a trailing slash: scheme, host and
	// any path prefix ("https://widgets.example"); "" for site-relative
	// URLs. Anything but an http(s) URL is treated as "".
	Site string
	// Group is the page: a topic's id or "all" (anything else means the
	// dataset's first topic).
	Group string
	// Query is the page's URL parameters, encoded by us ("a=1&b=2"), or "".
	Query string
	// Title is the frame's title; "" for the page's own.
	Title string
	// Height is the frame's default height in CSS pixels; 0 for the
	// page's measured one (EmbedHeight).
	Height int
}

func (s EmbedSpec) group() string {
	if _, ok := EmbedHeight(s.Data, s.Group); ok {
		return s.Group
	}
	return firstTopic(s.Data)
}

func (s EmbedSpec) site() string {
	if strings.HasPrefix(s.Site, "https://") || strings.HasPrefix(s.Site, "http://") {
		return s.Site
	}
	return ""
}

func (s EmbedSpec) title() string {
	if s.Title != "" {
		return s.Title
	}
	return embedTitle(s.Data, s.group())
}

func (s EmbedSpec) height() int {
	if s.Height > 0 {
		return s.Height
	}
	h, _ := EmbedHeight(s.Data, s.group())
	return h
}

// Src is the URL of the embed page.
func (s EmbedSpec) Src() string {
	u := s.site() + "/embed/" + s.group()
	if s.Query != "" {
		u += "?" + s.Query
	}
	return u
}

// transparent reports whether the embed lets the host's background show
// through (transparent=1 in Query).
func (s EmbedSpec) transparent() bool {
	q, _ := url.ParseQuery(s.Query)
	return q.Get(scenario.ParamTransparent) == "1"
}

// schemeStyle is the CSS a transparent embed's frame (or Pym.js
// container) needs: the light colour scheme the embed page then uses, so
// that the browser paints no opaque canvas behind it (see widget.css),
// whatever scheme the host declares. "" when the embed is opaque.
func (s EmbedSpec) schemeStyle() string {
	if s.transparent() {
		return "color-scheme:light"
	}
	return ""
}

// Plain is the iframe alone: it works where a CMS strips scripts, at the
// default height.
func (s EmbedSpec) Plain() string {
	style := "border:0;width:100%"
	if cs := s.schemeStyle(); cs != "" {
		style += ";" + cs
	}
	return `<iframe src="` + attrValue(s.Src()) + `" title="` + attrValue(s.title()) +
		`" width="100%" height="` + strconv.Itoa(s.height()) +
		`" loading="lazy" scrolling="no" frameborder="0" style="` + attrValue(style) + `" data-amzwidget></iframe>`
}

// Script is the iframe and our resizing script.
func (s EmbedSpec) Script() string {
	return s.Plain() + "\n" + `<script src="` + attrValue(s.site()+"/web/embed.js") + `" async></script>`
}

// Pym is the Pym.js parent: a container, the library, and a script that
// builds the frame in the container.
func (s EmbedSpec) Pym() string {
	id := "amzwidget-" + s.group()
	style := ""
	if cs := s.schemeStyle(); cs != "" {
		style = ` style="` + attrValue(cs) + `"` // color-scheme is inherited by the frame Pym.js builds
	}
	return `<div id="` + attrValue(id) + `"` + style + `></div>` + "\n" +
		`<script src="https://pym.nprapps.org/pym.v1.min.js"></script>` + "\n" +
		`<script>new pym.Parent(` + jsString(id) + `, ` + jsString(s.Src()) + `, {title: ` + jsString(s.title()) + `});</script>`
}

// attrValue escapes s for a double-quoted HTML attribute value.
func attrValue(s string) string { return html.EscapeString(s) }

// jsString writes s as a JavaScript string literal that is safe inside an
// HTML <script> element: JSON, which writes <, > and & as \u003c, \u003e
// and \u0026 (so neither "</script>" nor "<!--" can appear) and escapes
// U+2028 and U+2029. This is what html/template writes for a string in
// JavaScript.
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil { // never for a string
		return `""`
	}
	return string(b)
}

// noteFor is what the note next to the box id says: what became of the
// last copy, while the box (whose snippet is code) still holds what was
// copied.
func (e *EmbedCode) noteFor(id, code string) string {
	if e.copied != id || e.copiedCode != code || e.copyNote == "" {
		return ""
	}
	return " " + e.copyNote
}

// snippet returns the snippet a copy button names, built from the
// choices in force now.
func (e *EmbedCode) snippet(id string) string {
	plain, script, pym := e.Snippets()
	switch id {
	case "snippet-plain":
		return plain
	case "snippet-script":
		return script
	case "snippet-pym":
		return pym
	}
	return ""
}

// copy writes the snippet named id, as it reads now, to the clipboard,
// and says so once the browser has done it. Where the Clipboard API is
// missing (a page served over plain http from another host) or refuses,
// the box's text is selected and copied the old way; when that fails too,
// the reader is told to press the copy keys (the text is selected).
func (e *EmbedCode) copy(ctx app.Context, id string) {
	code := e.snippet(id)
	e.copied, e.copiedCode, e.copyNote = id, code, ""
	clip := app.Window().Get("navigator").Get("clipboard")
	if !clip.Truthy() {
		e.copyNote = copyBySelection(id)
		return
	}
	var done, failed app.Func
	settle := func(note func() string) {
		done.Release()
		failed.Release()
		ctx.Dispatch(func(ctx app.Context) {
			if e.copied == id && e.copiedCode == code {
				e.copyNote = note()
			}
		})
	}
	done = app.FuncOf(func(app.Value, []app.Value) any {
		settle(func() string { return "Copied." })
		return nil
	})
	failed = app.FuncOf(func(app.Value, []app.Value) any {
		settle(func() string { return copyBySelection(id) })
		return nil
	})
	clip.Call("writeText", code).Call("then", done, failed)
}

// copyBySelection selects the text of the box id and asks the browser to
// copy the selection; it returns what to tell the reader.
func copyBySelection(id string) string {
	box := app.Window().GetElementByID(id)
	if !box.Truthy() {
		return ""
	}
	box.Call("focus")
	box.Call("select")
	if app.Window().Get("document").Call("execCommand", "copy").Bool() {
		return "Copied."
	}
	return "Selected: press Ctrl+C (⌘C on a Mac) to copy."
}

// embedTitle is the title of embed page g: its topic's, or the site's
// for the page with every topic.
func embedTitle(ds *data.Dataset, g string) string {
	if t, ok := ds.Topic(g); ok {
		return t.Title
	}
	return ds.Site.Name
}

// Render draws the choices, the preview and the snippets.
func (e *EmbedCode) Render() app.UI {
	if e.origin == "" {
		return app.Section().Class("embed-code").ID("embed-code").Body(
			app.H2().Class("topic-title").Text("Embed this in an article"),
			// Links, not text: on the server only attributes get the
			// site's path prefix (see Path).
			app.P().Body(append([]app.UI{app.Text("The embed code appears here once the page has loaded. Embed pages: ")},
				EmbedLinks(e.Data, "all of them")...)...),
		)
	}
	plain, script, pym := e.Snippets()
	choice := func(id, label string, options [][2]string, cur string, set func(string)) app.UI {
		var opts []app.UI
		for _, o := range options {
			opt := app.Option().Value(o[0]).Text(o[1])
			if ownState(o[0] == cur) {
				opt = opt.Selected(o[0] == cur)
			}
			opts = append(opts, opt)
		}
		return app.Div().Class("embed-choice").Body(
			app.Label().For(id).Text(label),
			app.Select().ID(id).Body(opts...).OnChange(func(ctx app.Context, ev app.Event) {
				set(ctx.JSSrc().Get("value").String())
			}),
		)
	}
	snippet := func(id, label, code string) app.UI {
		return app.Div().Class("snippet").Body(
			app.Label().For(id).Text(label),
			app.Textarea().ID(id).ReadOnly(true).Rows(4).Text(code),
			// go-app keeps the handler of the first render (it compares
			// handlers by their code pointer, not by what they captured):
			// the handler must not capture the snippet, only its id.
			app.Button().Type("button").ID("copy-"+id).Text("Copy").OnClick(func(ctx app.Context, ev app.Event) {
				e.copy(ctx, id)
			}),
			// Always present, so that screen readers announce its text.
			app.Span().Class("copied").ID("copied-"+id).Role("status").Text(e.noteFor(id, code)),
		)
	}
	return app.Section().Class("embed-code").ID("embed-code").Aria("labelledby", "embed-code-title").Body(
		app.H2().Class("topic-title").ID("embed-code-title").Text("Embed this in an article"),
		app.Div().Class("embed-choices").Body(
			choice("embed-group", "Widget", groupChoices(e.Data), e.group,
				func(v string) {
					if _, ok := EmbedHeight(e.Data, v); ok {
						e.group = v
					}
				}),
			e.themeChoice(choice),
			app.Label().For("embed-keep").Class("check").Body(
				checkbox("embed-keep", e.keep).OnChange(func(ctx app.Context, ev app.Event) {
					e.keep = ctx.JSSrc().Get("checked").Bool()
				}),
				app.Text(" Keep my current assumptions"),
			),
			app.Label().For("embed-transparent").Class("check").Body(
				checkbox("embed-transparent", e.transparent).OnChange(func(ctx app.Context, ev app.Event) {
					e.transparent = ctx.JSSrc().Get("checked").Bool()
					if e.transparent && (e.theme == "" || e.theme == "auto") {
						// The reader's setting rarely is the host page's
						// background: most articles are light.
						e.theme = "light"
					}
				}),
				app.Text(" Transparent background"),
			),
			app.Label().For("embed-open").Class("check").Body(
				checkbox("embed-open", e.open).OnChange(func(ctx app.Context, ev app.Event) {
					e.open = ctx.JSSrc().Get("checked").Bool()
				}),
				app.Text(" Open the assumptions"),
			),
		),
		snippet("snippet-plain", "Plain iframe (works anywhere, even where scripts are stripped)", plain),
		snippet("snippet-script", "Iframe that resizes itself (with our 0.5 KB script)", script),
		snippet("snippet-pym", "Pym.js (for newsrooms that already use it)", pym),
		app.Details().Class("preview").Body(
			app.Summary().Text("Preview"),
			app.IFrame().ID("embed-preview").Class(previewClass(e.transparent)).Src("%s", e.spec().Src()).Title("%s", "Preview: "+embedTitle(e.Data, e.spec().group())).Attr("loading", "lazy").Height(600),
		),
	)
}

// groupChoices are the embeds the generator offers: each topic, by its
// title, then everything.
func groupChoices(ds *data.Dataset) [][2]string {
	var cs [][2]string
	for _, t := range ds.Topics {
		cs = append(cs, [2]string{t.ID, t.Title})
	}
	return append(cs, [2]string{"all", "Everything"})
}

// themeChoice is the theme select. With a transparent background the
// theme is the host page's background, which the text must be readable
// on, and the select says so.
func (e *EmbedCode) themeChoice(choice func(id, label string, options [][2]string, cur string, set func(string)) app.UI) app.UI {
	label, opts := "Theme", [][2]string{{"auto", "Reader's setting"}, {"light", "Light"}, {"dark", "Dark"}}
	if e.transparent {
		label = "Your page's background"
		opts = [][2]string{{"light", "Light"}, {"dark", "Dark"}, {"auto", "Light or dark, as the reader's setting"}}
	}
	return choice("embed-theme", label, opts, e.theme, func(v string) {
		if v == "auto" || v == "light" || v == "dark" {
			e.theme = v
		}
	})
}

// previewClass is the preview frame's class: a transparent embed's frame
// states the light colour scheme, as the snippets do (schemeStyle).
func previewClass(transparent bool) string {
	if transparent {
		return "embed-frame transparent-frame"
	}
	return "embed-frame"
}

// checkbox is a checkbox input whose checked state is written as
// ownState says.
func checkbox(id string, checked bool) app.HTMLInput {
	in := app.Input().Type("checkbox").ID(id)
	if ownState(checked) {
		in = in.Checked(checked)
	}
	return in
}
