// Introspection: what our server says about itself must build a valid client schema in graphql-js, and print to
// exactly the committed golden SDL, which is also what the JS reference schema prints.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { assertValidSchema, buildClientSchema, getIntrospectionQuery, printSchema } from 'graphql';
import { endpoint, post, referenceSchema } from './helpers.mjs';

const golden = readFileSync(new URL('../golden/sample-schema.graphql', import.meta.url), 'utf8');

const query = getIntrospectionQuery({
  descriptions: true,
  specifiedByUrl: true,
  directiveIsRepeatable: true,
  schemaDescription: true,
  inputValueDeprecation: true,
  experimentalDirectiveDeprecation: true,
  oneOf: true,
});

async function introspect() {
  const res = await post({ query });
  assert.equal(res.status, 200, res.text);
  assert.equal(res.json.errors, undefined, JSON.stringify(res.json.errors));
  return res.json.data;
}

test('the introspection result builds a valid client schema', async () => {
  const schema = buildClientSchema(await introspect());
  assertValidSchema(schema);
});

test('the printed introspected schema equals the golden SDL', async () => {
  const printed = printSchema(buildClientSchema(await introspect()));
  assert.equal(printed + '\n', golden);
});

test('the golden SDL is what the JS reference schema prints', () => {
  assert.equal(printSchema(referenceSchema) + '\n', golden);
});

test('the introspection result equals graphql-js introspection of the reference schema', async () => {
  const { execute, parse } = await import('graphql');
  const expected = JSON.parse(JSON.stringify(await execute({ schema: referenceSchema, document: parse(query) })));
  assert.deepEqual(await introspect(), expected.data);
});

test('with introspection disabled, __schema and __type are refused but __typename works', async () => {
  const to = endpoint('/graphql-no-introspection');
  const refused = await post({ query: '{ __schema { queryType { name } } }' }, { to });
  assert.equal(refused.status, 200, refused.text);
  assert.ok(refused.json.errors?.length > 0, refused.text);
  assert.equal(refused.json.data, undefined, refused.text);
  const typename = await post({ query: '{ __typename }' }, { to });
  assert.deepEqual(typename.json, { data: { __typename: 'Query' } });
});
