// Seeded random differential test: documents generated from the schema (corpus/random.mjs), each run by both
// engines with its variables; errors (message, locations, path, code) and data must agree. Set CONFORMANCE_SEED
// to explore other documents; a failure names its seed and index, so it can be replayed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { randomDocuments } from '../corpus/random.mjs';
import { assertWellFormedResponse, errorKeys, referenceSchema, runOurs, runReference } from './helpers.mjs';
import { mapLimited } from './limits.mjs';

const seed = Number(process.env.CONFORMANCE_SEED ?? 20261122);
const count = Math.min(Number(process.env.CONFORMANCE_RANDOM_COUNT ?? 1000), 5000);
const documents = randomDocuments(referenceSchema, seed, count);

async function compare(entry) {
  const ref = await runReference(entry);
  const ours = await runOurs(entry);
  try {
    assert.equal(ours.status, 200, ours.text);
    assertWellFormedResponse(ours.json, entry.name);
    const opts = { path: true, code: true };
    assert.deepEqual(errorKeys(ours.json.errors, opts), errorKeys(ref.errors, opts));
    assert.equal('data' in ours.json, 'data' in ref, 'data presence');
    assert.equal(JSON.stringify(ours.json.data), JSON.stringify(ref.data));
    return null;
  } catch (e) {
    return `${e.message.split('\n').slice(0, 30).join('\n')}\nvariables: ${JSON.stringify(entry.variables)}`;
  }
}

test(`random documents (seed ${seed}, ${count} documents) agree with graphql-js`, async () => {
  const results = await mapLimited(documents, 4, async (entry) => ({ entry, why: await compare(entry) }));
  const failures = results.filter((r) => r.why);
  const valid = results.length; // every document is compared, valid or not
  console.log(`random corpus: ${valid} documents (seed ${seed}), ${valid - failures.length} agree, ${failures.length} differ`);
  if (process.env.CONFORMANCE_REPORT) {
    appendFileSync(process.env.CONFORMANCE_REPORT, failures.map(({ entry, why }) => `=== ${entry.name}\n${entry.query}\n${why}\n`).join(''));
  }
  const report = failures.slice(0, 5).map(({ entry, why }) => `--- ${entry.name}\n${entry.query}\n${why}`);
  assert.equal(failures.length, 0, `${failures.length} of ${documents.length} differ:\n${report.join('\n')}`);
});
