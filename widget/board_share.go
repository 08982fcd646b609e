package widget

import (
	"amzwidget/data"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// shareTools is a topic's line of share and download controls, under its
// chart: "Copy link" (the page's URL with the reader's current scenario;
// the browser's share sheet, navigator.share, where it has one) and the
// chart's image as SVG or PNG.
//
// Without JavaScript the downloads are links to the server's
// /chart/{topic}.svg and .png for the scenario the page was served with.
// In the browser, the SVG is drawn here from the same description as the
// server's (chart.Card, widget.ShareCard) and saved through a Blob URL,
// so it works offline; the PNG link is brought up to the current
// scenario as it is clicked, and the server draws it.
func (b *Board) shareTools(t data.Topic, story bool) app.UI {
	q := queryPart(b.topicQuery(t, story))
	svgName, pngName := b.Data.Site.FileName+"-"+t.ID+".svg", b.Data.Site.FileName+"-"+t.ID+".png"
	return app.P().Class("share-tools").ID("share-"+t.ID).Body(
		app.Button().Type("button").Class("copy-link").ID("copy-link-"+t.ID).Text("Copy link").
			OnClick(func(ctx app.Context, e app.Event) {
				b.ensure(ctx)
				b.shareLink(ctx, t)
			}),
		app.Text(" Download chart: "),
		// The hrefs are built from the canonical query (ids, plain
		// decimals and fixed words), never from raw reader text.
		app.A().Class("download-chart").ID("download-svg-"+t.ID).Href("%s", Path("/chart/"+t.ID+".svg"+q)).
			Attr("download", svgName).Text("SVG").
			OnClick(func(ctx app.Context, e app.Event) {
				e.PreventDefault()
				b.ensure(ctx)
				d := ShareCard(t, b.sc, pageAddress(t)).Layout()
				saveBlob(svgName, "image/svg+xml", d.SVG())
			}),
		app.Text(" · "),
		app.A().Class("download-chart").ID("download-png-"+t.ID).Href("%s", Path("/chart/"+t.ID+".png"+q)).
			Attr("download", pngName).Text("PNG").
			OnClick(func(ctx app.Context, e app.Event) {
				b.ensure(ctx)
				// The browser follows the link after this handler: point
				// it at the scenario on screen now.
				ctx.JSSrc().Set("href", Path("/chart/"+t.ID+".png"+queryPart(b.topicQuery(t, story))))
			}),
		// The status is shown here and announced in the board's one live
		// region.
		app.Span().Class("share-status").ID("share-status-"+t.ID),
	)
}

// topicQuery is the canonical query of the scenario with only topic t's
// inputs (as shown, story or at length) and the display choices: all an
// image of the topic depends on, and all that TopicView's key follows, so
// the links never go stale between two redraws of the topic.
func (b *Board) topicQuery(t data.Topic, story bool) string {
	ds := b.Data
	sc := b.sc.Clone()
	keep := map[string]bool{}
	for _, p := range ds.Inputs(topicComparisons(ds, t, story)) {
		keep[p.ID] = true
	}
	for id := range sc.Values {
		if !keep[id] {
			delete(sc.Values, id)
		}
	}
	return sc.Query()
}

// pageAddress is the address printed on a downloaded image: this site's
// host, its path prefix and the topic's embed page, as the server prints
// it.
func pageAddress(t data.Topic) string {
	host := ""
	if app.IsClient {
		host = app.Window().Get("location").Get("host").String()
	}
	return host + Path("/embed/"+t.ID)
}

// shareLink hands the page's URL with the current scenario to the
// browser's share sheet, or else copies it to the clipboard, and says
// what happened in the topic's status line and the board's live region.
func (b *Board) shareLink(ctx app.Context, t data.Topic) {
	if !app.IsClient {
		return
	}
	w := app.Window()
	loc := w.Get("location")
	link := loc.Get("origin").String() + loc.Get("pathname").String() + queryPart(b.sc.Query())
	status := func(msg string) {
		if el := w.GetElementByID("share-status-" + t.ID); el.Truthy() {
			el.Set("textContent", msg)
		}
		if msg != "" {
			ctx.Dispatch(func(app.Context) { b.announcement = msg })
		}
	}
	nav := w.Get("navigator")
	var p app.Value
	done := "Link copied."
	if nav.Get("share").Truthy() {
		p = nav.Call("share", map[string]any{"title": t.Title, "url": link})
		done = ""
	} else if cb := nav.Get("clipboard"); cb.Truthy() && cb.Get("writeText").Truthy() {
		p = cb.Call("writeText", link)
	} else {
		status("Copy this link: " + link)
		return
	}
	var ok, fail app.Func
	ok = app.FuncOf(func(this app.Value, args []app.Value) any {
		status(done)
		ok.Release()
		fail.Release()
		return nil
	})
	fail = app.FuncOf(func(this app.Value, args []app.Value) any {
		// A share sheet the reader closed rejects too: offer the link.
		status("Copy this link: " + link)
		ok.Release()
		fail.Release()
		return nil
	})
	p.Call("then", ok, fail)
}
