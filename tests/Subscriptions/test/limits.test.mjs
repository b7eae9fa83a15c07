// Bounds (run.sh starts the server with 3 subscriptions per connection and 8 per client) and leaks: every
// subscription, however it ends, leaves the server's count, which returns to zero.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeSubscriptions, caseUpdated, liveCounts, newCase, sseClient, watch, wsClient } from './helpers.mjs';

let code;
test.before(async () => { code = await newCase(); });

test('a connection over its subscription limit is refused with a clear error, the others keep running', async () => {
  const client = wsClient();
  const open = [0, 1, 2].map(() => watch(client, caseUpdated(code)));
  try {
    await activeSubscriptions(3);
    const fourth = watch(client, caseUpdated(code));
    await fourth.ended;
    assert.equal(fourth.error[0].extensions.code, 'SUBSCRIPTION_LIMIT');
    assert.match(fourth.error[0].message, /at most 3 at once/);
    assert.equal((await liveCounts()).active, 3, 'the refused one took no slot, the others are still there');
  } finally {
    open.forEach((w) => w.unsubscribe());
    client.dispose();
  }
  await activeSubscriptions(0);
});

test('a client over its limit across connections and transports is refused with a clear error', async () => {
  const clients = [wsClient(), wsClient(), sseClient()];
  const open = [
    ...[0, 1, 2].map(() => watch(clients[0], caseUpdated(code))),
    ...[0, 1, 2].map(() => watch(clients[1], caseUpdated(code))),
    ...[0, 1].map(() => watch(clients[2], caseUpdated(code))),
  ];
  try {
    await activeSubscriptions(8);
    const another = wsClient();
    clients.push(another);
    const overWs = watch(another, caseUpdated(code));
    await overWs.ended;
    assert.equal(overWs.error[0].extensions.code, 'SUBSCRIPTION_LIMIT');
    assert.match(overWs.error[0].message, /for this client: at most 8/);
    const overSse = watch(clients[2], caseUpdated(code));
    await overSse.ended;
    assert.equal(overSse.results[0].errors[0].extensions.code, 'SUBSCRIPTION_LIMIT');
  } finally {
    open.forEach((w) => w.unsubscribe());
    clients.forEach((c) => c.dispose());
  }
  await activeSubscriptions(0);
});

test('subscribers that disconnect, politely or not, leak nothing', async () => {
  const polite = wsClient();
  const rude = wsClient();
  const sse = sseClient();
  let rudeSocket;
  rude.on('connected', (socket) => { rudeSocket = socket; });
  const watches = [watch(polite, caseUpdated(code)), watch(polite, caseUpdated(code)), watch(rude, caseUpdated(code)),
    watch(rude, caseUpdated(code)), watch(sse, caseUpdated(code))];
  await activeSubscriptions(5);
  const during = await liveCounts();
  assert.equal(during.watchers, 5, 'each subscription watches its view');

  polite.dispose(); // complete messages, then a normal close
  rudeSocket.terminate(); // the TCP connection cut, no close frame
  watches[4].unsubscribe(); // graphql-sse: the event stream aborted
  await activeSubscriptions(0);
  const after = await liveCounts();
  assert.deepEqual(after, { active: 0, clients: 0, watchers: 0 });
  rude.dispose();
  sse.dispose();
});
