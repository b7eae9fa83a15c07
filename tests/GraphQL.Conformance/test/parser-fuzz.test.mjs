// Parser fuzzing: random documents (corpus/random.mjs) damaged at a few random places — a character deleted,
// punctuation, quotes, escapes, digits or non-ASCII inserted, a slice duplicated — must get graphql-js's verdict:
// the same "Syntax Error: ..." message and location, or no syntax error at all. Seeded like test/random.test.mjs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendFileSync } from 'node:fs';
import { GraphQLError } from 'graphql';
import { randomDocuments } from '../corpus/random.mjs';
import { parse, post, referenceSchema } from './helpers.mjs';
import { mapLimited } from './limits.mjs';

const seed = Number(process.env.CONFORMANCE_SEED ?? 20261122);
const count = Math.min(Number(process.env.CONFORMANCE_RANDOM_COUNT ?? 1000), 5000);

function mulberry32(a) {
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const INSERTS = ['{', '}', '(', ')', '[', ']', ':', '$', '@', '!', '=', '|', '&', '.', '..', '...', '"', '"""', '\\', '\\u', '\\u{', '#', '\n', '\r', '\t', ',', '-', '0', '1e', '.5', 'é', '🏃', '\uFEFF', '\u0000', '\u2028', 'on', 'fragment', 'query'];

function damage(source, random) {
  let text = source;
  const edits = 1 + Math.floor(random() * 3);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(random() * (text.length + 1));
    const roll = random();
    if (roll < 0.3) text = text.slice(0, at) + text.slice(at + 1);
    else if (roll < 0.9) text = text.slice(0, at) + INSERTS[Math.floor(random() * INSERTS.length)] + text.slice(at);
    else text = text.slice(0, at) + text.slice(at, at + 8) + text.slice(at);
  }
  return text;
}

function reference(source) {
  try {
    parse(source);
    return null;
  } catch (e) {
    if (e instanceof GraphQLError) return { message: e.message, locations: e.locations };
    throw e;
  }
}

test(`damaged documents (seed ${seed}, ${count}) get graphql-js's syntax verdict`, async () => {
  const random = mulberry32(seed ^ 0x5eed);
  const sources = randomDocuments(referenceSchema, seed, count).map((d) => damage(d.query, random));
  const results = await mapLimited(sources, 4, async (source) => {
    const want = reference(source);
    const ours = await post({ query: source });
    const syntax = (ours.json?.errors ?? []).filter((e) => e.message.startsWith('Syntax Error'));
    const got = syntax.length ? { message: syntax[0].message, locations: syntax[0].locations } : null;
    const same = ours.status === 200 && JSON.stringify(got) === JSON.stringify(want) && (!want || ours.json.errors.length === 1);
    return same ? null : { source, want, got: ours.status === 200 ? got : `status ${ours.status}` };
  });
  const failures = results.filter(Boolean);
  const rejected = sources.filter((s) => reference(s)).length;
  console.log(`parser fuzz: ${sources.length} damaged documents (${rejected} rejected by graphql-js), ${sources.length - failures.length} agree, ${failures.length} differ`);
  if (process.env.CONFORMANCE_REPORT) {
    appendFileSync(process.env.CONFORMANCE_REPORT, failures.map((f) => `=== parser fuzz\n${JSON.stringify(f)}\n`).join(''));
  }
  assert.equal(failures.length, 0, failures.slice(0, 5).map((f) => JSON.stringify(f)).join('\n'));
});
