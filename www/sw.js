// The offline service worker (after eframe_template's sw.js). The build hook
// (scripts/trunk-post-build.mjs) prepends VERSION and PRECACHE, and writes the
// result to the root of dist/ as sw.js, so that its scope is the whole site.
/* global VERSION, PRECACHE */
const CACHE = `gan-playground-${VERSION}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  // A new build has a new VERSION: drop every older cache of ours.
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith('gan-playground-') && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  if (event.request.method !== 'GET') return;
  // Cache first (the bundle's names are versioned); the page itself matches
  // whatever its query and hash, so a shared link works offline too.
  event.respondWith(
    caches.open(CACHE).then(async (cache) => {
      const hit = await cache.match(event.request, { ignoreSearch: event.request.mode === 'navigate' });
      return hit ?? fetch(event.request);
    }),
  );
});
