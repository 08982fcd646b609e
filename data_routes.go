package main

import (
	"net/http"

	"amzwidget/data"
	"amzwidget/export"
	"amzwidget/scenario"
)

// dataExport serves /data.csv and /data.json: every figure and comparison
// result of story ds under the URL's scenario. A refused URL value falls
// back to the article's value, as on the pages; it never fails the
// request.
func dataExport(ds *data.Dataset) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) { serveDataExport(w, r, ds) }
}

func serveDataExport(w http.ResponseWriter, r *http.Request, ds *data.Dataset) {
	sc, _ := scenario.Decode(ds, r.URL.Query())
	var body []byte
	switch r.URL.Path {
	case "/data.csv":
		w.Header().Set("Content-Type", "text/csv; charset=utf-8")
		w.Header().Set("Content-Disposition", `attachment; filename="`+ds.Site.FileName+`-figures.csv"`)
		body = export.CSV(sc)
	default:
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		body = export.JSON(sc)
	}
	w.Header().Set("Cache-Control", "no-cache")
	_, _ = w.Write(body)
}
