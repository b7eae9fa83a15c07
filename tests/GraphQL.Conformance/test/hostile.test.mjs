// Hostile input: each request must come back quickly with a 4xx or 200 and a well-formed GraphQL response,
// never a 500, a dropped connection or a hang. Every request is bounded in time; the server is on loopback.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { assertWellFormedResponse, post } from './helpers.mjs';

const LIMIT_MS = 15_000;

async function expectQuickAnswer(name, body, { accept = 'application/json', statuses } = {}) {
  const started = Date.now();
  const res = await post(body, { accept });
  const elapsed = Date.now() - started;
  assert.ok(elapsed < LIMIT_MS, `${name}: took ${elapsed} ms`);
  assert.ok(res.status < 500, `${name}: status ${res.status}: ${res.text.slice(0, 300)}`);
  if (statuses) assert.ok(statuses.includes(res.status), `${name}: status ${res.status}, expected ${statuses}: ${res.text.slice(0, 300)}`);
  assert.ok(res.json !== undefined, `${name}: not JSON: ${res.text.slice(0, 300)}`);
  assertWellFormedResponse(res.json, name);
  return res;
}

test('random bytes as a JSON body', async () => {
  for (let i = 0; i < 5; i++) await expectQuickAnswer(`random ${i}`, new Uint8Array(randomBytes(1024 + i * 977)), { statuses: [400] });
});

test('invalid UTF-8 inside a JSON string', async () => {
  const bytes = Buffer.concat([Buffer.from('{"query":"{ echoString(value: \\"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('\\") }"}')]);
  await expectQuickAnswer('invalid utf-8', new Uint8Array(bytes), { statuses: [400] });
  await expectQuickAnswer('lone surrogate in query', '{"query":"{ echoString(value: \\"\\\\ud800\\") }"}', { statuses: [200] });
  await expectQuickAnswer('lone surrogate escape in JSON', '{"query":"{ hello }\\ud800"}', { statuses: [400] });
  await expectQuickAnswer('lone surrogate in variables', '{"query":"query Q($v: String) { echoString(value: $v) }","variables":{"v":"\\udc00"}}', { statuses: [400] });
});

test('a 10 MB body is refused as too large', async () => {
  const body = JSON.stringify({ query: `{ echoString(value: "${'x'.repeat(10 * 1024 * 1024)}") }` });
  await expectQuickAnswer('10 MB', body, { statuses: [413] });
});

test('100,000 nested brackets', async () => {
  await expectQuickAnswer('nested lists', { query: `{ echoList(values: ${'['.repeat(100_000)}${']'.repeat(100_000)}) }` }, { statuses: [200] });
  await expectQuickAnswer('nested selections', { query: '{ a '.repeat(100_000) + '}'.repeat(100_000) }, { statuses: [200] });
  await expectQuickAnswer('unbalanced', { query: '{'.repeat(100_000) }, { accept: 'application/graphql-response+json', statuses: [400] });
});

test('100,000 nested arrays in variables', async () => {
  const variables = '['.repeat(100_000) + ']'.repeat(100_000);
  await expectQuickAnswer('nested variables', `{"query":"query Q($v: [Int]) { echoList(values: $v) }","variables":{"v":${variables}}}`, { statuses: [400] });
});

test('10,000 aliases', async () => {
  const fields = Array.from({ length: 10_000 }, (_, i) => `a${i}: hello`).join(' ');
  await expectQuickAnswer('aliases', { query: `{ ${fields} }` }, { statuses: [200] });
});

test('10,000 copies of an object field with arguments', async () => {
  const fields = Array.from({ length: 10_000 }, (_, i) => `b${i}: book(id: "b${i % 7}") { title authors { name } }`).join(' ');
  await expectQuickAnswer('object aliases', { query: `{ ${fields} }` }, { statuses: [200] });
});

test('a cyclic fragment spread', async () => {
  const res = await expectQuickAnswer('cycle', { query: '{ ...A } fragment A on Query { ...B } fragment B on Query { ...A }' }, { statuses: [200] });
  assert.ok(res.json.errors.some((e) => /Cannot spread fragment "A" within itself/.test(e.message)), res.text);
});

test('a fragment bomb (each fragment spreads the next twice)', async () => {
  let query = '{ ...F0 }\n';
  for (let i = 0; i < 40; i++) query += `fragment F${i} on Query { ...F${i + 1} ...F${i + 1} }\n`;
  query += 'fragment F40 on Query { hello }';
  await expectQuickAnswer('fragment bomb', { query }, { statuses: [200] });
});

test('a wide overlapping-fields document', async () => {
  const fields = Array.from({ length: 2_000 }, (_, i) => `x: echoInt(value: ${i % 2})`).join(' ');
  const res = await expectQuickAnswer('overlap', { query: `{ ${fields} }` }, { statuses: [200] });
  assert.ok(res.json.errors?.length > 0);
});

test('deep introspection nesting', async () => {
  const query = `{ __schema { types { ${'fields { type { '.repeat(30)}name${' } }'.repeat(30)} } } }`;
  await expectQuickAnswer('introspection depth', { query }, { statuses: [200] });
});

test('huge numbers and a NUL in variables', async () => {
  await expectQuickAnswer('1e400', '{"query":"query Q($v: Float) { echoFloat(value: $v) }","variables":{"v":1e400}}', { statuses: [200, 400] });
  await expectQuickAnswer('big int', '{"query":"query Q($v: Int) { echoInt(value: $v) }","variables":{"v":123456789012345678901234567890}}', { statuses: [200] });
  await expectQuickAnswer('NUL', { query: 'query Q($v: String) { echoString(value: $v) }', variables: { v: 'a\u0000b' } }, { statuses: [200] });
});

test('50 concurrent requests of all kinds get their own answers', async () => {
  const kinds = [
    [{ query: '{ hello }' }, { data: { hello: 'world' } }],
    [{ query: 'mutation { a: increment b: increment }' }, { data: { a: 1, b: 2 } }],
    [{ query: 'query Q($id: ID!) { book(id: $id) { id } }', variables: { id: 'b3' } }, { data: { book: { id: 'b3' } } }],
  ];
  const results = await Promise.all(
    Array.from({ length: 50 }, (_, i) => expectQuickAnswer(`concurrent ${i}`, kinds[i % 3][0], { statuses: [200] })),
  );
  results.forEach((res, i) => assert.deepEqual(res.json, kinds[i % 3][1]));
});

test('many requests in a row stay quick (bounded)', async () => {
  const started = Date.now();
  for (let i = 0; i < 200 && Date.now() - started < LIMIT_MS; i++) await expectQuickAnswer(`burst ${i}`, { query: '{ hello }' }, { statuses: [200] });
});
