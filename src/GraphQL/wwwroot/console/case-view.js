// A case for staff (issue 13, 4): the full internal timeline (every event with actor, time and the
// working time since the one before), the clocks and their due times, the reporter's contact when the
// server gives it (it does only to those allowed, and logs each view), and a form for exactly the
// actions the server lists for this case and this user.

import { h, replace } from '../dom.js';
import { categoryName, channelName, dateTime, kindName, lang, number, t } from '../i18n.js';
import { gql, session } from './session.js';
import { ACTIONS, FIELD_ALIASES, badTimes, valuesOf } from './actions.js';
import { checkRequired, setFieldError, setStatus, showSubmitError, statusSlot } from './forms.js';
import { clockName, duration, eventName, eventText, priorityBadge, roleName, statusChip } from './format.js';
import { miniMap, photoStrip, watchMaps } from './evidence.js';

const UPLOAD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Every photo the case holds by where it came from, and the agencies' typed document references, from the events. */
function evidenceOf(timeline) {
  const reported = [], provided = [], progress = [], after = [], documents = [];
  for (const e of timeline) {
    let d;
    try { d = JSON.parse(e.data); } catch { continue; }
    if (e.type === 'case_received') reported.push(...(d.mediaRefs ?? []));
    if (e.type === 'information_provided') provided.push(...(d.mediaRefs ?? []));
    if (e.type === 'progress_noted') progress.push(...(d.mediaRefs ?? []));
    if (e.type === 'case_resolved') for (const r of d.evidenceRefs ?? []) (UPLOAD_ID.test(r) ? after : documents).push(r);
  }
  return { reported, provided, progress, after, documents };
}

const CASE_FIELDS = `trackingCode version kind status publicStatus channel category priority ward confidential leadAgency
  supportingAgencies receivedAt verifyDueAt dueAt extendedDueAt effectiveDueAt acceptDueAt apologyIssued apologyDueAt
  informationReplyDueAt resolvedAt onTime publicAnswer rating cycle`;

const QUERY = `query StaffCase($code: String!) {
  staffCase(trackingCode: $code) {
    case { ${CASE_FIELDS} }
    description location { latitude longitude } actions publicSummary defaultPublicSummary
    duplicateSuggestions { trackingCode category ward publicStatus receivedAt distanceMeters }
    people { id name }
    clocks { name dueAt running overdue }
    timeline { version type at actorId actorRole actorAgency command data workingTimeSincePrevious }
    reporter { name phone email address }
    notifications { recipient channel kind status address detail updatedAt }
  }
  agencies { id name nameEn kind ward }
  categories { kind code }
  wards: knownWards
}`;

// A message to show once on the next drawing of a case (after an action succeeded).
let flash = null;

