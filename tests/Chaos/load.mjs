// The chaos run's load client (scripts/chaos starts it): a working day's mixed load through the proxy for
// CHAOS_SECONDS, while the script kills nodes and restarts PostgreSQL. Every command goes in a ledger with its
// idempotency key and what came back: acked (with the version and events), refused (with its code) or unknown
// (a timeout, a reset, a 5xx after every retry). After the load: unknown commands are resent with their keys,
// live subscribers are compared with the final public views, and everything is written to CHAOS_OUT.
import { existsSync, writeFileSync } from 'node:fs';
import WebSocket from 'ws';
import { createClient } from 'graphql-ws';

const proxy = process.env.CHAOS_PROXY;
const seconds = Number(process.env.CHAOS_SECONDS ?? 120);
const operatorKey = process.env.CHAOS_OPERATOR_KEY;
const agencies = JSON.parse(process.env.CHAOS_AGENCIES); // [{ id, key }]
const out = process.env.CHAOS_OUT;
const citizens = Number(process.env.CHAOS_CITIZENS ?? 4);
const started = Date.now();
const endAt = started + seconds * 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const pick = (a) => a[Math.floor(Math.random() * a.length)];
// The load goes on past CHAOS_SECONDS until the fault schedule is over (CHAOS_FAULTS_DONE appears), at most 10 min more:
// a restarted node takes tens of seconds to get ready on a small machine, and every fault must happen under load.
const faultsDone = process.env.CHAOS_FAULTS_DONE;
const running = () => Date.now() < endAt || (faultsDone && !existsSync(faultsDone) && Date.now() < endAt + 600_000);

// A 2x2 JPEG: uploads go through the real decoder and re-encoder.
const photo = Buffer.from('/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAgGBgcGBQgHBwcJCQgKDBQNDAsLDBkSEw8UHRofHh0aHBwgJC4nICIsIxwcKDcpLDAxNDQ0Hyc5PTgyPC4zNDL/wAALCAACAAIBAREA/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKBkaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZmqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/9oACAEBAAA/ACv/2Q==', 'base64');

// Refusals that are answers: the command was judged and will be judged the same way again.
const definite = new Set(['CASE_INVALID_TRANSITION', 'FORBIDDEN', 'VALIDATION_FAILED', 'CASE_NOT_FOUND', 'IDEMPOTENCY_KEY_REUSED',
  'CASE_CONCURRENCY_CONFLICT', 'RATE_LIMITED', 'BAD_USER_INPUT', 'GRAPHQL_VALIDATION_FAILED', 'MEDIA_EXPIRED', 'MEDIA_NOT_FOUND']);

const ledger = [];      // one entry per command
const attempts = [];    // every HTTP attempt of a command: { at, ms, ok }
const reads = { ok: 0, failed: 0, errors: [] };
const bad = { sent: 0, typed: 0, transport: 0, wrong: [] };
const probes = [];      // [at, ok] every 250 ms through the proxy
let sequence = 0;

async function post(body, { key, ip, correlation, timeout = 10_000 } = {}) {
  const headers = { 'content-type': 'application/json' };
  if (key) headers.authorization = `Bearer ${key}`;
  if (ip) headers['x-forwarded-for'] = ip;
  if (correlation) headers['x-correlation-id'] = correlation;
  const r = await fetch(`${proxy}/graphql`, { method: 'POST', headers, body, signal: AbortSignal.timeout(timeout) });
  const text = await r.text();
  let json = null;
  try { json = JSON.parse(text); } catch { /* the proxy's own error page */ }
  return { status: r.status, json };
}

/**
 * Sends one command as a real client does: the same idempotency key (and correlation id) on every attempt,
 * retrying timeouts, resets and 5xx with backoff for up to about 25 s; the last word goes in the ledger.
 */
