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
import { channelName, flagBadge } from './evidence.js';
import { CHANNELS } from './inbox.js';

const QUERY = `query Queue($status: String, $category: String, $first: Int, $after: String, $search: String, $ward: String, $channel: String) {
  myQueue(first: $first, after: $after, status: $status, category: $category, search: $search, ward: $ward, channel: $channel) {
    trackingCode kind category priority ward status accepted assignedAt acceptDueAt dueAt effectiveDueAt waitingForCitizen urgency
    channel flag flagReason flagAt cursor
  }
  myQueueCount(status: $status, category: $category, search: $search, ward: $ward, channel: $channel)
  myQueueCounts { overdue dueSoon onTrack }
}`;
const PAGE = 50;

export async function queue(ctx) {
  const status = QUEUE_STATUSES.includes(ctx.params.get('status')) ? ctx.params.get('status') : null;
  const category = ctx.params.get('category') || null;
  const filter = { search: ctx.params.get('q') || null, ward: ctx.params.get('ward') || null, channel: CHANNELS.includes(ctx.params.get('channel')) ? ctx.params.get('channel') : null };
  let loaded = PAGE;
  const vars = () => ({ status, category, ...filter, first: Math.min(loaded, 199) + 1 });
  const read = async () => {
    const d = await gql(QUERY, vars());
    return { ...d, more: d.myQueue.length > Math.min(loaded, 199), myQueue: d.myQueue.slice(0, Math.min(loaded, 199)) };
  };
  const [first, meta] = await Promise.all([read(), gql('{ categories { kind code } knownWards }'), loadAgencies().catch(() => null)]);
  if (!ctx.isCurrent()) return;
  let data = first;
  const total = h('p', { class: 'result-count', id: 'queue-count', role: 'status' });
  const moreButton = h('button', { type: 'button', id: 'queue-more', hidden: true, onclick: async () => {
    moreButton.disabled = true;
    try {
      const after = data.myQueue[data.myQueue.length - 1]?.cursor ?? null;
      const next = await gql(QUERY, { status, category, ...filter, first: PAGE + 1, after });
      if (!ctx.isCurrent()) return;
      data = { ...data, more: next.myQueue.length > PAGE, myQueue: [...data.myQueue, ...next.myQueue.slice(0, PAGE)] };
      loaded = data.myQueue.length;
      draw();
    } finally { moreButton.disabled = false; }
  } }, t('loadMore'));
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
    list.dataset.total = String(data.myQueueCount);
    total.textContent = t('inboxCountOf', number(items.length), number(data.myQueueCount));
    moreButton.hidden = !data.more;
  };
  draw();
  // queueChanged says the queue moved; the page asks again with its filters and counts (the same query as loaded).
  const mode = ctx.live({ query: 'subscription QueueLive { queueChanged(first: 1) { trackingCode } }' }, async () => {
    const next = await read();
    if (!ctx.isCurrent()) return;
    if (JSON.stringify(next) !== JSON.stringify(data)) { data = next; draw(); }
  });
  ctx.main.replaceChildren(
    h('h1', { tabindex: '-1', id: 'queue-h1' }, t('queueTitle', agencyName(ctx.session?.agencyId ?? ''))),
    h('p', { class: 'muted' }, t('queueHelp')),
    mode,
    counts,
    filters(status, category, meta.categories ?? [], filter, meta.knownWards ?? []),
    total, list, moreButton);
}

function countFigure(id, label, value, kind) {
  return h('div', { class: `figure count-${kind}`, id: `count-${id}` },
    h('p', { class: 'figure-label' }, label), h('p', { class: 'figure-value', 'data-value': value }, number(value)));
}

function filters(status, category, categories, filter, wards) {
  const search = field({ name: 'q', label: t('searchLabel'), type: 'search', value: filter.search ?? '', hint: t('searchPlaceholder') }, 'queue');
  const wardField = field({ name: 'ward', label: t('wardLabel'), type: 'select', placeholder: t('all'), value: filter.ward ?? '',
    options: wards.map((w) => ({ value: w, label: w })) }, 'queue');
  const channelField = field({ name: 'channel', label: t('channelLabel'), type: 'select', placeholder: t('all'), value: filter.channel ?? '',
    options: CHANNELS.map((c) => ({ value: c, label: channelName(c) })) }, 'queue');
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
    h('div', { class: 'filter-grid' }, search.node, statusField.node, categoryField.node, wardField.node, channelField.node),
    h('div', { class: 'filter-actions' },
      h('button', { type: 'submit' }, t('apply')),
      h('a', { href: '#/queue', class: 'button-link' }, t('clear'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const q = new URLSearchParams();
    if (statusField.control.value) q.set('status', statusField.control.value);
    if (categoryField.control.value) q.set('category', categoryField.control.value);
    if (search.control.value.trim()) q.set('q', search.control.value.trim());
    if (wardField.control.value) q.set('ward', wardField.control.value);
    if (channelField.control.value) q.set('channel', channelField.control.value);
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
      q.accepted ? null : h('span', { class: 'badge warn' }, t('notAccepted')), flagBadge(q)),
    q.flagReason ? h('p', { class: 'flag-reason', id: `flag-reason-${idPart(code)}` }, `${t(`flagReason_${q.flag}`)}: “${q.flagReason}”`) : null,
    h('p', { class: 'case-what' }, categoryName(q.category), h('span', { class: 'muted' }, ` · ${kindName(String(q.kind).toUpperCase())} · ${q.ward}`)),
    h('p', { class: 'case-meta muted' },
      due ? `${t('dueAt')}: ${dateTime(due)}` : t('noDue'),
      !q.accepted && q.acceptDueAt ? ` · ${t('acceptDue')}: ${dateTime(q.acceptDueAt)}` : '',
      q.waitingForCitizen ? ` · ${t('waitingForCitizen')}` : '',
      q.assignedAt ? ` · ${t('assignedAt')}: ${dateTime(q.assignedAt)}` : ''));
}
