package pages

// WorkerJS is the service worker (go-app's Handler.ServiceWorkerTemplate;
// go-app fills in {{.Version}} and {{.ResourcesToCache}}). Its policy, so
// that a release (a correction above all) is what readers see on their
// next navigation, with no click and other tabs open, and no page ever
// runs HTML and wasm of two releases:
//   - navigations go to the network first, whatever release answers: the
//     reader gets the current page, prerendered with its query. Only
//     offline, after a 3 s timeout or on a 5xx is the cached page used
//     (matched ignoring the query; the wasm then applies it);
//   - the worker remembers, per page (client), which release it gave it.
//     A page of its own release (cached, or from the network with its
//     version's ETag) gets its files from the cache; a page of another
//     release gets every file from the network, never from this cache; a
//     page it does not know (opened before it took over) gets the network
//     first, then the cache;
//   - a new worker takes over as soon as it has precached its release
//     (skipWaiting): pages already running keep the client they loaded,
//     and web/update.js offers them a reload; it deletes the older caches;
//   - the precache checks that the server still runs this release ("/"
//     names it in a meta tag), so one cache never holds two releases.
//
// ROOT_PAGE in it stands for the dashboard's path, "/" or the path prefix
// with its trailing slash (Handler writes it in).
//
// On a static host the ETags are the host's, so every page fetched online
// counts as another release's and gets its files from the network
// (revalidated in the HTTP cache); offline, the cache serves as above.
const WorkerJS = `// amzwidget service worker, version {{.Version}}
const cacheName = "amzwidget-{{.Version}}";
const resourcesToCache = {{.ResourcesToCache}};
const navigationTimeout = 3000;

// The server's ETag for a page is the version, "-br" or "-gzip" added for
// a compressed body, and weakened to W/"…" by a proxy that compresses
// (nginx with gzip on): each names this version.
const versionTags = ['"{{.Version}}"', '"{{.Version}}-br"', '"{{.Version}}-gzip"'];
function sameVersion(etag) {
  return !!etag && versionTags.includes(etag.replace(/^W\//, ""));
}
const versionMeta = '<meta name="amzwidget-version" content="{{.Version}}">';

// ownPage holds, by client id, whether the page this worker gave that
// client is of its own release (true) or of another (false). Bounded: the
// oldest entries go first.
const ownPage = new Map();
function remember(id, own) {
  if (!id) return;
  ownPage.delete(id);
  ownPage.set(id, own);
  while (ownPage.size > 64) {
    ownPage.delete(ownPage.keys().next().value);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const responses = await Promise.all(resourcesToCache.map((u) => fetch(new Request(u, { cache: "no-cache" }))));
    responses.forEach((res, i) => {
      if (!res.ok) throw new Error("precache " + resourcesToCache[i] + ": " + res.status);
    });
    // The page names its release (on a static host too, where the ETag
    // is the host's own): one cache never holds two releases.
    const root = resourcesToCache.indexOf(ROOT_PAGE);
    if (root >= 0 && !(await responses[root].clone().text()).includes(versionMeta)) {
      throw new Error("the server runs another release than {{.Version}}");
    }
    const cache = await caches.open(cacheName);
    await Promise.all(responses.map((res, i) => cache.put(resourcesToCache[i], res)));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const keys = await caches.keys();
    await Promise.all(keys.filter((k) => k !== cacheName).map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

// A page asks which release the worker runs (web/update.js).
self.addEventListener("message", (event) => {
  if (event.data && event.data.type === "amzwidget:version" && event.ports[0]) {
    event.ports[0].postMessage("{{.Version}}");
  }
});

async function fetchWithin(request, ms) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), ms);
  try {
    return await fetch(request, { signal: ctl.signal });
  } finally {
    clearTimeout(timer);
  }
}

async function navigate(event) {
  const request = event.request;
  const id = event.resultingClientId;
  try {
    const res = await fetchWithin(request, navigationTimeout);
    if (res.status < 500) {
      remember(id, res.ok && sameVersion(res.headers.get("ETag")));
      return res;
    }
  } catch (e) {
    // offline or too slow: the cached page below
  }
  const cache = await caches.open(cacheName);
  const page = await cache.match(request, { ignoreSearch: true });
  if (page) {
    remember(id, true);
    return page;
  }
  remember(id, false);
  return fetch(request);
}

async function subresource(event) {
  const request = event.request;
  const own = ownPage.get(event.clientId);
  if (own === false) {
    return fetch(request); // a page of another release: never this release's files
  }
  const cache = await caches.open(cacheName);
  if (own === true) {
    return (await cache.match(request)) || fetch(request);
  }
  try {
    return await fetch(request);
  } catch (e) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw e;
  }
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET" || new URL(request.url).origin !== self.location.origin) {
    return;
  }
  event.respondWith(request.mode === "navigate" ? navigate(event) : subresource(event));
});
`

// rootPlaceholder is what Handler replaces with the dashboard's path, as a
// JavaScript string, in WorkerJS.
const rootPlaceholder = "ROOT_PAGE"
