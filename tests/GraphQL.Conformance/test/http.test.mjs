// Our HTTP layer's own promises, beyond the graphql-http audit: content negotiation, status codes, masking of
// unexpected errors, persisted (trusted) documents, the request context hook and disabled introspection.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { assertWellFormedResponse, endpoint, get, post, url } from './helpers.mjs';

const GQL = 'application/graphql-response+json';
const sha256 = (s) => createHash('sha256').update(s, 'utf8').digest('hex');
const hello = 'query Hello { hello }';

function wellFormed(res) {
  assert.ok(res.json !== undefined, `not JSON: ${res.status} ${res.text.slice(0, 200)}`);
  assertWellFormedResponse(res.json, `HTTP ${res.status}`);
}

test('Accept absent or */* answers application/json; charset=utf-8', async () => {
  for (const accept of [undefined, '*/*']) {
    const res = await post({ query: '{ hello }' }, { accept });
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type'), /^application\/json; ?charset=utf-8$/i);
  }
});

test('Accept application/graphql-response+json is honoured', async () => {
  const res = await post({ query: '{ hello }' }, { accept: GQL });
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type'), /^application\/graphql-response\+json; ?charset=utf-8$/i);
});

test('Accept quality values choose the media type', async () => {
  const a = await post({ query: '{ hello }' }, { accept: `application/json;q=0.5, ${GQL}` });
  assert.match(a.headers.get('content-type'), /graphql-response\+json/);
  const b = await post({ query: '{ hello }' }, { accept: `${GQL};q=0, application/json` });
  assert.match(b.headers.get('content-type'), /^application\/json/);
  const c = await post({ query: '{ hello }' }, { accept: 'text/html, application/*;q=0.8' });
  assert.equal(c.status, 200);
  const d = await post({ query: '{ hello }' }, { accept: `${GQL}; charset=utf-8` });
  assert.match(d.headers.get('content-type'), /graphql-response\+json/);
});

test('406 when no acceptable media type, still a GraphQL response', async () => {
  for (const accept of ['text/html', 'application/xml', `${GQL}; charset=latin1`, 'application/json;q=0']) {
    const res = await post({ query: '{ hello }' }, { accept });
    assert.equal(res.status, 406, `${accept}: ${res.text}`);
    wellFormed(res);
  }
});

test('415 for unsupported request content types', async () => {
  for (const contentType of ['text/plain', 'application/x-www-form-urlencoded', 'application/graphql', 'application/json; charset=latin1', null]) {
    const res = await post(JSON.stringify({ query: '{ hello }' }), { contentType, headers: contentType ? {} : { 'content-type': '' } });
    assert.ok([400, 415].includes(res.status), `${contentType}: ${res.status}`);
    if (contentType) assert.equal(res.status, 415, `${contentType}: ${res.text}`);
    wellFormed(res);
  }
});

test('400 for malformed requests, with a GraphQL error body', async () => {
  const bodies = [
    '{ "not a JSON',
    '[{"query":"{ hello }"}]',
    '"just a string"',
    'null',
    JSON.stringify({ query: 1 }),
    JSON.stringify({ query: '{ hello }', variables: [] }),
    JSON.stringify({ query: '{ hello }', operationName: 7 }),
    JSON.stringify({ query: '{ hello }', extensions: 'x' }),
    JSON.stringify({}),
    '',
  ];
  for (const body of bodies) {
    for (const accept of ['application/json', GQL]) {
      const res = await post(body, { accept });
      assert.equal(res.status, 400, `${accept} ${body}: ${res.text}`);
      wellFormed(res);
    }
  }
});

test('parse and validation errors: 400 with graphql-response+json, 200 with application/json', async () => {
  for (const query of ['{', '{ nope }', 'query Q($id: ID!) { book(id: $id) { id } }']) {
    const a = await post({ query }, { accept: GQL });
    assert.equal(a.status, 400, a.text);
    assert.equal('data' in a.json, false);
    const b = await post({ query }, { accept: 'application/json' });
    assert.equal(b.status, 200, b.text);
    wellFormed(b);
  }
});

test('field errors keep 200 with graphql-response+json when there is data', async () => {
  const res = await post({ query: '{ failing hello }' }, { accept: GQL });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.data.hello, 'world');
});

test('GET works for queries, with variables and operationName', async () => {
  const res = await get({ query: 'query A { hello } query B($id: ID!) { book(id: $id) { id } }', operationName: 'B', variables: { id: 'b1' } });
  assert.equal(res.status, 200, res.text);
  assert.deepEqual(res.json, { data: { book: { id: 'b1' } } });
});

test('a mutation over GET is refused with 405 and an Allow header', async () => {
  for (const accept of ['application/json', GQL]) {
    const res = await get({ query: 'mutation { increment }' }, { accept });
    assert.equal(res.status, 405, res.text);
    assert.match(res.headers.get('allow') ?? '', /POST/);
    wellFormed(res);
  }
  // Choosing the query of a document that also holds a mutation is fine.
  const ok = await get({ query: 'query Q { hello } mutation M { increment }', operationName: 'Q' });
  assert.equal(ok.status, 200, ok.text);
});

test('other methods get 405 with Allow: GET, POST', async () => {
  for (const method of ['PUT', 'DELETE', 'PATCH']) {
    const res = await fetch(url, { method, headers: { 'content-type': 'application/json' }, body: '{}', signal: AbortSignal.timeout(10_000) });
    assert.equal(res.status, 405);
    assert.match(res.headers.get('allow') ?? '', /GET, POST/);
  }
});

