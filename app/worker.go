package app

// WorkerJS is the service worker (go-app's Handler.ServiceWorkerTemplate;
// go-app fills in {{.Version}} and {{.ResourcesToCache}}). Compared with
// go-app's default it:
//   - matches navigations ignoring the query string, so a shared link such
//     as /?workforce=300000 opens offline (the wasm then applies the query);
//   - waits instead of taking over at once: a new version installs beside
//     the old one, the page offers "reload" (web/update.js), and only on
//     that request does the new worker activate, delete the old caches and
//     reload every page it controls — so no page runs the old wasm against
//     new HTML or the reverse;
//   - serves a page from the network when the server runs this very
//     version (go-app's ETag is the version), so a shared link is
//     prerendered with its scenario; otherwise (offline, slow, or another
//     version) from the cache, whose HTML matches the cached wasm;
//   - caches only what it precached: everything of one version comes from
//     one cache named by the version.
const WorkerJS = `// amzwidget service worker, version {{.Version}}
const cacheName = "amzwidget-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};

// The server's ETag for a page is the version, "-br" or "-gzip" added for
// a compressed body, and weakened to W/"…" by a proxy that compresses
// (nginx with gzip on): each names this version.
const versionTags = ['"{{.Version}}"', '"{{.Version}}-br"', '"{{.Version}}-gzip"'];
function sameVersion(etag) {
  return !!etag && versionTags.includes(etag.replace(/^W\//, ""));
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(cacheName);
    await cache.addAll(resourcesToCache);
    // The first worker has nothing to replace: it may start at once.
    if (!self.registration.active) {
      await self.skipWaiting();
    }
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "amzwidget:activate") {
    self.skipWaiting();
  }
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") {
    return;
  }
  event.respondWith((async () => {
    const cache = await caches.open(cacheName);
    if (request.mode === "navigate") {
      try {
        const ctl = new AbortController();
        const timer = setTimeout(() => ctl.abort(), 3000);
        const res = await fetch(request, { signal: ctl.signal });
        clearTimeout(timer);
        if (res.ok && sameVersion(res.headers.get("ETag"))) {
          return res;
        }
      } catch (e) {
        // offline or too slow: the cached page below
      }
      const page = await cache.match(request, { ignoreSearch: true });
      if (page) {
        return page;
      }
      return fetch(request);
    }
    const cached = await cache.match(request);
    if (cached) {
      return cached;
    }
    return fetch(request);
  })());
});
`