async function command(op, field, query, input, { key, ip, trackingCode } = {}) {
  const id = `chaos-${process.pid}-${++sequence}`;
  const entry = { id, op, key: input.idempotencyKey ?? null, trackingCode: trackingCode ?? input.trackingCode ?? null, input, ip: ip ?? null,
    sentAt: Date.now(), attempts: 0, outcome: 'unknown', code: null, version: null, events: null, replayed: null };
  ledger.push(entry);
  const body = JSON.stringify({ query, variables: { i: input } });
  for (let attempt = 0; attempt < 10; attempt++) {
    entry.attempts++;
    const t0 = Date.now();
    let verdict;
    try {
      const { status, json } = await post(body, { key, ip, correlation: id });
      const error = json?.errors?.[0];
      const code = error?.extensions?.code;
      if (json?.data?.[field]) verdict = { ok: true, data: json.data[field] };
      else if (code && definite.has(code)) verdict = { refused: code, message: error.message };
      else verdict = { retry: code ?? `HTTP ${status}`, message: error?.message };
    } catch (e) {
      verdict = { retry: e?.name === 'TimeoutError' ? 'timeout' : String(e?.cause?.code ?? e?.message ?? e) };
    }
    attempts.push({ at: t0, ms: Date.now() - t0, ok: !!verdict.ok });
    if (verdict.ok) {
      const d = verdict.data;
      Object.assign(entry, { outcome: 'acked', ackedAt: Date.now(), replayed: d.replayed, version: d.case?.version ?? null,
        events: d.events ?? null, trackingCode: d.trackingCode ?? d.case?.trackingCode ?? entry.trackingCode, secret: d.secret ?? null });
      return entry;
    }
    if (verdict.refused) {
      Object.assign(entry, { outcome: 'refused', code: verdict.refused, message: verdict.message });
      return entry;
    }
    entry.lastError = verdict.retry;
    if (verdict.message) entry.lastMessage = verdict.message;
    await sleep(Math.min(3000, 250 * 2 ** attempt));
  }
  return entry;
}

const payload = 'replayed events case { trackingCode version status }';
const mutation = (name, type) => `mutation($i: ${type}!) { ${name}(input: $i) { ${payload} } }`;

const wards = ['Phú Xuân', 'Thuận Hóa', 'Vỹ Dạ', 'An Cựu', 'Kim Long'];
// A field report needs a place inside the province (issue 20): a point in Huế's centre, a little apart each time.
const place = () => ({ latitude: 16.46 + Math.random() * 0.02, longitude: 107.58 + Math.random() * 0.02 });
const categories = ['sanitation_environment', 'traffic_infrastructure', 'urban_infrastructure', 'public_order'];
const followed = [];     // tracking codes the subscribers follow

async function upload(ip) {
  try {
    const form = new FormData();
    form.append('file', new Blob([photo], { type: 'image/jpeg' }), 'photo.jpg');
    const r = await fetch(`${proxy}/media`, { method: 'POST', body: form, headers: { 'x-forwarded-for': ip }, signal: AbortSignal.timeout(10_000) });
    if (!r.ok) return null;
    return (await r.json()).id ?? null;
  } catch { return null; }
}

