package main

import (
	"container/list"
	"net/http"
	"net/url"
	"sync"

	"amzwidget/data"
	"amzwidget/scenario"
)

// pageCache keeps prerendered pages in memory. go-app renders a whole page
// for every request (a few milliseconds of CPU); the same page for the
// same scenario and release is always the same bytes, so it is rendered
// once. Only pages whose query is the canonical encoding of a valid
// scenario are kept (a refused value's note, or a host's own parameters,
// are rendered each time), in a bounded least-recently-used list, so a
// flood of distinct URLs cannot grow memory.
type pageCache struct {
	next    http.Handler
	max     int
	data    *data.Dataset // the story: its parameters make a query canonical
	site    publicSite
	mu      sync.Mutex
	ll      *list.List
	entries map[string]*list.Element
}

type cachedPage struct {
	key string
	rep *representation
}

// maxCachedPages bounds the cache: at ~60 KB a page, about 15 MB.
const maxCachedPages = 256

func newPageCache(next http.Handler, max int, ds *data.Dataset, ps publicSite) *pageCache {
	return &pageCache{next: next, max: max, data: ds, site: ps, ll: list.New(), entries: map[string]*list.Element{}}
}

// ServeHTTP serves a page from the cache, or renders it (always as a GET,
// so that HEAD gets GET's headers) and keeps it if it may. A kept page is
// compressed once, when it is rendered; one rendered for a single request
// is compressed for it.
func (c *pageCache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key, ok := c.key(r)
	if !ok {
		negotiated(c.next).ServeHTTP(w, r)
		return
	}
	// The entry is read under the lock: put replaces an element's value
	// when two misses of the same page race.
	var p *cachedPage
	c.mu.Lock()
	el, hit := c.entries[key]
	if hit {
		c.ll.MoveToFront(el)
		p = el.Value.(*cachedPage)
	}
	c.mu.Unlock()
	if hit {
		p.rep.serve(w, r)
		return
	}
	rec := &bufferedWriter{header: http.Header{}}
	c.next.ServeHTTP(rec, renderRequest(r))
	if rec.status != 0 && rec.status != http.StatusOK {
		serveRecorded(w, r, rec)
		return
	}
	p = &cachedPage{key: key, rep: newRepresentation(rec.header, rec.buf.Bytes(), brCacheLevel, "")}
	c.put(p)
	p.rep.serve(w, r)
}

// key is the cache key of a page request: the site (the oEmbed discovery
// link and og:url name it: scheme, host and prefix), the path and the
// canonical query; ok is false for a request that must be rendered.
func (c *pageCache) key(r *http.Request) (string, bool) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		return "", false
	}
	if r.URL.RawQuery != "" {
		q, err := url.ParseQuery(r.URL.RawQuery)
		if err != nil {
			return "", false
		}
		sc, probs := scenario.Decode(c.data, q)
		if len(probs) > 0 || sc.Query() != r.URL.RawQuery {
			return "", false
		}
	}
	return c.site.of(r).url(r.URL.Path) + "?" + r.URL.RawQuery, true
}

func (c *pageCache) put(p *cachedPage) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[p.key]; ok {
		el.Value = p
		c.ll.MoveToFront(el)
		return
	}
	c.entries[p.key] = c.ll.PushFront(p)
	for c.ll.Len() > c.max {
		old := c.ll.Back()
		c.ll.Remove(old)
		delete(c.entries, old.Value.(*cachedPage).key)
	}
}
