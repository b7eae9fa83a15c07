// Waits (at most 120 s) until the server at SITE_URL answers /health/ready and its projections have
// caught up ({ freshness { lagEvents } } is 0), so the tests see every seeded case. Exits 1 on timeout,
// or as soon as the server process (SERVER_PID) has died.

const url = process.env.SITE_URL;
const pid = Number(process.env.SERVER_PID ?? 0);
const deadline = Date.now() + 120_000;
let last = 'not started';

function alive() {
  if (!pid) return true;
  try { process.kill(pid, 0); return true; } catch { return false; }
}

async function step() {
  const ready = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5_000) });
  if (!ready.ok) return `health/ready: HTTP ${ready.status}`;
  const r = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ freshness { lagEvents } }' }),
    signal: AbortSignal.timeout(5_000),
  });
  const body = await r.json();
  const lag = body?.data?.freshness?.lagEvents;
  return lag === 0 ? null : `projections lag ${lag} events`;
}

while (Date.now() < deadline) {
  if (!alive()) { console.error('wait-ready: the server exited'); process.exit(1); }
  try {
    last = await step();
    if (last === null) { console.error('wait-ready: ready, projections caught up'); process.exit(0); }
  } catch (e) {
    last = String(e?.cause?.code ?? e?.message ?? e);
  }
  await new Promise((resolve) => setTimeout(resolve, 500)); // poll interval, bounded by the deadline above
}
console.error(`wait-ready: gave up after 120 s (${last})`);
process.exit(1);