export async function caseView(ctx) {
  const code = ctx.arg.trim().toUpperCase();
  const data = await gql(QUERY, { code });
  if (!ctx.isCurrent()) return;
  const s = data.staffCase;
  const c = s.case;
  const agencies = data.agencies ?? [];
  const agencyName = (id) => {
    const a = agencies.find((x) => x.id === id);
    return a ? `${lang() === 'en' && a.nameEn ? a.nameEn : a.name} (${id})` : id;
  };
  const people = new Map((s.people ?? []).map((p) => [p.id, p.name]));
  document.title = `${c.trackingCode} · ${t('consoleTitle')}`;
  const shownFlash = flash?.code === c.trackingCode ? flash : null;
  flash = null;
  const row = (label, ...value) => [h('dt', {}, label), h('dd', {}, ...value)];
  const role = session()?.role;

  replace(ctx.main,
    h('h1', { tabindex: '-1' }, t('staffCaseTitle', c.trackingCode)),
    shownFlash ? h('p', { class: 'note ok', role: 'status', id: 'case-flash', 'data-action': shownFlash.action }, shownFlash.text) : null,
    h('p', { class: 'case-status' }, statusChip(c.status), ' ', priorityBadge(c.priority), ' ',
      c.confidential ? h('span', { class: 'badge bad' }, t('confidential')) : null,
      h('span', { class: 'muted' }, ` ${t('versionN', c.version)} · ${t('cycleN', c.cycle)}`)),
    h('section', { class: 'card', 'aria-labelledby': 'facts-h2' },
      h('h2', { id: 'facts-h2' }, t('caseFacts')),
      h('dl', { class: 'facts', id: 'case-facts' },
        row(t('kind'), kindName(c.kind)),
        row(t('category'), categoryName(c.category)),
        row(t('ward'), c.ward),
        row(t('channel'), channelName(c.channel)),
        row(t('receivedAt'), dateTime(c.receivedAt)),
        row(t('leadAgency'), c.leadAgency ? agencyName(c.leadAgency) : t('noAgency')),
        (c.supportingAgencies ?? []).length ? row(t('supportingAgencies'), c.supportingAgencies.map(agencyName).join('; ')) : null,
        s.location ? row(t('location'), `${s.location.latitude.toFixed(5)}, ${s.location.longitude.toFixed(5)}`) : null,
        row(t('description'), h('span', { id: 'case-description' }, s.description)),
        c.publicAnswer ? row(t('publicAnswer'), h('span', { id: 'case-answer' }, c.publicAnswer)) : null,
        c.onTime !== null && c.onTime !== undefined ? row(t('result'), c.onTime ? t('onTime') : t('late')) : null,
        c.rating ? row(t('rating'), `${c.rating}/5`) : null),
      h('p', {}, h('a', { href: `../#/case/${encodeURIComponent(c.trackingCode)}` }, t('publicPage')),
        role === 'auditor' || role === 'admin' ? [' · ', h('a', { href: `#/audit/${encodeURIComponent(c.trackingCode)}` }, t('auditPage'))] : null)),
    evidenceSection(s, c),
    reporterSection(s.reporter),
    notificationsSection(s.notifications ?? []),
    clocksSection(s.clocks ?? []),
    actionsSection(ctx, s, data),
    timelineSection(s.timeline ?? [], agencyName, people));
  watchMaps(ctx.main);
}

/** What the citizen sent and what the agency showed: every photo full size on click, the place on a map, the ward,
 * the public summary, and the open cases nearby with their distance. */
function evidenceSection(s, c) {
  const ev = evidenceOf(s.timeline ?? []);
  const dups = s.duplicateSuggestions ?? [];
  const group = (id, label, ids) => (ids.length ? h('div', { class: 'evidence-group', id }, h('h3', {}, `${label} (${ids.length})`), photoStrip(ids, c.trackingCode, ids.length, label)) : null);
  const mapEl = s.location ? miniMap(s.location, c.trackingCode, 'case-map') : null;
  if (mapEl && dups.length) mapEl.dataset.others = JSON.stringify([]);
  return h('section', { class: 'card evidence', id: 'evidence', 'aria-labelledby': 'evidence-h2' },
    h('h2', { id: 'evidence-h2' }, t('evidenceTitle')),
    group('photos-reported', t('photosReported'), ev.reported),
    group('photos-provided', t('photosProvided'), ev.provided),
    group('photos-progress', t('photosProgress'), ev.progress),
    group('photos-after', t('photosAfter'), ev.after),
    ev.documents.length ? h('div', { class: 'evidence-group', id: 'documents' }, h('h3', {}, t('documents')),
      h('ul', {}, ev.documents.map((d) => h('li', {}, h('code', {}, d))))) : null,
    s.publicSummary ? h('div', { class: 'evidence-group' }, h('h3', {}, t('publicSummaryNow')), h('p', { id: 'public-summary-now' }, s.publicSummary)) : null,
    mapEl ? h('div', { class: 'evidence-group' }, h('h3', {}, `${t('placeTitle')} · ${c.ward}`), mapEl,
      h('p', { class: 'muted' }, `${s.location.latitude.toFixed(5)}, ${s.location.longitude.toFixed(5)}`)) : null,
    dups.length ? h('div', { class: 'evidence-group', id: 'case-duplicates' }, h('h3', {}, t('duplicateSuggestions', dups.length)),
      h('ul', {}, dups.map((d) => h('li', {}, h('a', { href: `#/case/${encodeURIComponent(d.trackingCode)}` }, d.trackingCode),
        ` · ${categoryName(d.category)} · ${d.ward} · ${t('metersAway', number(d.distanceMeters))} · ${dateTime(d.receivedAt)}`)))) : null);
}

