// Live updates for the page on screen: one graphql-ws client (graphql-transport-ws over a WebSocket to /graphql,
// the bundle scripts/frontend makes from npm), subscriptions that end when the reader leaves the page. Without
// the bundle, or when the socket cannot open, pages simply stay as loaded.

let clientPromise = null;
const active = new Set();

function client() {
  clientPromise ??= import('./vendor/graphql-ws.js')
    .then(({ createClient }) => createClient({
      url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
      lazy: true,
      // The socket closes a moment after the last subscription ends; it reopens for the next page that watches.
      lazyCloseTimeout: 3000,
      retryAttempts: Infinity,
      shouldRetry: () => true,
    }))
    .catch((error) => {
      console.warn('live updates unavailable:', error);
      return null;
    });
  return clientPromise;
}

/**
 * Subscribes to `query` while the current page is shown; `onData` gets each result's data, `onErrors` (optional)
 * the GraphQL errors a refused subscription answers with. Returns a promise of a function that stops it (also done
 * by stopAll when the page changes).
 */
export async function watch(query, variables, onData, onErrors) {
  const c = await client();
  if (!c) return () => {};
  const stop = c.subscribe({ query, variables }, {
    next: (result) => {
      if (result.data) onData(result.data);
      else if (result.errors) onErrors?.(result.errors);
    },
    error: (error) => {
      console.warn('live update ended:', error);
      if (Array.isArray(error)) onErrors?.(error);
    },
    complete: () => {},
  });
  active.add(stop);
  return () => { active.delete(stop); stop(); };
}

/** Ends every subscription of the page being left. */
export function stopAll() {
  for (const stop of active) stop();
  active.clear();
}
