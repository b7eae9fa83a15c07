// The endpoint as configured in production (GraphQLHttpOptions.PublicEndpoint, the preset the Cases host uses, at
// /graphql-production): the standard introspection query of every client tool passes its real limits in every
// option combination, abusive introspection is still refused, and every request error carries an extensions.code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { assertValidSchema, buildClientSchema, execute, getIntrospectionQuery, parse, printSchema } from 'graphql';
import { endpoint, get, post, referenceSchema } from './helpers.mjs';

const production = endpoint('/graphql-production');
const flags = ['descriptions', 'specifiedByUrl', 'directiveIsRepeatable', 'schemaDescription', 'inputValueDeprecation', 'experimentalDirectiveDeprecation', 'oneOf'];
const combinations = Array.from({ length: 2 ** flags.length }, (_, bits) => Object.fromEntries(flags.map((f, i) => [f, Boolean(bits & (1 << i))])));

async function referencePrint(query) {
  const expected = await execute({ schema: referenceSchema, document: parse(query) });
  return printSchema(buildClientSchema(expected.data));
}

async function introspectInProduction(query) {
  const res = await post({ query }, { to: production, accept: 'application/graphql-response+json' });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.errors, undefined, res.text);
  const schema = buildClientSchema(res.json.data);
  assertValidSchema(schema);
  return printSchema(schema);
}

test(`getIntrospectionQuery in all ${combinations.length} option combinations passes the production limits and builds a valid client schema`, async () => {
  for (const options of combinations) {
    const query = getIntrospectionQuery(options);
    assert.equal(await introspectInProduction(query), await referencePrint(query), JSON.stringify(options));
  }
});

test('getIntrospectionQuery with typeDepth 0 to 14 and every option passes and answers as graphql-js; GET works too', async () => {
  const all = Object.fromEntries(flags.map((f) => [f, true]));
  for (let typeDepth = 0; typeDepth <= 14; typeDepth++) {
    const query = getIntrospectionQuery({ ...all, typeDepth });
    const res = await post({ query }, { to: production, accept: 'application/graphql-response+json' });
    assert.equal(res.status, 200, `typeDepth ${typeDepth}: ${res.text}`);
    const expected = JSON.parse(JSON.stringify(await execute({ schema: referenceSchema, document: parse(query) })));
    assert.deepEqual(res.json, expected, `typeDepth ${typeDepth}`);
    // Below the schema's deepest type reference graphql-js itself cannot rebuild the schema; from there on it can.
    let reference;
    try {
      reference = await referencePrint(query);
    } catch {
      continue;
    }
    assert.equal(await introspectInProduction(query), reference, `typeDepth ${typeDepth}`);
  }
  const byGet = await get({ query: getIntrospectionQuery() }, { to: production });
  assert.equal(byGet.status, 200, byGet.text);
  assertValidSchema(buildClientSchema(byGet.json.data));
});

test('an introspection nested deeper than the allowance is refused with INTROSPECTION_TOO_DEEP', async () => {
  for (const query of [
    getIntrospectionQuery({ typeDepth: 40 }),
    `{ __type(name: "Book") { ${'ofType { '.repeat(30)}name${' }'.repeat(30)} } }`,
  ]) {
    const res = await post({ query }, { to: production, accept: 'application/graphql-response+json' });
    assert.equal(res.status, 400, res.text);
    assert.equal(res.json.data, undefined);
    assert.ok(res.json.errors.map((e) => e.extensions?.code).includes('INTROSPECTION_TOO_DEEP'), res.text);
  }
});

test('two introspection fields in one operation are refused with INTROSPECTION_LIMIT_EXCEEDED', async () => {
  const full = getIntrospectionQuery();
  const twice = full.replace('__schema {', 'a: __schema { queryType { name } } b: __schema {');
  for (const query of [twice, '{ __schema { queryType { name } } __type(name: "Book") { name } }', '{ a: __type(name: "Book") { name } b: __type(name: "Author") { name } }']) {
    const res = await post({ query }, { to: production, accept: 'application/graphql-response+json' });
    assert.equal(res.status, 400, res.text);
    assert.ok(res.json.errors.some((e) => e.extensions?.code === 'INTROSPECTION_LIMIT_EXCEEDED'), res.text);
  }
});

test('data queries keep the production depth limit beside the introspection allowance', async () => {
  const deep = `{ __schema { queryType { name } } book(id: "b1") { ${'authors { books { '.repeat(6)}id${' } }'.repeat(6)} } }`;
  const res = await post({ query: deep }, { to: production, accept: 'application/graphql-response+json' });
  assert.equal(res.status, 400, res.text);
  assert.ok(res.json.errors.some((e) => e.extensions?.code === 'MAX_DEPTH_EXCEEDED' && /depth 14 exceeds the maximum of 12/.test(e.message)), res.text);
});

const requestErrors = [
  ['malformed JSON', { body: '{"query": "{ hello }"', contentType: 'application/json' }, 400, 'BAD_REQUEST'],
  ['a body that is not an object', { body: '"{ hello }"' }, 400, 'BAD_REQUEST'],
  ['no query', { body: { variables: {} } }, 400, 'MISSING_QUERY'],
  ['a batch', { body: [{ query: '{ hello }' }, { query: '{ hello }' }] }, 400, 'BATCH_NOT_SUPPORTED'],
  ['a body too large', { body: { query: `{ hello } # ${'x'.repeat(300 * 1024)}` } }, 413, 'REQUEST_TOO_LARGE'],
  ['variables that are not a map', { body: { query: '{ hello }', variables: '{"v": 1}' } }, 400, 'BAD_REQUEST'],
  ['a variables value of the wrong type', { body: { query: 'query Q($v: Int) { echoInt(value: $v) }', variables: { v: 'x' } } }, 200, 'BAD_USER_INPUT'],
  ['an unsupported content type', { body: '{ hello }', contentType: 'text/plain' }, 415, 'UNSUPPORTED_MEDIA_TYPE'],
];

for (const [what, { body, contentType }, status, code] of requestErrors) {
  test(`request error with application/json: ${what} is ${status} with extensions.code ${code}`, async () => {
    const res = await post(typeof body === 'string' ? body : JSON.stringify(body), { to: production, contentType: contentType ?? 'application/json' });
    assert.equal(res.status, status, res.text);
    assert.equal(res.json.data, undefined, res.text);
    assert.deepEqual(res.json.errors.map((e) => e.extensions?.code), [code], res.text);
    assert.equal(res.headers.get('cache-control'), 'no-store');
  });
}

test('request errors with application/graphql-response+json are 4xx with a code (GraphQL over HTTP 7.2)', async () => {
  for (const [what, { body, contentType }, status, code] of requestErrors) {
    const res = await post(typeof body === 'string' ? body : JSON.stringify(body), {
      to: production, contentType: contentType ?? 'application/json', accept: 'application/graphql-response+json',
    });
    assert.equal(res.status, status === 200 ? 400 : status, `${what}: ${res.text}`);
    assert.deepEqual(res.json.errors.map((e) => e.extensions?.code), [code], `${what}: ${res.text}`);
  }
  const notAcceptable = await post({ query: '{ hello }' }, { to: production, accept: 'text/csv' });
  assert.equal(notAcceptable.status, 406);
  assert.equal(notAcceptable.json.errors[0].extensions.code, 'NOT_ACCEPTABLE');
  const method = await fetch(production, { method: 'PUT', signal: AbortSignal.timeout(10_000) });
  assert.equal(method.status, 405);
  assert.equal((await method.json()).errors[0].extensions.code, 'METHOD_NOT_ALLOWED');
});