function reporterSection(r) {
  if (!r) return null;
  const row = (label, v) => (v ? [h('dt', {}, label), h('dd', {}, v)] : null);
  return h('section', { class: 'card reporter', id: 'reporter', 'aria-labelledby': 'reporter-h2' },
    h('h2', { id: 'reporter-h2' }, t('reporterContact')),
    h('p', { class: 'muted' }, t('reporterLogged')),
    h('dl', { class: 'facts' }, row(t('reporterName'), r.name), row(t('reporterPhone'), r.phone), row(t('reporterEmail'), r.email), row(t('reporterAddress'), r.address)));
}

// What was sent about the case (issue 22): to whom, by which channel, and how it went; addresses come masked.
function notificationsSection(rows) {
  if (rows.length === 0) return null;
  const th = (key) => h('th', { scope: 'col' }, t(key));
  return h('section', { class: 'card', id: 'notifications', 'aria-labelledby': 'notifications-h2' },
    h('h2', { id: 'notifications-h2' }, t('notificationsSent')),
    h('div', { class: 'table-wrap' },
      h('table', { id: 'notifications-table' },
        h('thead', {}, h('tr', {}, th('notificationKind'), th('notificationTo'), th('notificationChannel'), th('notificationStatus'), th('notificationAt'))),
        h('tbody', {}, rows.map((n) => h('tr', { 'data-status': n.status },
          h('td', {}, n.kind),
          h('td', {}, n.recipient, n.address ? h('div', { class: 'muted' }, n.address) : null),
          h('td', {}, n.channel),
          h('td', {}, h('span', { class: `badge${n.status === 'failed' ? ' bad' : ''}` }, t(`delivery_${n.status}`)), n.detail ? h('div', { class: 'muted' }, n.detail) : null),
          h('td', {}, dateTime(n.updatedAt))))))));
}

function clocksSection(clocks) {
  return h('section', { class: 'card', 'aria-labelledby': 'clocks-h2' },
    h('h2', { id: 'clocks-h2' }, t('clocks')),
    clocks.length === 0 ? h('p', {}, t('noClocks')) : h('div', { class: 'table-wrap' },
      h('table', { id: 'clocks' },
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('clock')), h('th', { scope: 'col' }, t('dueAt')), h('th', { scope: 'col' }, t('clockState')))),
        h('tbody', {}, clocks.map((k) => h('tr', { 'data-clock': k.name },
          h('th', { scope: 'row' }, clockName(k.name)),
          h('td', {}, dateTime(k.dueAt)),
          h('td', {}, k.overdue ? h('span', { class: 'badge bad' }, `! ${t('overdue')}`) : null, ' ',
            k.running ? t('running') : t('stopped'))))))));
}

function timelineSection(events, agencyName, people) {
  const who = (e) => people.get(e.actorId) ?? (e.actorId.startsWith('user:') || e.actorId.startsWith('key:') ? e.actorId : roleName(e.actorRole));
  return h('section', { class: 'card', 'aria-labelledby': 'timeline-h2' },
    h('h2', { id: 'timeline-h2' }, t('internalTimeline')),
    h('div', { class: 'table-wrap' },
      h('table', { id: 'staff-timeline', class: 'timeline-table' },
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', class: 'num' }, '#'), h('th', { scope: 'col' }, t('event')), h('th', { scope: 'col' }, t('time')),
          h('th', { scope: 'col' }, t('actor')), h('th', { scope: 'col' }, t('workingTimeSince')), h('th', { scope: 'col' }, t('details')))),
        h('tbody', {}, events.map((e) => {
          const said = eventText(e.data);
          return h('tr', { 'data-type': e.type, 'data-version': e.version },
            h('td', { class: 'num' }, e.version),
            h('th', { scope: 'row', 'data-label': t('event') }, eventName(e.type)),
            h('td', { 'data-label': t('time') }, dateTime(e.at)),
            h('td', { 'data-label': t('actor') }, h('span', { class: 'actor-name' }, who(e)),
              people.has(e.actorId) || e.actorAgency ? [h('br'), h('span', { class: 'muted' },
                people.has(e.actorId) ? roleName(e.actorRole) : '', e.actorAgency ? `${people.has(e.actorId) ? ' · ' : ''}${agencyName(e.actorAgency)}` : '')] : null),
            h('td', { class: 'num', 'data-label': t('workingTimeSince') }, duration(e.workingTimeSincePrevious)),
            h('td', { 'data-label': t('details') }, said ? h('p', { class: 'event-text' }, said) : null,
              h('details', {}, h('summary', {}, t('eventData')), h('pre', { tabindex: '0' }, h('code', {}, pretty(e.data))))));
        })))));
}

