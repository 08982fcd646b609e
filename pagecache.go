package main

import (
	"container/list"
	"net/http"
	"net/url"
	"slices"
	"strconv"
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
	site    publicSite
	mu      sync.Mutex
	ll      *list.List
	entries map[string]*list.Element
}

type cachedPage struct {
	key    string
	header http.Header
	body   []byte
}

// maxCachedPages bounds the cache: at ~60 KB a page, about 15 MB.
const maxCachedPages = 256

func newPageCache(next http.Handler, max int, ps publicSite) *pageCache {
	return &pageCache{next: next, max: max, site: ps, ll: list.New(), entries: map[string]*list.Element{}}
}

func (c *pageCache) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	key, ok := c.key(r)
	if !ok {
		c.next.ServeHTTP(w, r)
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
		// Each response gets its own copy of the header values: a handler
		// or wrapper after us may change them in place.
		hd := w.Header()
		for k, vs := range p.header {
			hd[k] = slices.Clone(vs)
		}
		if etag := p.header.Get("ETag"); etag != "" && r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Length", strconv.Itoa(len(p.body)))
		if r.Method == http.MethodGet {
			w.Write(p.body)
		}
		return
	}
	rec := &bufferedWriter{header: http.Header{}}
	c.next.ServeHTTP(rec, r)
	for k, vs := range rec.header {
		w.Header()[k] = vs
	}
	if rec.status != 0 {
		w.WriteHeader(rec.status)
	}
	w.Write(rec.buf.Bytes())
	if (rec.status == 0 || rec.status == http.StatusOK) && r.Method == http.MethodGet {
		c.put(&cachedPage{key: key, header: rec.header.Clone(), body: rec.buf.Bytes()})
	}
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
		sc, probs := scenario.Decode(data.Default(), q)
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