/** One citizen's report taken through its whole life by the citizen, the center and an agency. */
async function lifeOfACase(n) {
  const ip = `203.0.113.${(n % 250) + 1}`;
  const key = (what) => `${what}-${process.pid}-${n}-${Math.random().toString(36).slice(2, 10)}`;
  const mediaRefs = n % 5 === 0 ? [await upload(ip)].filter(Boolean) : [];
  const submitted = await command('submitCase', 'submitCase',
    `mutation($i: SubmitCaseInput!) { submitCase(input: $i) { trackingCode secret replayed case { trackingCode version status } } }`,
    { kind: 'FIELD_REPORT', category: pick(categories), ward: pick(wards), description: `Chaos report ${n}: rubbish on the pavement`,
      location: place(), mediaRefs, idempotencyKey: key('submit') }, { ip });
  if (submitted.outcome !== 'acked') return;
  const code = submitted.trackingCode;
  // Some cases wait, as real ones do, so their deadlines fall due during the run (the drill's limits are minutes):
  // one in six is never verified, one in six is assigned and then left.
  const waitsAfter = n % 6 === 1 ? 'submitCase' : n % 6 === 2 ? 'assignCase' : null;
  if (waitsAfter === 'submitCase') return;
  if (followed.length < 12 && n % 3 === 0) { followed.push(code); follow(code); }
  const agency = pick(agencies);
  const steps = [
    ['verifyCase', 'VerifyCaseInput', {}, operatorKey],
    ['assignCase', 'AssignCaseInput', { leadAgency: agency.id }, operatorKey],
    ['acceptAssignment', 'AcceptAssignmentInput', {}, agency.key],
    // One case in six needs the citizen's answer: the agency asks (the clock pauses) and the citizen answers (it resumes).
    ...(n % 6 === 3 && submitted.secret ? [
      ['requestInformation', 'RequestInformationInput', { question: 'Which side of the street?' }, agency.key],
      ['provideInformation', 'ProvideInformationInput', { text: 'The river side, by the bus stop', secret: submitted.secret }, null],
    ] : []),
    ['noteProgress', 'NoteProgressInput', { publicText: 'Crew on the way' }, agency.key],
    ['resolveCase', 'ResolveCaseInput', { publicAnswer: 'Cleaned up' }, agency.key],
  ];
  if (submitted.secret) {
    steps.push(n % 7 === 0
      ? ['reopenCase', 'ReopenCaseInput', { reason: 'Still dirty', secret: submitted.secret }, null]
      : ['rateCase', 'RateCaseInput', { score: 1 + (n % 5), secret: submitted.secret }, null]);
  }
  for (const [name, type, args, apiKey] of steps) {
    if (!running()) return;
    await sleep(50 + Math.random() * 400);
    const e = await command(name, name, mutation(name, type), { trackingCode: code, idempotencyKey: key(name), ...args },
      { key: apiKey, ip: apiKey ? undefined : ip, trackingCode: code });
    if (e.outcome !== 'acked') return; // the case waits where it is; an unknown command is resent at the end
    if (name === waitsAfter) return;
  }
}

async function citizen(w) {
  let n = w;
  while (running()) { await lifeOfACase(n); n += citizens; }
}

async function publicReader() {
  const queries = [
    ['{ cases(first: 10) { nodes { trackingCode status } totalCount } }', null],
    ['query($f: YearMonth!, $t: YearMonth!) { statistics(from: $f, to: $t) { lateRate(by: AGENCY) { rows { group resolved lateRate } } } }',
      () => ({ f: `${new Date().getFullYear()}-01`, t: `${new Date().getFullYear()}-12` })],
    ['query($c: String!) { case(trackingCode: $c) { trackingCode status timeline { version } } }', () => ({ c: pick(followed.length ? followed : ['HUE-2026-000001']) })],
  ];
  while (running()) {
    const [q, vars] = pick(queries);
    try {
      const { status, json } = await post(JSON.stringify({ query: q, variables: vars?.() }), { timeout: 10_000 });
      if (status === 200 && json?.data && !json.errors) reads.ok++;
      else { reads.failed++; if (reads.errors.length < 10) reads.errors.push({ status, errors: json?.errors?.map((e) => e.message) }); }
    } catch (e) { reads.failed++; if (reads.errors.length < 10) reads.errors.push(String(e?.cause?.code ?? e?.name)); }
    await sleep(300 + Math.random() * 500);
  }
}

