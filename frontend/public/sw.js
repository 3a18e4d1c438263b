/*
 * Supervision's service worker: keeps the app shell (index.html and the built /assets/*) on the
 * device so that a reload with no connection still opens the app. It never caches /api/:
 * records are personal data, and their offline copies live encrypted in IndexedDB instead.
 */
const CACHE = 'supervision-shell-v1';
const SHELL = '/index.html';

const isApi = (url) => url.pathname.startsWith('/api/') || url.pathname === '/health';

/** index.html and the scripts and styles it names. */
async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: 'no-cache' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  await Promise.all(
    assets.map((asset) =>
      fetch(asset)
        .then((r) => (r.ok ? cache.put(asset, r) : undefined))
        .catch(() => undefined),
    ),
  );
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().catch(() => undefined).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin || isApi(url)) return;

  // Pages: the network first (a new release shows at once), the cached shell when offline.
  if (request.mode === 'navigate') {
    if (url.pathname.startsWith('/api-docs')) return;
    event.respondWith(
      fetch(request)
        .then((response) => {
          const html = (response.headers.get('Content-Type') ?? '').includes('text/html');
          if (response.ok && html) {
            const copy = response.clone();
            caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return response;
        })
        .catch(() => caches.match(SHELL).then((cached) => cached ?? Response.error())),
    );
    return;
  }

  // Built files have their content hash in the name: the cache first, kept once fetched.
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request).then(
        (cached) =>
          cached ??
          fetch(request).then((response) => {
            if (response.ok) {
              const copy = response.clone();
              caches.open(CACHE).then((cache) => cache.put(request, copy));
            }
            return response;
          }),
      ),
    );
  }
});
