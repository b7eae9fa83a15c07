// The graphql-http audit (GraphQL over HTTP draft): every audit, MUST, SHOULD and MAY alike, has to pass.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { auditServer } from 'graphql-http';
import { url } from './helpers.mjs';

test('graphql-http auditServer: every audit passes', async () => {
  const results = await auditServer({
    url,
    fetchFn: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(30_000) }),
  });
  const counts = { ok: 0, warn: 0, notice: 0, error: 0 };
  for (const r of results) counts[r.status] = (counts[r.status] ?? 0) + 1;
  const failed = results.filter((r) => r.status !== 'ok');
  console.log(
    `graphql-http audit: ${results.length} audits, ${counts.ok} pass, ${counts.warn} warn, ${counts.notice} notice, ${counts.error} fail`,
  );
  for (const r of failed) console.log(`  ${r.status.toUpperCase()} ${r.id} ${r.name}: ${r.reason}`);
  assert.deepEqual(
    failed.map((r) => `${r.id} ${r.name}: ${r.reason}`),
    [],
  );
});
