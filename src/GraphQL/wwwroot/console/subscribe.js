// The console's live connection: one graphql-ws client (graphql-transport-ws to /graphql on this origin, the
// bundle scripts/frontend makes from npm). The browser sends the session cookie with the upgrade, and
// connection_init carries the session's CSRF token, as every POST does: together they sign the socket in (the
// server refuses them from any other origin). A socket belongs to one session: signing in or out drops it
// (resetLive), so the next page opens one for the new user.

import { session } from './session.js';

let clientPromise = null;
let connected = false;
const modeListeners = new Set();

/** The server refused the socket (4403: session over, another origin): retrying cannot help; pages poll instead. */
const refused = (e) => e && typeof e === 'object' && 'code' in e && e.code === 4403;

function client() {
  clientPromise ??= import('../vendor/graphql-ws.js')
    .then(({ createClient }) => createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      lazy: true,
      lazyCloseTimeout: 3000,
      retryAttempts: Infinity,
      shouldRetry: (e) => e && typeof e === 'object' && 'code' in e && !refused(e),
      connectionParams: () => ({ 'X-CSRF-Token': session()?.csrfToken ?? '' }),
      on: {
        connected: () => setConnected(true),
        closed: () => setConnected(false),
      },
    }))
    .catch((error) => {
      console.warn('live updates unavailable:', error);
      return null;
    });
  return clientPromise;
}

function setConnected(value) {
  connected = value;
  for (const listen of modeListeners) listen(value);
}

/** Drops the socket (a new session, or none): the next subscription opens one with the current cookie. */
export async function resetLive() {
  const pending = clientPromise;
  clientPromise = null;
  connected = false;
  const c = await pending?.catch(() => null);
  c?.dispose();
}

/**
 * Subscribes while a page is shown. handlers: onLive(bool) each time the socket is up or down, onEvent(result)
 * for each result, onEnd(error|null) when the subscription ends for good (refused, completed by the server).
 * Returns a function that stops it.
 */
export function subscribe(request, { onLive, onEvent, onEnd }) {
  let stopped = false;
  let stop = () => {};
  const listen = (up) => { if (!stopped) onLive(up); };
  modeListeners.add(listen);
  client().then((c) => {
    if (stopped) return;
    if (!c) { onEnd(new Error('no live client')); return; }
    if (connected) onLive(true);
    stop = c.subscribe(request, {
      next: (result) => { if (!stopped) onEvent(result); },
      error: (error) => { if (!stopped) { stopped = true; modeListeners.delete(listen); onEnd(error); } },
      complete: () => { if (!stopped) { stopped = true; modeListeners.delete(listen); onEnd(null); } },
    });
  });
  return () => {
    stopped = true;
    modeListeners.delete(listen);
    stop();
  };
}
