// Validation corpus: for each document, graphql-js's verdict (valid or the list of errors, with messages and
// locations) must be what our server answers. Expectations are computed from graphql-js here, never stored.
// A valid document is then executed by both, and the answers must agree too.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync, readdirSync, readFileSync } from 'node:fs';
import { getOperationAST, specifiedRules } from 'graphql';
import { assertWellFormedResponse, errorKeys, parse, runOurs, runReference, target, validate } from './helpers.mjs';
import { mapLimited } from './limits.mjs';

const dir = new URL('../corpus/validation/', import.meta.url);
const generated = JSON.parse(readFileSync(new URL('generated.json', dir), 'utf8'));

// Hand-written documents: one per .graphql file; a leading "# operationName: X" or "# variables: {...}" comment
// line sets those request parameters.
const handwritten = readdirSync(dir)
  .filter((f) => f.endsWith('.graphql'))
  .sort()
  .map((f) => {
    const query = readFileSync(new URL(f, dir), 'utf8');
    const entry = { name: `handwritten: ${f}`, rule: 'Handwritten', query };
    for (const m of query.matchAll(/^# (operationName|variables|endpoint): (.*)$/gm)) {
      entry[m[1]] = m[1] === 'variables' ? JSON.parse(m[2]) : m[2].trim();
    }
    return entry;
  });

const corpus = [...generated, ...handwritten];

// specifiedRules that this schema cannot trigger: graphql-js 17 validates @defer/@stream only when the schema
// defines those directives, and they are not part of the specified directives (so not of ours either).
const untriggerable = new Set([
  'DeferStreamDirectiveOnRootFieldRule',
  'DeferStreamDirectiveOnValidOperationsRule',
  'DeferStreamDirectiveLabelRule',
  'StreamDirectiveOnListFieldRule',
]);

test(`the validation corpus has at least 300 documents and triggers every specified rule`, () => {
  assert.ok(corpus.length >= 300, `only ${corpus.length} documents`);
  const missing = [];
  for (const rule of specifiedRules) {
    if (untriggerable.has(rule.name)) continue;
    const hit = corpus.some((entry) => {
      try {
        return validate(target(entry).schema, parse(entry.query), [rule]).length > 0;
      } catch {
        return false;
      }
    });
    if (!hit) missing.push(rule.name);
  }
  assert.deepEqual(missing, []);
  const valid = corpus.filter((e) => validate(target(e).schema, parse(e.query)).length === 0).length;
  console.log(`validation corpus: ${corpus.length} documents (${valid} valid, ${corpus.length - valid} invalid), ${specifiedRules.length - untriggerable.size} rules triggered`);
});

// graphql-js appends the scalar's own message to "Expected value of type ..."; for our custom scalars only the
// part before it is compared (see DIFFERENCES.md).
const customScalarMessage = (m) => m.replace(/^(Expected value of type "(LocalDate|DateTime|Duration)!?", found [^;]*);.*$/s, '$1');

/** Compares one document; returns a description of the difference, or null. */
async function compare(entry) {
  const ref = await runReference(entry);
  const ours = await runOurs(entry);
  if (ours.status !== 200) return `status ${ours.status}: ${ours.text.slice(0, 300)}`;
  try {
    assertWellFormedResponse(ours.json, 'ours');
  } catch (e) {
    return e.message;
  }
  if ('data' in ref && getOperationAST(parse(entry.query), entry.operationName)?.operation === 'subscription') {
    // A valid subscription: graphql-js's execute() runs it like a query, our HTTP layer refuses it as a request
    // error (no subscriptions over plain HTTP; DIFFERENCES.md). Only the verdict "valid" is compared.
    const validationLike = (ours.json.errors ?? []).filter((e) => e.locations && !e.path);
    return 'data' in ours.json || validationLike.length > 0 ? `expected a transport refusal for a valid subscription, got ${ours.text}` : null;
  }
  const norm = (errors) => (errors ?? []).map((e) => ({ ...e, message: customScalarMessage(e.message) }));
  const withPath = 'data' in ref;
  const want = errorKeys(norm(ref.errors), { path: withPath });
  const got = errorKeys(norm(ours.json.errors), { path: withPath });
  try {
    assert.deepEqual(got, want);
    if (withPath) assert.equal(JSON.stringify(ours.json.data), JSON.stringify(ref.data));
    else assert.equal('data' in ours.json, false, 'a request error must not have data');
  } catch (e) {
    return `${e.message.split('\n').slice(0, 30).join('\n')}`;
  }
  return null;
}

const byRule = new Map();
for (const entry of corpus) byRule.set(entry.rule, [...(byRule.get(entry.rule) ?? []), entry]);

let passed = 0;
let failed = 0;
for (const [rule, entries] of byRule) {
  test(`validation corpus: ${rule} (${entries.length} documents)`, async () => {
    const failures = (await mapLimited(entries, 4, async (entry) => ({ entry, why: await compare(entry) }))).filter((r) => r.why);
    passed += entries.length - failures.length;
    failed += failures.length;
    if (process.env.CONFORMANCE_REPORT) {
      appendFileSync(process.env.CONFORMANCE_REPORT, failures.map(({ entry, why }) => `=== ${entry.name}\n${entry.query}\n${why}\n`).join(''));
    }
    const report = failures.slice(0, 10).map(({ entry, why }) => `--- ${entry.name}\n${entry.query}\n${why}`);
    assert.equal(failures.length, 0, `${failures.length} of ${entries.length} differ:\n${report.join('\n')}`);
  });
}

test.after(() => console.log(`validation corpus: ${passed} documents agree, ${failed} differ`));