/** The requests a public endpoint gets: each must get its typed error (or the proxy's own 5xx while no node serves). */
async function badRequests() {
  const cases = [
    ['malformed JSON', '{"query": "{ cases { ', 'BAD_REQUEST'],
    ['oversized body', JSON.stringify({ query: `{ cases(first: 1) { totalCount } }`, variables: { pad: 'x'.repeat(2_100_000) } }), 'REQUEST_TOO_LARGE'],
    ['unknown tracking code', JSON.stringify({ query: 'mutation { verifyCase(input: { trackingCode: "HUE-1999-999999" }) { replayed } }' }), 'CASE_NOT_FOUND', 'chaos-wrong-key'],
    ['wrong secret', null, 'FORBIDDEN'],
    // Submissions from one address count against its limit whatever their content: past it, RATE_LIMITED is the answer.
    ['invalid input', JSON.stringify({ query: 'mutation { submitCase(input: { kind: FIELD_REPORT, category: "x", ward: "", description: "" }) { trackingCode } }' }), ['VALIDATION_FAILED', 'RATE_LIMITED']],
  ];
  while (running()) {
    const [what, body0, expected, key] = pick(cases);
    let body = body0;
    if (what === 'wrong secret') {
      if (!followed.length) { await sleep(500); continue; }
      body = JSON.stringify({ query: mutation('rateCase', 'RateCaseInput'), variables: { i: { trackingCode: pick(followed), score: 5, secret: 'not-the-secret' } } });
    }
    bad.sent++;
    try {
      const { status, json } = await post(body, { timeout: 10_000, ip: '198.51.100.7', key: what === 'unknown tracking code' ? operatorKey : undefined });
      const codes = (json?.errors ?? []).map((e) => e.extensions?.code);
      if ([expected].flat().some((c) => codes.includes(c)) && status < 500) bad.typed++;
      else if (status >= 502 && status <= 504 && !json) bad.transport++;
      else if (codes.some((c) => c === 'INTERNAL_SERVER_ERROR' || c === 'UNAVAILABLE' || c === 'DATABASE_UNAVAILABLE') || status >= 500) bad.transport++;
      else if (bad.wrong.length < 20) bad.wrong.push({ what, status, codes, at: Date.now() });
    } catch { bad.transport++; }
    await sleep(300 + Math.random() * 500);
  }
}

/** A flood of submissions from one address, once a minute: RATE_LIMITED refusals, in the ledger like any refusal. */
async function flood() {
  while (running()) {
    const burst = [];
    for (let i = 0; i < 40 && running(); i++) {
      burst.push(command('submitCase(flood)', 'submitCase', `mutation($i: SubmitCaseInput!) { submitCase(input: $i) { trackingCode replayed case { trackingCode version status } } }`,
        { kind: 'FIELD_REPORT', category: 'sanitation_environment', ward: 'Phú Xuân', location: place(), description: `Flood ${i} ${Date.now()}`, idempotencyKey: `flood-${process.pid}-${Date.now()}-${i}` },
        { ip: '198.51.100.99' }));
    }
    await Promise.all(burst);
    for (let i = 0; i < 600 && running(); i++) await sleep(100);
  }
}

async function probe() {
  while (running()) {
    const at = Date.now();
    let ok = false;
    try {
      const r = await fetch(`${proxy}/health/ready`, { signal: AbortSignal.timeout(2000) });
      ok = r.ok;
    } catch { /* counted as down */ }
    probes.push([at, ok]);
    await sleep(250);
  }
}

// Live subscribers: one graphql-ws client per followed case, reconnecting as a browser's would; afterVersion follows
// the last view seen, so a resubscription after a restart sends whatever was published while the socket was down.
const views = new Map(); // code -> { version, status, reconnects }
const clients = [];
function follow(code) {
  const view = { version: 0, status: null, connects: 0, errors: [] };
  views.set(code, view);
  const variables = { c: code, v: 0 };
  const client = createClient({
    url: proxy.replace(/^http/, 'ws') + '/graphql', webSocketImpl: WebSocket, lazy: false, retryAttempts: Infinity,
    shouldRetry: () => true, retryWait: async (n) => sleep(Math.min(2000, 200 * 2 ** n)), onNonLazyError: () => {},
    on: { connected: () => { view.connects++; } },
  });
  clients.push(client);
  client.subscribe({ query: 'subscription($c: String!, $v: Int) { caseUpdated(trackingCode: $c, afterVersion: $v) { status timeline { version } } }', variables }, {
    next: (r) => {
      const c = r.data?.caseUpdated;
      if (!c) return;
      const version = Math.max(0, ...(c.timeline ?? []).map((s) => s.version));
      if (version >= view.version) { view.version = version; view.status = c.status; variables.v = version; }
    },
    error: (e) => { view.errors.push(String(e?.message ?? e?.code ?? e)); },
    complete: () => {},
  });
}

