// The staff audit log (issue 20, 10), for auditors and admins: sign-ins, failures, lock-outs, account changes and
// every view of a reporter's contact, newest first, filtered by login, kind and period, a page at a time.

import { h } from '../dom.js';
import { dateTime, t } from '../i18n.js';
import { gql } from './session.js';
import { field } from './forms.js';
import { fromLocalInput } from './format.js';

const EVENTS = ['sign_in', 'sign_in_failed', 'locked', 'disabled', 'sign_out', 'user_created', 'user_disabled', 'contact_viewed', 'agency_notification_address'];
const QUERY = `query StaffAudit($login: String, $event: String, $from: DateTime, $to: DateTime, $after: String) {
  staffAudit(login: $login, event: $event, from: $from, to: $to, first: 100, after: $after) { id at login name event detail correlationId }
}`;

export async function staffAudit(ctx) {
  const p = ctx.params;
  const vars = {
    login: p.get('login') || null, event: EVENTS.includes(p.get('event')) ? p.get('event') : null,
    from: p.get('from') ? fromLocalInput(p.get('from')) : null, to: p.get('to') ? fromLocalInput(p.get('to')) : null,
  };
  let rows = (await gql(QUERY, vars)).staffAudit;
  if (!ctx.isCurrent()) return;
  document.title = `${t('staffAuditTitle')} · ${t('consoleTitle')}`;
  const login = field({ name: 'login', label: t('staffAuditLogin'), value: vars.login ?? '' }, 'sa');
  const event = field({ name: 'event', label: t('staffAuditEvent'), type: 'select', placeholder: t('allOption'), value: vars.event ?? '',
    options: EVENTS.map((e) => ({ value: e, label: t(`audit_${e}`) })) }, 'sa');
  const from = field({ name: 'from', label: t('staffAuditFrom'), type: 'datetime', value: p.get('from') ?? '' }, 'sa');
  const to = field({ name: 'to', label: t('staffAuditTo'), type: 'datetime', value: p.get('to') ?? '' }, 'sa');
  const form = h('form', { class: 'filters card', id: 'staff-audit-filters' },
    login.node, event.node, from.node, to.node, h('button', { type: 'submit' }, t('applyFilters')), h('a', { href: '#/staff-audit' }, t('clearFilters')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = new URLSearchParams();
    for (const f of [login, event, from, to]) if (f.control.value.trim()) q.set(f.name, f.control.value.trim());
    location.hash = `#/staff-audit${q.toString() ? `?${q}` : ''}`;
  });
  const body = h('tbody', {});
  const more = h('button', { type: 'button', id: 'staff-audit-more', onclick: async () => {
    const next = (await gql(QUERY, { ...vars, after: rows[rows.length - 1]?.id ?? null })).staffAudit;
    rows = [...rows, ...next];
    draw(next.length === 100);
  } }, t('loadMore'));
  const detailText = (json) => {
    try {
      const d = JSON.parse(json);
      return Object.entries(d).map(([k, v]) => `${k}: ${v && typeof v === 'object' ? JSON.stringify(v) : v}`).join(' · ');
    } catch { return json; }
  };
  const draw = (hasMore) => {
    body.replaceChildren(...rows.map((r) => h('tr', { 'data-event': r.event },
      h('td', { 'data-label': t('staffAuditAt') }, dateTime(r.at)),
      h('td', { 'data-label': t('staffAuditLogin') }, r.name ? `${r.name} (${r.login})` : r.login ?? '–'),
      h('td', { 'data-label': t('staffAuditEvent') }, t(`audit_${r.event}`) === `audit_${r.event}` ? r.event : t(`audit_${r.event}`)),
      h('td', { 'data-label': t('staffAuditDetail') }, detailText(r.detail)))));
    more.hidden = !hasMore;
  };
  draw(rows.length === 100);
  ctx.main.replaceChildren(
    h('h1', { tabindex: '-1' }, t('staffAuditTitle')), h('p', { class: 'muted' }, t('staffAuditIntro')), form,
    rows.length ? h('div', { class: 'table-wrap' }, h('table', { id: 'staff-audit', class: 'timeline-table' },
      h('thead', {}, h('tr', {}, [t('staffAuditAt'), t('staffAuditLogin'), t('staffAuditEvent'), t('staffAuditDetail')].map((c) => h('th', { scope: 'col' }, c)))),
      body)) : h('p', { id: 'staff-audit-empty' }, t('staffAuditNone')),
    more);
}
