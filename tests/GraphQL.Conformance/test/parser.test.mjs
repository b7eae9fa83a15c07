// Lexer and parser corpus: the same accept/reject verdict as graphql-js's parse(), and for rejected documents the
// same "Syntax Error: ..." message and location. Our server cannot show its AST, so an accepted document only has
// to come back without a syntax error (it may still fail validation, as it would in graphql-js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { GraphQLError } from 'graphql';
import cases from '../corpus/parser/cases.mjs';
import { assertWellFormedResponse, parse, post } from './helpers.mjs';

function reference(source) {
  try {
    parse(source);
    return { ok: true };
  } catch (e) {
    if (e instanceof GraphQLError) return { ok: false, message: e.message, locations: e.locations };
    return { ok: false, message: `${e.name}: ${e.message}`, locations: undefined, crashed: true };
  }
}

for (const entry of cases) {
  test(`parser: ${entry.name}`, async () => {
    const want = reference(entry.source);
    const ours = await post({ query: entry.source });
    assert.equal(ours.status, 200, ours.text);
    assertWellFormedResponse(ours.json, entry.name);
    const syntaxErrors = (ours.json.errors ?? []).filter((e) => e.message.startsWith('Syntax Error'));
    if (entry.difference === 'max-depth') {
      // DIFFERENCES.md: the engine bounds nesting where graphql-js recurses until its stack runs out.
      assert.equal(syntaxErrors.length, 1, ours.text);
      assert.match(syntaxErrors[0].message, /maximum nesting depth/);
      assert.equal('data' in ours.json, false);
      return;
    }
    if (want.ok) {
      assert.deepEqual(syntaxErrors, [], 'graphql-js parses this document');
    } else {
      assert.equal('data' in ours.json, false, ours.text);
      assert.equal(ours.json.errors.length, 1, ours.text);
      assert.equal(ours.json.errors[0].message, want.message);
      assert.deepEqual(ours.json.errors[0].locations, want.locations);
    }
  });
}

test('parser: the token limit (100000 by default over HTTP) fails as graphql-js maxTokens does', async () => {
  const source = `{ ${Array.from({ length: 40_000 }, (_, i) => `a${i}: hello`).join(' ')} }`;
  let want;
  try {
    parse(source, { maxTokens: 100_000 });
  } catch (e) {
    want = { message: e.message, locations: e.locations };
  }
  assert.ok(want, 'graphql-js should refuse this document');
  const ours = await post({ query: source });
  assert.equal(ours.status, 200, ours.text.slice(0, 300));
  assert.deepEqual(ours.json.errors.map((e) => ({ message: e.message, locations: e.locations })), [want]);
});
