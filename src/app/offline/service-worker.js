/*
 * Portolan's service worker: once the planner has been opened, it loads and works with the
 * network off. Every file of the build is cached when a version installs (the list and the
 * version are written in at build time, see the offline plugin in vite.config.ts), and every
 * request of this origin is answered from that cache first. A new version waits until the page
 * asks it to take over (the person chose "Reload"), so a tab never changes code under a plan
 * being edited. Nothing here talks to any other origin.
 */
const PRECACHE = self.__PORTOLAN_PRECACHE__;
const CACHE = `portolan-${PRECACHE.version}`;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.files)));
});

self.addEventListener('message', (event) => {
  if (event.data === 'take-over') void self.skipWaiting();
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys.filter((k) => k.startsWith('portolan-') && k !== CACHE).map((k) => caches.delete(k)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  // Every page of the app is the one page (plans travel in the address's fragment).
  const key = request.mode === 'navigate' ? '/' : request;
  // ignoreVary: the server varies on Origin, which module scripts send and the install did not.
  event.respondWith(
    caches
      .open(CACHE)
      .then((cache) => cache.match(key, { ignoreVary: true }).then((hit) => hit ?? fetch(request))),
  );
});