async function caughtUp() {
  for (let i = 0; i < 240; i++) {
    try {
      const { json } = await post(JSON.stringify({ query: '{ freshness { lagEvents } }' }), { timeout: 5000 });
      if (json?.data?.freshness?.lagEvents === 0) return true;
    } catch { /* not yet */ }
    await sleep(500);
  }
  return false;
}

const workers = [probe(), publicReader(), publicReader(), badRequests(), flood()];
for (let w = 0; w < citizens; w++) workers.push(citizen(w));
await Promise.all(workers);
const loadEnded = Date.now();
console.error(`load: ${ledger.length} commands in ${Math.round((loadEnded - started) / 1000)} s; settling`);

// Every command still unknown is resent with its key, as a client coming back would: the answer must be the same
// result (replayed) if the first attempt had committed, or a first application if it had not.
await caughtUp();
const resends = [];
for (const e of ledger.filter((x) => x.outcome === 'unknown')) {
  const field = e.op.replace('(flood)', '');
  const type = field[0].toUpperCase() + field.slice(1) + 'Input';
  const q = field === 'submitCase'
    ? `mutation($i: SubmitCaseInput!) { submitCase(input: $i) { trackingCode replayed case { trackingCode version status } } }`
    : mutation(field, type);
  const key = ['verifyCase', 'assignCase'].includes(field) ? operatorKey
    : ['acceptAssignment', 'requestInformation', 'noteProgress', 'resolveCase'].includes(field) ? agencies.find((a) => a.id === ledger.find((x) => x.trackingCode === e.trackingCode && x.op === 'assignCase')?.input.leadAgency)?.key
      : undefined;
  const again = await command(`resend:${e.op}`, field, q, e.input, { key, ip: e.ip ?? undefined, trackingCode: e.trackingCode });
  again.resendOf = e.id;
  resends.push({ of: e.id, outcome: again.outcome, code: again.code, replayed: again.replayed, version: again.version, trackingCode: again.trackingCode });
}
const settled = await caughtUp();

// Each subscriber must reach the final public view of its case (bounded wait, then the comparison is recorded).
const finals = {};
for (const code of views.keys()) {
  let final = null;
  for (let i = 0; i < 60; i++) {
    try {
      const { json } = await post(JSON.stringify({ query: 'query($c: String!) { case(trackingCode: $c) { status timeline { version } } }', variables: { c: code } }));
      const c = json?.data?.case;
      final = c ? { status: c.status, version: Math.max(0, ...c.timeline.map((s) => s.version)) } : { status: null, version: 0 };
    } catch { /* retried */ }
    const seen = views.get(code);
    if (final && seen.version === final.version && seen.status === final.status) break;
    await sleep(500);
  }
  finals[code] = { final, seen: views.get(code) };
}
for (const c of clients) await c.dispose();

// The nodes run on for a minute after the load, so the deadlines of the cases left waiting fall due; every deadline due
// 30 s before the end must have fired (one whose node was killed goes to the other node once the dead one is found,
// one due during the database restart is retried until it is back).
while (Date.now() < loadEnded + 60_000) await sleep(500);
const deadlineHorizon = Date.now() - 30_000;
writeFileSync(out, JSON.stringify({ started, loadEnded, settled, deadlineHorizon, ledger, attempts, reads, bad, probes, resends, subscribers: finals }, null, 1));
console.error(`load: done; ${ledger.filter((e) => e.outcome === 'acked').length} acked`);
process.exit(0);
