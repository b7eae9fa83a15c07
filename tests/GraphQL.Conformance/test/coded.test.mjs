// The endpoint as configured in production (GraphQLHttpOptions.PublicEndpoint, the preset the Cases host uses), on the
// sample schema at /graphql-production: its limits, CodeRequestErrors and PublicCacheMaxAge. Request errors gain an extensions.code and nothing else: message and locations stay graphql-js
// 17.1's. The graphql-http audit still passes, and only anonymous, successful GET queries may be cached.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditServer } from 'graphql-http';
import { getOperationAST } from 'graphql';
import cases from '../corpus/execution/cases.mjs';
import { endpoint, errorKeys, get, parse, post, referenceSchema, runReference, validate } from './helpers.mjs';

const coded = endpoint('/graphql-production');

/** The code our coded endpoint gives a request error graphql-js reports for this entry. */
function expectedCode(entry) {
  let document;
  try {
    document = parse(entry.query);
  } catch {
    return 'GRAPHQL_PARSE_FAILED';
  }
  if (validate(referenceSchema, document).length > 0) return 'GRAPHQL_VALIDATION_FAILED';
  return getOperationAST(document, entry.operationName) ? 'BAD_USER_INPUT' : 'OPERATION_RESOLUTION_FAILURE';
}

test('graphql-http auditServer against the production configuration: all 61 audits pass', async () => {
  const results = await auditServer({ url: coded, fetchFn: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(30_000) }) });
  const failed = results.filter((r) => r.status !== 'ok');
  assert.deepEqual(failed.map((r) => `${r.id} ${r.name}: ${r.reason}`), []);
  assert.equal(results.length, 61);
});

test('request errors of the execution corpus get a code and keep graphql-js message and locations', async () => {
  const seen = {};
  for (const entry of cases.filter((c) => !c.endpoint)) {
    const ref = await runReference(entry);
    if ('data' in ref) continue;
    const { query, variables, operationName } = entry;
    const ours = await post({ query, variables, operationName }, { to: coded });
    assert.equal(ours.status, 200, `${entry.name}: ${ours.text}`);
    assert.equal('data' in ours.json, false, `${entry.name}: ${ours.text}`);
    assert.deepEqual(errorKeys(ours.json.errors), errorKeys(ref.errors), `${entry.name}\nours: ${ours.text}\nref: ${JSON.stringify(ref)}`);
    const code = expectedCode(entry);
    for (const e of ours.json.errors) assert.equal(e.extensions?.code, code, `${entry.name}: ${ours.text}`);
    seen[code] = (seen[code] ?? 0) + 1;
  }
  console.log(`coded request errors: ${JSON.stringify(seen)}`);
  assert.ok(seen.BAD_USER_INPUT >= 10, `only ${seen.BAD_USER_INPUT} variable-coercion cases`);
  assert.ok(seen.OPERATION_RESOLUTION_FAILURE >= 2, `only ${seen.OPERATION_RESOLUTION_FAILURE} operation cases`);
});

test('a bad variable over GET is coded the same way', async () => {
  const res = await get({ query: 'query Q($v: Int) { echoInt(value: $v) }', variables: { v: 'x' } }, { to: coded });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.errors[0].extensions?.code, 'BAD_USER_INPUT');
  assert.equal(res.json.errors[0].message, 'Variable "$v" has invalid value: Int cannot represent non-integer value: "x"');
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('without PublicCacheMaxAge nothing may be stored', async () => {
  const res = await get({ query: '{ hello }' });
  assert.deepEqual(res.json, { data: { hello: 'world' } });
  assert.equal(res.headers.get('cache-control'), 'no-store');
});

test('only an anonymous GET query that succeeds may be cached, keyed by Accept and Authorization', async () => {
  const ok = await get({ query: '{ hello }' }, { to: coded });
  assert.deepEqual(ok.json, { data: { hello: 'world' } });
  assert.equal(ok.headers.get('cache-control'), 'public, max-age=30');
  assert.equal(ok.headers.get('vary'), 'Accept, Authorization');

  const u = new URL(coded);
  u.searchParams.set('query', '{ hello }');
  const withKey = await fetch(u, { headers: { authorization: 'Bearer k' }, signal: AbortSignal.timeout(10_000) });
  assert.equal(withKey.status, 200);
  assert.equal(withKey.headers.get('cache-control'), 'no-store');

  const fieldError = await get({ query: '{ failing hello }' }, { to: coded });
  assert.equal(fieldError.json.data.hello, 'world');
  assert.equal(fieldError.headers.get('cache-control'), 'no-store');
  const invalid = await get({ query: '{ nope }' }, { to: coded });
  assert.equal(invalid.json.errors[0].extensions?.code, 'GRAPHQL_VALIDATION_FAILED');
  assert.equal(invalid.headers.get('cache-control'), 'no-store');
  const mutation = await get({ query: 'mutation { increment }' }, { to: coded });
  assert.equal(mutation.status, 405);
  assert.equal(mutation.headers.get('cache-control'), 'no-store');
  const posted = await post({ query: '{ hello }' }, { to: coded });
  assert.deepEqual(posted.json, { data: { hello: 'world' } });
  assert.equal(posted.headers.get('cache-control'), 'no-store');
});
