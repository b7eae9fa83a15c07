// Monaco (GraphiQL 5's editor) runs its language services in web workers. They are bundled beside the explorer
// (build-explorer.mjs) and started from this server, so the explorer works offline and needs no CDN.
const base = new URL('./', import.meta.url);

globalThis.MonacoEnvironment = {
  getWorker(_workerId, label) {
    const file = label === 'graphql' ? 'graphql.worker.js' : label === 'json' ? 'json.worker.js' : 'editor.worker.js';
    return new Worker(new URL(file, base));
  },
};
