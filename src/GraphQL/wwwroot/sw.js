// The site's service worker (issue 22, Web Push): it does one thing, show the notifications the server pushes about a
// case a citizen follows in this browser, and open (or focus) the case page when one is clicked. It caches nothing
// and intercepts no request, so the site behaves exactly as without it.
// The payload (encrypted by the server to this browser's keys; the browser decrypts it) is JSON:
// { title, body, url, tag }, with the tracking code as the tag so a newer message about a case replaces the older.

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    message = { body: event.data ? event.data.text() : '' };
  }
  const url = sameOrigin(message.url) ?? '/';
  event.waitUntil(self.registration.showNotification(message.title || 'Huế IOC', {
    body: message.body || '', tag: message.tag || undefined, renotify: Boolean(message.tag), data: { url },
    lang: /[À-ỹ]/.test(`${message.title}${message.body}`) ? 'vi' : 'en',
  }));
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = sameOrigin(event.notification.data?.url) ?? '/';
  event.waitUntil((async () => {
    const open = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    const here = open.find((c) => new URL(c.url).origin === self.location.origin);
    if (here) {
      await here.focus();
      return here.navigate(url);
    }
    return self.clients.openWindow(url);
  })());
});

/** Only a page of this site: the server's base URL may differ from how this browser reached it, so keep the path. */
function sameOrigin(url) {
  try {
    const u = new URL(url, self.location.origin);
    return new URL(u.pathname + u.search + u.hash, self.location.origin).href;
  } catch {
    return null;
  }
}
