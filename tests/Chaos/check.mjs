// The chaos run's checks (scripts/chaos runs this after the load, with both nodes stopped): each invariant is one
// line, "ok N - ..." or "not ok N - ..." naming what broke and the commands or cases involved, then the figures
// ("# ..." lines) and the TAP counts ("# pass N", "# fail N") that scripts/test adds up. Exits 1 if any check failed.
import { readFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const dir = process.env.CHAOS_DIR;
const dbName = process.env.CHAOS_DB;
const dll = process.env.CHAOS_DLL;
const withFaults = process.env.CHAOS_FAULTS !== '0';
const run = JSON.parse(readFileSync(`${dir}/ledger.json`, 'utf8'));
const faults = readFileSync(`${dir}/faults.log`, 'utf8').trim().split('\n').filter(Boolean)
  .map((l) => { const [start, end, what, readyMs, down] = l.split(' '); return { start: +start, end: +end, what, readyMs: +readyMs, down }; });

const psql = (sql) => execFileSync('./scripts/db', ['psql', '-d', dbName, '-qtAX', '-c', sql], { encoding: 'utf8', maxBuffer: 1 << 28 }).trim();
const json = (sql) => JSON.parse(psql(`select coalesce(json_agg(chaos_row), '[]') from (${sql}) chaos_row`));
const cli = (...args) => spawnSync('dotnet', [dll, ...args], { encoding: 'utf8', maxBuffer: 1 << 26 });

let n = 0, passed = 0, failed = 0;
const show = (list, max = 8) => list.slice(0, max).map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join('; ') + (list.length > max ? `; and ${list.length - max} more` : '');
function check(name, problems, detail = '') {
  n++;
  if (problems.length === 0) { passed++; console.log(`ok ${n} - ${name}${detail ? `: ${detail}` : ''}`); }
  else { failed++; console.log(`not ok ${n} - ${name}: ${problems.length} broken: ${show(problems)}`); }
}

const ledger = run.ledger;
const sent = ledger.filter((e) => !e.resendOf);
const byId = new Map(ledger.map((e) => [e.id, e]));
const streams = new Map(json(`select data->>'TrackingCode' as code, id::text as id from cases.mt_doc_caseidentity`).map((r) => [r.code, r.id]));
const events = new Map();
for (const r of json(`select correlation_id as c, stream_id::text as s, version as v, type as t from cases.mt_events where correlation_id like 'chaos-%' order by correlation_id, version`)) {
  if (!events.has(r.c)) events.set(r.c, []);
  events.get(r.c).push(r);
}
const of = (id) => events.get(id) ?? [];

/** One command's events: in one stream (its case's), contiguous versions, and no event type twice (a doubled command repeats its first). */
function shape(id, code) {
  const es = of(id);
  const problems = [];
  if (new Set(es.map((e) => e.s)).size > 1) problems.push('events in two streams');
  if (code && streams.get(code) && es.some((e) => e.s !== streams.get(code))) problems.push(`events outside ${code}'s stream`);
  es.forEach((e, i) => { if (i > 0 && e.v !== es[i - 1].v + 1) problems.push(`versions not contiguous (${es.map((x) => x.v)})`); });
  const types = es.map((e) => e.t);
  if (new Set(types).size !== types.length) problems.push(`an event type twice (${types})`);
  return problems;
}

// 1. Every acknowledged command's events are in the store exactly once.
const acked = sent.filter((e) => e.outcome === 'acked');
const ackProblems = [];
for (const e of acked) {
  const es = of(e.id);
  const p = shape(e.id, e.trackingCode);
  if (es.length === 0) p.push('no events');
  else if (es.at(-1).v !== e.version) p.push(`last version ${es.at(-1).v}, acknowledged ${e.version}`);
  if (!e.replayed && e.events && es.length !== e.events.length) p.push(`${es.length} events, acknowledged ${e.events.length} (${e.events})`);
  if (!e.replayed && e.events && es.map((x) => x.t).join() !== e.events.join()) p.push(`stored ${es.map((x) => x.t)}, acknowledged ${e.events}`);
  if (p.length) ackProblems.push(`${e.op} ${e.id} ${e.trackingCode ?? ''}: ${p.join(', ')}`);
}
check('every acknowledged command\'s events are in the store exactly once', ackProblems, `${acked.length} acknowledged, ${acked.filter((e) => e.replayed).length} of them answered by a replay`);

// 2. A refused command left nothing behind.
const refused = sent.filter((e) => e.outcome === 'refused');
check('every refused command appended nothing', refused.filter((e) => of(e.id).length > 0).map((e) => `${e.op} ${e.id} ${e.code}: ${of(e.id).length} events`),
  `${refused.length} refused`);

// 3. An unknown command is all there or not at all, and resending it with its key gives the same result.
const unknown = sent.filter((e) => e.outcome === 'unknown');
const unknownProblems = [];
let unknownApplied = 0;
for (const e of unknown) {
  const p = shape(e.id, e.trackingCode);
  const first = of(e.id);
  if (first.length) unknownApplied++;
  const again = ledger.find((x) => x.resendOf === e.id);
  if (e.op.includes('flood')) { if (p.length) unknownProblems.push(`${e.op} ${e.id}: ${p.join(', ')}`); continue; }
  if (!again) { unknownProblems.push(`${e.op} ${e.id}: never resent`); continue; }
  if (again.outcome !== 'acked') p.push(`resend ${again.outcome} ${again.code ?? again.lastError ?? ''}`);
  else if (first.length && !again.replayed) p.push('applied before, yet the resend applied it again');
  else if (first.length && again.version !== first.at(-1).v) p.push(`resend answered version ${again.version}, the first left ${first.at(-1).v}`);
  else if (!first.length && again.replayed) p.push('nothing was stored, yet the resend was answered as a replay');
  else if (!first.length && of(again.id).length !== (again.events?.length ?? -1)) p.push(`the resend stored ${of(again.id).length} events, acknowledged ${again.events?.length}`);
  if (p.length) unknownProblems.push(`${e.op} ${e.id} ${e.trackingCode ?? ''}: ${p.join(', ')}`);
}
check('every unknown command is all there or absent, and its resend with the key gives the same result', unknownProblems,
  `${unknown.length} unknown: ${unknownApplied} had been applied, ${unknown.length - unknownApplied} had not`);

// 4. Streams: no gap, no doubled version, the stream's version is its last event's.
const gaps = json(`select s.id::text as stream, s.version, count(e.*) as events, max(e.version) as last, count(distinct e.version) as distinct_versions
  from cases.mt_streams s left join cases.mt_events e on e.stream_id = s.id
  where not exists (select 1 from cases.mt_events t where t.stream_id = s.id and t.type = 'tombstone') -- Marten's gap bookkeeping
  group by s.id, s.version
  having count(e.*) <> s.version or max(e.version) <> s.version or count(distinct e.version) <> count(e.*) or min(e.version) <> 1`);
check('no stream has a gap or a doubled version', gaps, `${psql('select count(*) from cases.mt_streams')} streams, ${psql('select count(*) from cases.mt_events')} events, of which ${psql("select count(*) from cases.mt_events where type = 'tombstone'")} Marten tombstones of failed appends`);

// 5. The hash chain.
const audit = cli('audit', 'verify', '--all');
check('audit verify --all holds', audit.status === 0 ? [] : [`exit ${audit.status}: ${(audit.stdout + audit.stderr).trim().split('\n').slice(-3).join(' | ')}`],
  (audit.stdout.trim().split('\n').at(-1) ?? '').slice(0, 160));

// 6. Every projection equals a full rebuild (shadow tables, swapped in), table by table, row by row (a digest of the rows in order).
const tables = ['public_cases', 'public_timeline', 'sla_facts', 'sla_monthly', 'sla_rollup', 'agency_queues'];
const digest = () => Object.fromEntries(tables.map((t) => [t, psql(`select count(*) || ' ' || coalesce(md5(string_agg(x::text, E'\\n' order by x::text)), '') from projections.${t} x`)]));
const live = digest();
const rebuildProblems = [];
for (const p of ['public_cases', 'sla', 'agency_queues']) {
  const r = cli('projections', 'rebuild', p);
  if (r.status !== 0) rebuildProblems.push(`rebuild ${p} exited ${r.status}: ${(r.stdout + r.stderr).trim().split('\n').slice(-2).join(' | ')}`);
}
const rebuilt = digest();
for (const t of tables) if (live[t] !== rebuilt[t]) rebuildProblems.push(`${t}: live ${live[t]}, rebuilt ${rebuilt[t]}`);
check('every projection equals a full rebuild', rebuildProblems, tables.map((t) => `${t} ${live[t].split(' ')[0]} rows`).join(', '));

// 7. Dead letters: Wolverine's and the projections'.
const wolverineDead = json(`select message_type, exception_type, left(exception_message, 160) as message from wolverine.wolverine_dead_letters`);
const projectionDead = json(`select left(data::text, 240) as letter from cases.mt_doc_deadletterevent`);
check('no dead letters (Wolverine and projections)', [...wolverineDead, ...projectionDead]);

// 8. Every live subscriber saw its case's final public view (reconnecting with afterVersion as needed).
const subs = Object.entries(run.subscribers);
check('every live subscriber saw the final state of its case', subs.filter(([, s]) => !s.final || s.seen.version !== s.final.version || s.seen.status !== s.final.status)
  .map(([code, s]) => `${code}: saw ${s.seen.status} v${s.seen.version}, final ${s.final?.status} v${s.final?.version}`),
  `${subs.length} followed, ${subs.reduce((a, [, s]) => a + Math.max(0, s.seen.connects - 1), 0)} reconnections`);

// 9. Bad requests got their typed errors (or the proxy's own answer while no node served).
// An internal error while PostgreSQL restarts is the outage (the request could not be judged), not a wrong answer.
const inFault = (at) => faults.some((f) => at >= f.start - 1000 && at <= f.end + 5000);
check('bad requests got their typed errors outside the faults, never a 500 from a node', run.bad.wrong.filter((w) => !inFault(w.at)),
  `${run.bad.sent} sent, ${run.bad.typed} typed, ${run.bad.transport + run.bad.wrong.filter((w) => inFault(w.at)).length} met an outage`);

// 10. The faults really happened and every node came back.
const expected = withFaults ? 4 : 0;
check('every fault was survived: nodes and the database back to ready', [
  ...(faults.length !== expected ? [`${faults.length} faults, planned ${expected}`] : []),
  ...faults.filter((f) => f.readyMs < 0).map((f) => `${f.what}: not ready again`),
], faults.map((f) => `${f.what} ${((f.end - f.start) / 1000).toFixed(1)} s to full service`).join(', ') || 'no faults (baseline)');

// 11. Deadlines (the drill's limits are minutes around the clock, and the load leaves some cases waiting): every clock
// that ran past its due time before the horizon got exactly one warning and one breach for that due time; no warning
// or breach is doubled; none came for a clock that had stopped (or moved) before it. Only the run's own cases: the
// seeded ones were written with the seeder's simulated clock, which schedules nothing.
const horizon = run.deadlineHorizon;
const clockEvents = json(`select e.stream_id::text as s, e.version as v, e.type as t, e.timestamp as ts,
    e.data->>'timer' as timer, coalesce(e.data->>'dueAt', e.data->>'verifyDueAt') as due, e.data->>'at' as at
  from cases.mt_events e
  where e.stream_id in (select stream_id from cases.mt_events where type = 'case_received' and correlation_id like 'chaos-%')
  order by e.stream_id, e.version`);
const byStream = new Map();
for (const e of clockEvents) { if (!byStream.has(e.s)) byStream.set(e.s, []); byStream.get(e.s).push(e); }
const deadlineProblems = [];
let fellDue = 0, warnings = 0, breaches = 0;
const stops = { Verify: ['case_verified', 'case_rejected', 'duplicate_linked', 'case_withdrawn', 'case_closed'], Resolve: ['case_resolved', 'case_withdrawn', 'case_closed', 'information_requested'] };
for (const [stream, es] of byStream) {
  // Each clock: its timer, its due time, when it started and when it stopped or moved (null: running at the end).
  const clocks = [];
  let running = null;
  const stop = (at) => { if (running) { running.end = at; running = null; } };
  const marks = new Map();
  for (const e of es) {
    if (e.t === 'case_received' && e.due) { stop(e.at); running = { timer: 'Verify', due: e.due, start: e.at, end: null }; clocks.push(running); }
    else if (e.t === 'case_assigned') { stop(e.at); running = { timer: 'Resolve', due: e.due, start: e.at, end: null }; clocks.push(running); }
    else if (e.t === 'information_provided') {
      // The answer resumes (or restarts) the clock the question paused, with the due time the event carries.
      if (e.timer && e.due) { stop(e.at); running = { timer: e.timer, due: e.due, start: e.at, end: null }; clocks.push(running); }
    } else if (['extension_granted', 'due_times_recomputed', 'case_transferred', 'agency_succeeded'].includes(e.t)) {
      // The clock moved: the load sends none of these; a run that does would need them followed here.
      deadlineProblems.push(`${stream} v${e.v}: ${e.t} is not followed by this check`);
    } else if (running && stops[running.timer].includes(e.t)) stop(e.at);
    if (e.t === 'deadline_approaching' || e.t === 'deadline_breached') {
      const key = `${e.t} ${e.timer} ${e.due}`;
      if (marks.has(key)) deadlineProblems.push(`${stream}: ${key} twice (v${marks.get(key)} and v${e.v})`);
      marks.set(key, e.v);
      e.t === 'deadline_breached' ? breaches++ : warnings++;
      const clock = clocks.find((c) => c.timer === e.timer && c.due === e.due && Date.parse(c.start) <= Date.parse(e.at) && (c.end === null || Date.parse(e.at) <= Date.parse(c.end)));
      if (!clock) deadlineProblems.push(`${stream} v${e.v}: ${e.t} ${e.timer} due ${e.due} at ${e.at}, when no such clock ran`);
      else if (e.t === 'deadline_breached' && Date.parse(e.at) < Date.parse(e.due)) deadlineProblems.push(`${stream} v${e.v}: breached at ${e.at}, before its due time ${e.due}`);
    }
  }
  for (const c of clocks) {
    const due = Date.parse(c.due);
    if (due > horizon || (c.end !== null && Date.parse(c.end) < due)) continue;
    fellDue++;
    for (const t of ['deadline_approaching', 'deadline_breached'])
      if (!marks.has(`${t} ${c.timer} ${c.due}`)) deadlineProblems.push(`${stream}: ${c.timer} clock due ${c.due} ran past it, no ${t}`);
  }
}
check('every deadline that fell due fired exactly once, none for a stopped clock', deadlineProblems,
  `${fellDue} clocks ran past their due time before ${new Date(horizon).toISOString()}; ${warnings} warnings, ${breaches} breaches`);

// The figures.
const span = (run.loadEnded - run.started) / 1000;
const during = inFault;
const p = (list, q) => { const s = [...list].sort((a, b) => a - b); return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : 0; };
const quiet = run.attempts.filter((a) => !during(a.at)).map((a) => a.ms);
const all = run.attempts.map((a) => a.ms);
let longest = 0, downSince = null;
for (const [at, ok] of run.probes) {
  if (!ok && downSince === null) downSince = at;
  if (ok && downSince !== null) { longest = Math.max(longest, at - downSince); downSince = null; }
}
const codes = {};
for (const e of refused) codes[e.code] = (codes[e.code] ?? 0) + 1;
console.log(`# commands: sent ${sent.length}, acknowledged ${acked.length}, refused ${refused.length} (${Object.entries(codes).map(([c, k]) => `${c} ${k}`).join(', ')}), unknown ${unknown.length}; resent ${run.resends.length}`);
console.log(`# throughput: ${(acked.length / span).toFixed(1)} acknowledged commands/s over ${span.toFixed(0)} s; ${run.reads.ok} public reads (${run.reads.failed} failed)`);
console.log(`# latency per attempt: p50 ${p(quiet, 0.5)} ms, p99 ${p(quiet, 0.99)} ms outside the faults (${quiet.length} attempts); p99 ${p(all, 0.99)} ms overall`);
console.log(`# faults: ${faults.filter((f) => f.what.startsWith('kill')).length} kills, ${faults.filter((f) => f.what === 'pg-restart').length} PostgreSQL restarts; ${faults.map((f) => `${f.what} (${f.down !== '-' ? `${f.down}, ` : ''}ready ${f.readyMs} ms after restart, ${((f.end - f.start) / 1000).toFixed(1)} s in all)`).join('; ') || 'none'}`);
console.log(`# longest time without service through the proxy: ${(longest / 1000).toFixed(1)} s (probes of /health/ready every 250 ms)`);
console.log(`# pass ${passed}`);
console.log(`# fail ${failed}`);
process.exit(failed ? 1 : 0);
