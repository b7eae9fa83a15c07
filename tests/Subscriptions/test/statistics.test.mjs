// statisticsChanged ticks when the monthly figures move (a new case counts in this month's "received").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { activeSubscriptions, newCase, sseClient, watch } from './helpers.mjs';

test('statisticsChanged ticks with the month whose figures moved', async () => {
  const client = sseClient();
  const ticks = watch(client, { query: 'subscription { statisticsChanged { months } }' });
  try {
    await activeSubscriptions(1);
    await newCase();
    const tick = await ticks.next();
    assert.equal(tick.errors, undefined);
    const now = new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 7); // this month in Asia/Ho_Chi_Minh
    assert.ok(tick.data.statisticsChanged.months.includes(now), `${JSON.stringify(tick.data)} names ${now}`);
  } finally {
    ticks.unsubscribe();
    client.dispose();
  }
  await activeSubscriptions(0);
});
