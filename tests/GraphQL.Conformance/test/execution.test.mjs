// Execution corpus: the same documents and variables over the same fixture data give the same `data` (member
// order included) and the same errors (paths, locations, extensions.code and, where deterministic, messages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import cases from '../corpus/execution/cases.mjs';
import { assertWellFormedResponse, errorKeys, runOurs, runReference } from './helpers.mjs';

test(`the execution corpus is not trivial`, () => {
  assert.ok(cases.length >= 80, `only ${cases.length} cases`);
  console.log(`execution corpus: ${cases.length} cases`);
});

for (const entry of cases) {
  test(`execution: ${entry.name}`, async () => {
    const ref = await runReference(entry);
    const ours = await runOurs(entry);
    assert.equal(ours.status, 200, ours.text);
    assertWellFormedResponse(ours.json, entry.name);
    const opts = { path: true, message: entry.messages !== false, code: true };
    assert.deepEqual(errorKeys(ours.json.errors, opts), errorKeys(ref.errors, opts), `ours: ${ours.text}\nref: ${JSON.stringify(ref)}`);
    assert.equal('data' in ours.json, 'data' in ref, `data presence; ours: ${ours.text}`);
    assert.equal(JSON.stringify(ours.json.data), JSON.stringify(ref.data));
  });
}
