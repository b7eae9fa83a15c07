// caseUpdated over both transports: a mutation through the API reaches the case's subscribers once the projection
// has it, with exactly what a query then reads; a subscriber of another case hears nothing of it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeSubscriptions, caseUpdated, gql, newCase, sseClient, verify, watch, wsClient } from './helpers.mjs';

const read = async (code) =>
  (await gql('query($c: String!) { case(trackingCode: $c) { trackingCode status timeline { step } } }', { c: code })).case;

for (const [transport, makeClient] of [['graphql-ws', wsClient], ['graphql-sse', sseClient]]) {
  test(`${transport}: a mutation reaches the case's subscriber, and a subscriber of another case gets nothing`, async () => {
    const [mine, other] = [await newCase(), await newCase()];
    const client = makeClient();
    const watchMine = watch(client, caseUpdated(mine));
    const watchOther = watch(client, caseUpdated(other));
    try {
      await activeSubscriptions(2);
      await verify(mine);
      const event = await watchMine.next();
      assert.equal(event.errors, undefined);
      assert.equal(event.data.caseUpdated.trackingCode, mine);
      assert.equal(event.data.caseUpdated.status, 'VERIFIED');
      // The event came after the projection committed: the read side already says the same.
      assert.deepEqual(event.data.caseUpdated, await read(mine));

      // The other subscriber heard nothing of it: its first event is about its own case, after its own change.
      assert.equal(watchOther.results.length, 0);
      await verify(other);
      const own = await watchOther.next();
      assert.equal(own.data.caseUpdated.trackingCode, other);
      assert.equal(own.data.caseUpdated.status, 'VERIFIED');
      assert.equal(watchMine.results.length, 1, 'the first subscriber heard nothing of the other case');
    } finally {
      watchMine.unsubscribe();
      watchOther.unsubscribe();
      client.dispose();
    }
    await activeSubscriptions(0);
  });
}

test('graphql-ws: an unknown tracking code is refused with CASE_NOT_FOUND, and a query over the socket answers once', async () => {
  const client = wsClient();
  try {
    const unknown = watch(client, caseUpdated('HUE-1999-000000'));
    await unknown.ended;
    assert.equal(unknown.results[0].errors[0].extensions.code, 'CASE_NOT_FOUND');
    assert.equal(unknown.completed, true);

    const query = watch(client, { query: '{ me { role } }' });
    await query.ended;
    assert.deepEqual(query.results, [{ data: { me: { role: 'PUBLIC' } } }]);
  } finally {
    client.dispose();
  }
});

test('graphql-ws: an invalid document gets an error message with its code', async () => {
  const client = wsClient();
  try {
    const bad = watch(client, { query: 'subscription { caseUpdated(trackingCode: 1) { nope } }' });
    await bad.ended;
    assert.ok(Array.isArray(bad.error), 'the error message carries the GraphQL errors');
    assert.ok(bad.error.every((e) => e.extensions.code === 'GRAPHQL_VALIDATION_FAILED'));
  } finally {
    client.dispose();
  }
});

test('graphql-ws: a case followed the moment submitCase returns sends its received view, then its verified one', async () => {
  const client = wsClient();
  try {
    const d = await gql(`mutation($i: SubmitCaseInput!) { submitCase(input: $i) { trackingCode } }`, {
      i: { kind: 'FIELD_REPORT', category: 'sanitation_environment', description: 'Followed at once', ward: 'Phú Xuân', location: { latitude: 16.481, longitude: 107.563 } },
    });
    // No wait for the read side: the write side knows the case, so the subscription is accepted at once. afterVersion 0:
    // the received view is sent whether the projection publishes it after the subscription or had it just before.
    const code = d.submitCase.trackingCode;
    const live = watch(client, {
      query: 'subscription($c: String!) { caseUpdated(trackingCode: $c, afterVersion: 0) { trackingCode status timeline { step } } }',
      variables: { c: code },
    });
    const received = await live.next();
    assert.equal(received.errors, undefined);
    assert.equal(received.data.caseUpdated.trackingCode, code);
    assert.equal(received.data.caseUpdated.status, 'RECEIVED');
    await verify(code);
    let verified = await live.next();
    // The received view may be announced twice (the subscription's own look, then the projection's notice of it).
    if (verified.data.caseUpdated.status === 'RECEIVED') verified = await live.next();
    assert.equal(verified.data.caseUpdated.status, 'VERIFIED');
    live.unsubscribe();
  } finally {
    client.dispose();
  }
});

test('graphql-ws: a malformed tracking code is refused with VALIDATION_FAILED on trackingCode', async () => {
  const client = wsClient();
  try {
    const bad = watch(client, caseUpdated('not a code'));
    await bad.ended;
    assert.equal(bad.results[0].errors[0].extensions.code, 'VALIDATION_FAILED');
    assert.equal(bad.results[0].errors[0].extensions.field, 'trackingCode');
  } finally {
    client.dispose();
  }
});