function pretty(json) {
  try { return JSON.stringify(JSON.parse(json), null, 2); } catch { return json; }
}

function actionsSection(ctx, s, data) {
  const known = s.actions.filter((a) => ACTIONS[a]);
  const unknown = s.actions.filter((a) => !ACTIONS[a]);
  return h('section', { class: 'card actions', id: 'actions', 'aria-labelledby': 'actions-h2' },
    h('h2', { id: 'actions-h2' }, t('actions')),
    s.actions.length === 0 ? h('p', { id: 'no-actions' }, t('noActions')) : null,
    known.map((name) => actionForm(ctx, name, s.case, data)),
    unknown.length ? h('p', { class: 'muted' }, t('actionsElsewhere', unknown.join(', '))) : null);
}

function actionForm(ctx, name, c, data) {
  const def = ACTIONS[name];
  const prefix = `act-${name}`;
  const fctx = { c, prefix, agencies: data.agencies ?? [], categories: data.categories ?? [], wards: data.wards ?? [], staff: data.staffCase };
  const fields = def.fields.map((make) => make(fctx)).filter(Boolean);
  const status = statusSlot(`${prefix}-status`);
  const titleId = `${prefix}-title`;
  const button = h('button', { type: 'submit', id: `${prefix}-submit`, class: def.danger ? 'danger' : null }, t(`do_${name}`));
  const form = h('form', { class: 'action-form', id: `form-${name}`, 'data-action': name, novalidate: true, 'aria-labelledby': titleId },
    h('h3', { id: titleId }, t(`action_${name}`)),
    def.note ? h('p', { class: 'note warn', id: `${prefix}-note` }, t(def.note)) : null,
    fields.map((f) => f.node),
    h('div', { class: 'form-actions' }, button),
    status);
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    setStatus(status, null);
    if (!checkRequired(fields)) return;
    const bad = badTimes(fields);
    if (bad.length) { setFieldError(bad[0], t('badTime')); bad[0].control.focus(); return; }
    const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
    button.disabled = true;
    setStatus(status, t('sending'), 'info');
    try {
      // Photos chosen in the form are uploaded first (POST /media); their ids go with the mutation.
      const input = { trackingCode: c.trackingCode, expectedVersion: c.version, ...(await def.input(valuesOf(fields), fields)) };
      await gql(`mutation Act($input: ${type}!) { ${name}(input: $input) { case { trackingCode version status } events readModels { caughtUp } } }`, { input });
      flash = { code: c.trackingCode, action: name, text: t('actionDone', t(`action_${name}`)) };
      await ctx.rerender();
    } catch (e) {
      button.disabled = false;
      if (['SESSION_EXPIRED', 'CSRF_TOKEN_INVALID'].includes(e?.code)) return ctx.fail(e);
      if (e?.code === 'CASE_CONCURRENCY_CONFLICT') {
        setStatus(status, t('concurrencyConflict'), 'bad');
        status.focus();
        return;
      }
      for (const f of fields) setFieldError(f, null);
      showSubmitError(e, fields, status, FIELD_ALIASES);
    }
  });
  return form;
}
