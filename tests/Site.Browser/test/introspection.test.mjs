// The standard introspection query of every client tool (GraphiQL, graphql-codegen, Apollo Sandbox, Altair all send
// graphql-js's getIntrospectionQuery) against the real Cases server with its production limits: in every option
// combination graphql-js rebuilds a valid client schema from the answer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertValidSchema, buildClientSchema, getIntrospectionQuery } from 'graphql';
import { SITE_URL, TIMEOUT } from './helpers.mjs';

const flags = ['descriptions', 'specifiedByUrl', 'directiveIsRepeatable', 'schemaDescription', 'inputValueDeprecation', 'experimentalDirectiveDeprecation', 'oneOf'];

async function post(query) {
  const response = await fetch(`${SITE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
    signal: AbortSignal.timeout(TIMEOUT),
  });
  return { status: response.status, body: await response.json() };
}

test('getIntrospectionQuery in every option combination passes the production endpoint and builds a valid schema', async () => {
  for (let bits = 0; bits < 2 ** flags.length; bits++) {
    const options = Object.fromEntries(flags.map((f, i) => [f, Boolean(bits & (1 << i))]));
    const { status, body } = await post(getIntrospectionQuery(options));
    assert.equal(status, 200, `${JSON.stringify(options)}: ${JSON.stringify(body.errors)}`);
    assert.equal(body.errors, undefined);
    const schema = buildClientSchema(body.data);
    assertValidSchema(schema);
    assert.ok(schema.getType('PublicCase'), 'the public case type is there');
  }
});

test('with typeDepth 14 (deeper than the default 9) it still passes; typeDepth 40 is refused with a code', async () => {
  const ok = await post(getIntrospectionQuery({ typeDepth: 14, oneOf: true, inputValueDeprecation: true }));
  assert.equal(ok.status, 200, JSON.stringify(ok.body.errors));
  assertValidSchema(buildClientSchema(ok.body.data));
  const refused = await post(getIntrospectionQuery({ typeDepth: 40 }));
  assert.equal(refused.status, 400);
  assert.ok(refused.body.errors.some((e) => e.extensions?.code === 'INTROSPECTION_TOO_DEEP'), JSON.stringify(refused.body));
});