test('GET with malformed variables is a 400', async () => {
  const u = new URL(url);
  u.searchParams.set('query', '{ hello }');
  u.searchParams.set('variables', '{nope');
  const res = await fetch(u, { signal: AbortSignal.timeout(10_000) });
  assert.equal(res.status, 400);
  assertWellFormedResponse(await res.json());
});

test('unexpected resolver exceptions are masked, with a code and a trace id', async () => {
  const res = await post({ query: '{ crash hello }' });
  assert.equal(res.status, 200);
  assert.doesNotMatch(res.text, /boom|internal details|at Cases\.|StackTrace|\.cs:line/i);
  const [error] = res.json.errors;
  assert.equal(error.message, 'Unexpected error.');
  assert.equal(error.extensions.code, 'INTERNAL_ERROR');
  assert.equal(typeof error.extensions.traceId, 'string');
  assert.ok(error.extensions.traceId.length > 0);
  assert.deepEqual(error.path, ['crash']);
  assert.equal(res.json.data.hello, 'world');
});

test('GraphQL exceptions with a code pass through unmasked', async () => {
  const res = await post({ query: '{ failing }' });
  assert.deepEqual(res.json.errors[0].extensions, { code: 'DELIBERATE_FAILURE' });
  assert.equal(res.json.errors[0].message, 'This field always fails.');
});

test('the context factory sees the request', async () => {
  const res = await post({ query: '{ viewer }' }, { headers: { 'x-actor': 'alice' } });
  assert.deepEqual(res.json, { data: { viewer: 'alice' } });
  const anonymous = await post({ query: '{ viewer }' });
  assert.deepEqual(anonymous.json, { data: { viewer: null } });
});

test('the context factory can refuse a caller with its own status', async () => {
  const res = await post({ query: '{ viewer }' }, { headers: { 'x-actor': 'intruder' } });
  assert.equal(res.status, 403, res.text);
  wellFormed(res);
  assert.equal(res.json.errors[0].extensions?.code, 'FORBIDDEN');
});

test('a subscription is refused as a request error, and over GET too', async () => {
  const post1 = await post({ query: 'subscription { tick }' }, { accept: GQL });
  assert.equal(post1.status, 400, post1.text);
  assert.equal(post1.json.errors[0].extensions?.code, 'SUBSCRIPTIONS_NOT_SUPPORTED');
  const get1 = await get({ query: 'subscription { tick }' });
  assert.equal(get1.status, 200, get1.text);
  assert.equal('data' in get1.json, false);
});

test('persisted documents by extensions.persistedQuery.sha256Hash and by documentId', async () => {
  const a = await post({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(hello) } } });
  assert.deepEqual(a.json, { data: { hello: 'world' } }, a.text);
  const b = await post({ documentId: `sha256:${sha256(hello)}` });
  assert.deepEqual(b.json, { data: { hello: 'world' } }, b.text);
  const c = await get({ documentId: `sha256:${sha256('query BookTitle($id: ID!) { book(id: $id) { title } }')}`, variables: { id: 'b2' } });
  assert.deepEqual(c.json, { data: { book: { title: 'A Brief History of Time' } } }, c.text);
});

test('an unknown persisted document is a request error', async () => {
  const res = await post({ documentId: `sha256:${'0'.repeat(64)}` }, { accept: GQL });
  assert.equal(res.status, 400, res.text);
  wellFormed(res);
  assert.equal(res.json.errors[0].extensions?.code, 'PERSISTED_QUERY_NOT_FOUND');
});

test('a hash that does not match the query text is refused', async () => {
  const res = await post({ query: '{ hello }', extensions: { persistedQuery: { version: 1, sha256Hash: sha256('{ other }') } } });
  assert.equal(res.status, 400, res.text);
  wellFormed(res);
});

test('a trusted-documents-only endpoint refuses other documents', async () => {
  const to = endpoint('/graphql-trusted');
  const refused = await post({ query: '{ hello }' }, { to, accept: GQL });
  assert.equal(refused.status, 400, refused.text);
  wellFormed(refused);
  assert.equal(refused.json.errors[0].extensions?.code, 'PERSISTED_QUERY_REQUIRED');
  const byId = await post({ documentId: `sha256:${sha256(hello)}` }, { to });
  assert.deepEqual(byId.json, { data: { hello: 'world' } });
  const byText = await post({ query: hello }, { to });
  assert.deepEqual(byText.json, { data: { hello: 'world' } }, 'the full text of a trusted document is accepted too');
});

test('the document cache does not mix up documents or operations', async () => {
  const query = 'query A { a: hello } query B { b: oldHello }';
  for (let i = 0; i < 3; i++) {
    assert.deepEqual((await post({ query, operationName: 'A' })).json, { data: { a: 'world' } });
    assert.deepEqual((await post({ query, operationName: 'B' })).json, { data: { b: 'world' } });
  }
  // The same text with different variables must not reuse coerced values.
  for (const id of ['b1', 'b2', 'b1']) {
    const res = await post({ query: 'query Q($id: ID!) { book(id: $id) { id } }', variables: { id } });
    assert.deepEqual(res.json, { data: { book: { id } } });
  }
  // An invalid document stays invalid on the second request.
  for (let i = 0; i < 2; i++) assert.ok((await post({ query: '{ nope }' })).json.errors.length > 0);
});
