// An agency's queue (issue 13, 3): its own open cases by due time, each marked overdue / due within a
// working day / on track, with the counts, and filters by status and category. Refreshed on queueChanged
// (polling without it).

import { h } from '../dom.js';
import { categoryName, dateTime, kindName, lang, number, t } from '../i18n.js';
import { gql } from './session.js';
import { idPart, redraw } from './live.js';
import { internalStatusName, priorityBadge, QUEUE_STATUSES, statusChip, urgencyBadge } from './format.js';
import { field } from './forms.js';
import { agencyName, loadAgencies } from './agencies.js';

const QUERY = `query Queue($status: String, $category: String, $first: Int) {
  myQueue(first: $first, status: $status, category: $category) {
    trackingCode kind category priority ward status accepted assignedAt acceptDueAt dueAt effectiveDueAt waitingForCitizen urgency
  }
  myQueueCounts { overdue dueSoon onTrack }
}`;

export async function queue(ctx) {
  const status = QUEUE_STATUSES.includes(ctx.params.get('status')) ? ctx.params.get('status') : null;
  const category = ctx.params.get('category') || null;
  const vars = { status, category, first: 200 };
  const [first, meta] = await Promise.all([gql(QUERY, vars), gql('{ categories { kind code } }'), loadAgencies().catch(() => null)]);
  if (!ctx.isCurrent()) return;
  let data = first;
  document.title = `${t('queueTitle')} · ${t('consoleTitle')}`;

  const counts = h('div', { class: 'figures queue-counts', id: 'queue-counts' });
  const list = h('ol', { class: 'case-list queue-list', id: 'queue-list', 'aria-labelledby': 'queue-h1' });
  const draw = () => {
    const c = data.myQueueCounts;
    redraw(counts,
      countFigure('overdue', t('countOverdue'), c.overdue, 'bad'),
      countFigure('due-soon', t('countDueSoon'), c.dueSoon, 'warn'),
      countFigure('on-track', t('countOnTrack'), c.onTrack, 'ok'));
    const items = data.myQueue;
    redraw(list, items.length ? items.map(queueItem) : h('li', { class: 'empty' }, t('queueEmpty')));
    list.dataset.count = String(items.length);
  };
  draw();
  // queueChanged says the queue moved; the page asks again with its filters and counts (the same query as loaded).
  const mode = ctx.live({ query: 'subscription QueueLive { queueChanged(first: 1) { trackingCode } }' }, async () => {
    const next = await gql(QUERY, vars);
    if (!ctx.isCurrent()) return;
    if (JSON.stringify(next) !== JSON.stringify(data)) { data = next; draw(); }
  });
  ctx.main.replaceChildren(
    h('h1', { tabindex: '-1', id: 'queue-h1' }, t('queueTitle', agencyName(ctx.session?.agencyId ?? ''))),
    h('p', { class: 'muted' }, t('queueHelp')),
    mode,
    counts,
    filters(status, category, meta.categories ?? []),
    list);
}

function countFigure(id, label, value, kind) {
  return h('div', { class: `figure count-${kind}`, id: `count-${id}` },
    h('p', { class: 'figure-label' }, label), h('p', { class: 'figure-value', 'data-value': value }, number(value)));
}

function filters(status, category, categories) {
  const statusField = field({
    name: 'status', label: t('status'), type: 'select', placeholder: t('all'), value: status ?? '',
    options: QUEUE_STATUSES.map((s) => ({ value: s, label: internalStatusName(s) })),
  }, 'queue');
  const categoryField = field({
    name: 'category', label: t('category'), type: 'select', placeholder: t('all'), value: category ?? '',
    options: categories.map((c) => ({ value: c.code, label: `${categoryName(c.code)} (${kindName(c.kind)})` }))
      .sort((a, b) => a.label.localeCompare(b.label, lang())),
  }, 'queue');
  const form = h('form', { class: 'filters card', id: 'queue-filters', 'aria-label': t('filters') },
    h('div', { class: 'filter-grid' }, statusField.node, categoryField.node),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit' }, t('apply')),
      h('a', { href: '#/queue', class: 'button-link' }, t('clear'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    if (statusField.control.value) q.set('status', statusField.control.value);
    if (categoryField.control.value) q.set('category', categoryField.control.value);
    const s = q.toString();
    location.hash = s ? `#/queue?${s}` : '#/queue';
  });
  return form;
}

function queueItem(q) {
  const code = q.trackingCode;
  const due = q.effectiveDueAt ?? q.dueAt;
  return h('li', { class: `case-item queue-item urgency-${String(q.urgency).toLowerCase()}`, 'data-code': code, 'data-urgency': q.urgency },
    h('div', { class: 'case-head' },
      h('a', { href: `#/case/${encodeURIComponent(code)}`, class: 'code', id: `open-${idPart(code)}` }, code),
      urgencyBadge(q.urgency), statusChip(q.status), priorityBadge(q.priority),
      q.accepted ? null : h('span', { class: 'badge warn' }, t('notAccepted'))),
    h('p', { class: 'case-what' }, categoryName(q.category), h('span', { class: 'muted' }, ` · ${kindName(String(q.kind).toUpperCase())} · ${q.ward}`)),
    h('p', { class: 'case-meta muted' },
      due ? `${t('dueAt')}: ${dateTime(due)}` : t('noDue'),
      !q.accepted && q.acceptDueAt ? ` · ${t('acceptDue')}: ${dateTime(q.acceptDueAt)}` : '',
      q.waitingForCitizen ? ` · ${t('waitingForCitizen')}` : '',
      q.assignedAt ? ` · ${t('assignedAt')}: ${dateTime(q.assignedAt)}` : ''));
}
