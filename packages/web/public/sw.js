/*
 * OpenSSJ service worker (issue 15, 掌上通 offline): keeps the app shell and the inspector's day
 * on the phone. Every built file is cached at install (precache.json, written by the build), so
 * any page opens without a network. A few GET API calls the visit pages need (the session, my
 * visits, one visit) are answered from the network when there is one and from the last answer
 * when there is not. Writes are never cached or replayed here: the page keeps them in IndexedDB
 * and sends them when the connection comes back. Logging out empties the data cache.
 */
const VERSION = 'v1';
const SHELL = `ssj-shell-${VERSION}`;
const DATA = `ssj-data-${VERSION}`;
/** Files of public/ (not in the build's list): the manifest and icons. */
const STATIC = ['/manifest.webmanifest', '/favicon.svg', '/icon-192.png', '/icon-512.png'];
const OFFLINE_API = [
  /^\/api\/auth\/me$/,
  /^\/api\/inspections\/mine(\?.*)?$/,
  /^\/api\/inspections\/[0-9a-f-]{36}$/,
  /^\/api\/holidays(\?.*)?$/,
  /^\/api\/workbench\/todos$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const list = await fetch('/precache.json', { cache: 'no-cache' })
        .then((r) => (r.ok ? r.json() : []))
        .catch(() => []);
      const files = ['/index.html', ...STATIC, ...list.map((f) => `/${f}`)];
      // one at a time, so a phone on a slow network does not open dozens of requests at once
      for (const f of files) {
        try {
          await cache.add(new Request(f, { cache: 'no-cache' }));
        } catch {
          // a file the server does not have (e.g. a source map left out): the rest still caches
        }
      }
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== SHELL && key !== DATA) {
          await caches.delete(key);
        }
      }
      await self.clients.claim();
    })(),
  );
});

/** Network first; the last good answer when the network fails. */
async function networkFirst(request, cacheName, fallbackKey) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(fallbackKey ?? request, response.clone());
    }
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackKey ?? request);
    if (cached !== undefined) {
      return cached;
    }
    throw error;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }
  if (request.method !== 'GET') {
    if (url.pathname === '/api/auth/logout') {
      // nothing of this user stays on a shared phone
      event.respondWith(fetch(request).finally(() => caches.delete(DATA)));
    }
    return;
  }
  if (request.mode === 'navigate') {
    event.respondWith(networkFirst(request, SHELL, '/index.html'));
    return;
  }
  if (url.pathname.startsWith('/assets/') || STATIC.includes(url.pathname)) {
    event.respondWith(
      caches.match(request).then(
        (hit) =>
          hit ??
          fetch(request).then(async (response) => {
            if (response.ok) {
              await (await caches.open(SHELL)).put(request, response.clone());
            }
            return response;
          }),
      ),
    );
    return;
  }
  if (OFFLINE_API.some((re) => re.test(url.pathname + url.search))) {
    event.respondWith(networkFirst(request, DATA));
  }
});

// Background Sync: the browser wakes the worker when the network is back; the open pages send
// what they hold (they have the session's CSRF token, the worker does not).
self.addEventListener('sync', (event) => {
  if (event.tag === 'ssj-outbox') {
    event.waitUntil(
      self.clients
        .matchAll({ type: 'window' })
        .then((clients) => clients.forEach((c) => c.postMessage({ type: 'ssj-sync' }))),
    );
  }
});
