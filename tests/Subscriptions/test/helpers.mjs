// Shared by the subscription tests: the server's address and keys (from run.sh), GraphQL over HTTP, the two real
// clients, and waiting for a condition (bounded, never a timed assertion).
import WebSocket from 'ws';
import { createClient as createWsClient } from 'graphql-ws';
import { createClient as createSseClient } from 'graphql-sse';

export const url = process.env.SITE_URL;
export const wsUrl = url.replace(/^http/, 'ws') + '/graphql';
export const operatorKey = process.env.OPERATOR_KEY;
export const agencyA = process.env.AGENCY_A;
export const agencyAKey = process.env.AGENCY_A_KEY;
export const agencyB = process.env.AGENCY_B;

export async function gql(query, variables, key) {
  const r = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await r.json();
  if (body.errors) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

/** Polls until fn() returns a truthy value; fails after 60 s with the last value seen. */
export async function waitFor(what, fn) {
  const deadline = Date.now() + 60_000;
  let last;
  while (Date.now() < deadline) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what} (last: ${JSON.stringify(last)})`);
}

export async function liveCounts() {
  const r = await fetch(`${url}/health/ready`);
  return (await r.json()).subscriptions;
}

/** Waits until the server holds exactly n subscriptions (so a following mutation cannot race a subscribe). */
export const activeSubscriptions = (n) => waitFor(`${n} active subscriptions`, async () => ((await liveCounts()).active === n ? true : null));

export function wsClient(key) {
  const closes = [];
  const client = createWsClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    connectionParams: key ? { Authorization: `Bearer ${key}` } : {},
    onNonLazyError: () => {}, // closes are recorded in on.closed and asserted where they matter
    on: { closed: (e) => closes.push({ code: e.code, reason: e.reason }) },
  });
  client.closes = closes;
  return client;
}

export function sseClient(key) {
  return createSseClient({
    url: `${url}/graphql`,
    singleConnection: false,
    retryAttempts: 0,
    headers: key ? { authorization: `Bearer ${key}` } : {},
  });
}

/**
 * Subscribes through either client and records what arrives: results, the error, completion. `next()` waits for
 * the next result (bounded), `ended` settles when the operation ends.
 */
export function watch(client, payload) {
  const results = [];
  const waiters = [];
  let error = null;
  let completed = false;
  let settle;
  const ended = new Promise((r) => { settle = r; });
  const unsubscribe = client.subscribe(payload, {
    next: (r) => { results.push(r); waiters.splice(0).forEach((w) => w()); },
    error: (e) => { error = e; settle(); waiters.splice(0).forEach((w) => w()); },
    complete: () => { completed = true; settle(); waiters.splice(0).forEach((w) => w()); },
  });
  let taken = 0;
  return {
    results,
    ended,
    get error() { return error; },
    get completed() { return completed; },
    unsubscribe,
    async next() {
      const deadline = Date.now() + 60_000;
      while (results.length <= taken) {
        if (error || completed) throw new Error(`ended without a result: ${JSON.stringify(error) ?? 'completed'}`);
        if (Date.now() > deadline) throw new Error('no result within 60 s');
        await new Promise((r) => { waiters.push(r); setTimeout(r, 1000); });
      }
      return results[taken++];
    },
  };
}

let submitted = 0;
/** A new public case, submitted anonymously and waited for on the read side. */
export async function newCase() {
  submitted += 1;
  const d = await gql(`mutation($i: SubmitCaseInput!) { submitCase(input: $i) { trackingCode } }`, {
    i: { kind: 'FIELD_REPORT', category: 'sanitation_environment', description: `Live test case ${submitted}`, ward: 'Phú Xuân', location: { latitude: 16.481, longitude: 107.563 } },
  });
  const code = d.submitCase.trackingCode;
  await waitFor(`${code} on the read side`, async () => (await gql('query($c: String!) { case(trackingCode: $c) { trackingCode } }', { c: code })).case);
  return code;
}

export const caseUpdated = (code) => ({
  query: 'subscription($c: String!) { caseUpdated(trackingCode: $c) { trackingCode status timeline { step } } }',
  variables: { c: code },
});

export const verify = (code) =>
  gql('mutation($c: String!) { verifyCase(input: { trackingCode: $c }) { case { trackingCode } } }', { c: code }, operatorKey);
