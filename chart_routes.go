package main

import (
	"net/http"
	"strings"
	"sync/atomic"

	"amzwidget/chartimg"
	"amzwidget/data"
	"amzwidget/scenario"
	"amzwidget/widget"
)

// maxCachedImages bounds the image cache: a PNG is about 60 KB, an SVG
// about 6 KB, so at most a few MB.
const maxCachedImages = 128

// chartImages serves /chart/{topic}.svg and /chart/{topic}.png: the
// topic's share image (title, answer, chart, source line and address)
// under the URL's scenario, every parameter honoured (values, digits,
// exact, lang, theme, transparent). A refused value draws the article's,
// as the page does; the image is never an error for any query. Images of
// canonical URLs are kept in a bounded cache, as pages are. The topics are
// story ds's.
func chartImages(ds *data.Dataset, ps publicSite) http.Handler {
	return newPageCache(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		serveChartImage(w, r, ds, ps.of(r))
	}), maxCachedImages, ds, ps)
}

// chartImagePath reads /chart/{topic}.{svg|png}, a topic of story ds.
func chartImagePath(ds *data.Dataset, path string) (data.Topic, string, bool) {
	name, ok := strings.CutPrefix(path, "/chart/")
	if !ok {
		return data.Topic{}, "", false
	}
	id, ext, ok := strings.Cut(name, ".")
	if !ok || (ext != "svg" && ext != "png") {
		return data.Topic{}, "", false
	}
	t, ok := ds.Topic(id)
	return t, ext, ok
}

// chartRenders counts the images drawn (tests check the cache with it).
var chartRenders atomic.Int64

func serveChartImage(w http.ResponseWriter, r *http.Request, ds *data.Dataset, s site) {
	t, ext, ok := chartImagePath(ds, r.URL.Path)
	if !ok {
		notFound(w, r)
		return
	}
	chartRenders.Add(1)
	sc, _ := scenario.Decode(ds, r.URL.Query())
	address := strings.TrimPrefix(s.url("/embed/"+t.ID), s.scheme+"://")
	d := widget.ShareCard(t, sc, address).Layout()
	w.Header().Set("Cache-Control", "no-cache")
	if ext == "svg" {
		w.Header().Set("Content-Type", "image/svg+xml; charset=utf-8")
		w.Write(d.SVG())
		return
	}
	b, err := chartimg.PNG(d)
	if err != nil { // unreachable: the fonts are built in and the colours ours
		http.Error(w, "the image could not be drawn", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "image/png")
	w.Write(b)
}
