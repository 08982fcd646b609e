package widget

import (
	"amzwidget/export"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// downloads are the links to take the data away. Without JavaScript they
// are links to the server's /data.csv and /data.json for the same URL
// state; in the browser a click builds the same bytes here, with the same
// package, and saves them through a Blob URL, so it works offline too.
func (b *Board) downloads() app.UI {
	q := b.sc.Query()
	if q != "" {
		q = "?" + q
	}
	return app.P().Class("downloads").Body(
		app.Text("Download the figures and results: "),
		b.downloadLink("csv", Path("/data.csv"+q), b.Data.Site.FileName+"-figures.csv", "text/csv;charset=utf-8"),
		app.Text(" · "),
		b.downloadLink("json", Path("/data.json"+q), b.Data.Site.FileName+"-figures.json", "application/json"),
	)
}

func (b *Board) downloadLink(kind, href, name, mime string) app.UI {
	label := "CSV"
	if kind == "json" {
		label = "JSON"
	}
	// href is built from the canonical query (ids, plain decimals and
	// fixed words), never from raw reader text.
	return app.A().ID("download-"+kind).Class("download").Href("%s", href).
		Attr("download", name).Text(label).
		OnClick(func(ctx app.Context, e app.Event) {
			e.PreventDefault()
			b.ensure(ctx)
			body := export.CSV(b.sc)
			if kind == "json" {
				body = export.JSON(b.sc)
			}
			saveBlob(name, mime, body)
		})
}

// saveBlob saves body as a file through a temporary Blob URL and <a
// download> click.
func saveBlob(name, mime string, body []byte) {
	w := app.Window()
	arr := w.Get("Uint8Array").New(len(body))
	app.CopyBytesToJS(arr, body)
	parts := w.Get("Array").New()
	parts.Call("push", arr)
	blob := w.Get("Blob").New(parts, map[string]any{"type": mime})
	url := w.Get("URL").Call("createObjectURL", blob)
	doc := w.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("hidden", true)
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	// Revoke later: the download reads the Blob after the click returns.
	w.Call("setTimeout", app.FuncOf(func(this app.Value, args []app.Value) any {
		w.Get("URL").Call("revokeObjectURL", url)
		return nil
	}), 60000)
}
