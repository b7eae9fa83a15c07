// queueChanged: an agency watches its own queue with its key; another agency's queue, or none without a key, is
// refused with FORBIDDEN; a bad key refuses the whole connection (4403).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeSubscriptions, agencyA, agencyAKey, agencyB, gql, newCase, operatorKey, watch, wsClient, waitFor } from './helpers.mjs';

const queueChanged = (agencyId) => ({
  query: 'subscription($a: ID) { queueChanged(agencyId: $a) { trackingCode status } }',
  variables: agencyId === undefined ? {} : { a: agencyId },
});

test("an agency's subscriber hears of a case assigned to it", async () => {
  const code = await newCase();
  await gql('mutation($c: String!) { verifyCase(input: { trackingCode: $c }) { case { trackingCode } } }', { c: code }, operatorKey);
  const client = wsClient(agencyAKey);
  const queue = watch(client, queueChanged());
  try {
    await activeSubscriptions(1);
    await gql('mutation($c: String!, $a: ID!) { assignCase(input: { trackingCode: $c, leadAgency: $a }) { case { trackingCode } } }',
      { c: code, a: agencyA }, operatorKey);
    let event = await queue.next();
    // Other changes of this queue may come first (none in this run); the assignment shows in one of them.
    while (!event.data.queueChanged.some((q) => q.trackingCode === code)) event = await queue.next();
    assert.equal(event.errors, undefined);
    assert.equal(event.data.queueChanged.find((q) => q.trackingCode === code).status, 'assigned');
  } finally {
    queue.unsubscribe();
    client.dispose();
  }
  await activeSubscriptions(0);
});

test("an agency subscribing to another agency's queue is refused with FORBIDDEN", async () => {
  const client = wsClient(agencyAKey);
  try {
    const other = watch(client, queueChanged(agencyB));
    await other.ended;
    assert.equal(other.results.length, 1);
    assert.equal(other.results[0].errors[0].extensions.code, 'FORBIDDEN');
    assert.equal(other.results[0].data, undefined, 'the subscription never started');
  } finally {
    client.dispose();
  }
});

test('the public subscribing to a queue is refused with FORBIDDEN', async () => {
  const client = wsClient();
  try {
    const anyQueue = watch(client, queueChanged(agencyA));
    await anyQueue.ended;
    assert.equal(anyQueue.results[0].errors[0].extensions.code, 'FORBIDDEN');
  } finally {
    client.dispose();
  }
});

test('an unknown key in connection_init closes the socket with 4403', async () => {
  const client = wsClient('not-a-key');
  try {
    const refused = watch(client, queueChanged());
    await refused.ended;
    await waitFor('the close event', () => client.closes.length > 0);
    assert.equal(client.closes[0].code, 4403);
    assert.match(client.closes[0].reason, /Unknown API key/);
  } finally {
    client.dispose();
  }
});
