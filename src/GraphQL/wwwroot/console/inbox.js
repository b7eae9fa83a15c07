// The operator's inbox (issue 13, 2): reports and dossiers to verify, verified cases to assign, resolved
// reports to close or return, most urgent first (the server orders them), each with the due time of its
// clocks; duplicate suggestions one click from linkDuplicate; verify, reject with a reason, and assign to a
// lead agency right from the row. Refreshed on inboxChanged (polling without it). Rows whose data did not
// change keep their elements across refreshes, and a row's action forms are kept even when its data
// changes, so what an operator is typing survives a refresh.

import { h } from '../dom.js';
import { categoryName, dateTime, kindName, number, t } from '../i18n.js';
import { gql } from './session.js';
import { idPart } from './live.js';
import { priorityBadge, statusChip } from './format.js';
import { checkRequired, field, setFieldError, setStatus, showSubmitError, statusSlot } from './forms.js';
import { errorMessage } from '../errors.js';
import { flagBadge, photoStrip, watchMaps, miniMap, channelName } from './evidence.js';
import { FIELD_ALIASES } from './actions.js';
import { leadPicker } from './pickers.js';
import { loadAgencies } from './agencies.js';

export const STAGES = ['TO_VERIFY', 'TO_ASSIGN', 'TO_REVIEW'];

const FILTERS = 'search: $search, category: $category, ward: $ward, channel: $channel';
const QUERY = `query Inbox($stage: InboxStage, $first: Int, $after: String, $search: String, $category: String, $ward: String, $channel: String) {
  inbox(stage: $stage, first: $first, after: $after, ${FILTERS}) {
    trackingCode kind category ward priority status receivedAt verifyDueAt dueAt overdue description channel
    photos location { latitude longitude } flag flagReason flagAt resolvedAt cursor
    duplicateSuggestions { trackingCode category ward publicStatus receivedAt distanceMeters }
  }
  inboxCounts(${FILTERS}) { toVerify toAssign toReview }
}`;
const PAGE = 50;
export const CHANNELS = ['app', 'web', 'hotline', 'social', 'desk'];

export async function inbox(ctx) {
  const stage = STAGES.includes(ctx.params.get('stage')) ? ctx.params.get('stage') : 'TO_VERIFY';
  const filter = {
    search: ctx.params.get('q') || null, category: ctx.params.get('category') || null,
    ward: ctx.params.get('ward') || null, channel: CHANNELS.includes(ctx.params.get('channel')) ? ctx.params.get('channel') : null,
  };
  let loaded = PAGE;
  let counts = null;
  let more = false;
  const read = async (first, after = null) => {
    const data = await gql(QUERY, { stage, first: first + 1, after, ...filter });
    counts = data.inboxCounts;
    return { items: data.inbox.slice(0, first), more: data.inbox.length > first };
  };
  // Refreshes read again as many items as the pages loaded so far (a keyset read from the start).
  const load = async () => { const r = await read(Math.min(loaded, 199)); more = r.more; return r.items; };
  const [first, agencies, meta] = await Promise.all([load(), stage === 'TO_ASSIGN' ? loadAgencies() : null,
    gql('{ categories { kind code } knownWards }').catch(() => ({ categories: [], knownWards: [] }))]);
  let items = first;
  if (!ctx.isCurrent()) return;
  document.title = `${t('inboxTitle')} · ${t('consoleTitle')}`;

  const status = statusSlot('inbox-status');
  const count = h('p', { class: 'result-count', id: 'inbox-count', role: 'status' });
  const list = h('ol', { class: 'case-list inbox-list', id: 'inbox-list', 'aria-labelledby': 'inbox-h1' });
  // Cases acted on from this page: the server said they left the stage, so they are not shown even while the
  // read side still lists them (it catches up within moments).
  const handled = new Set();
  let rows = new Map();
  const env = { stage, agencies: agencies ?? [], link: (...a) => link(...a), act: (...a) => act(...a) };
  const draw = () => {
    const shown = items.filter((i) => !handled.has(i.trackingCode));
    const next = new Map();
    const nodes = shown.map((item) => {
      const key = JSON.stringify(item);
      const old = rows.get(item.trackingCode);
      // A row being worked on (focus in it, a form open) stays as it is until the next change after; the
      // others are drawn anew when their data changed.
      const busy = old && old.key !== key && (old.node.contains(document.activeElement) || old.node.querySelector('details[open]'));
      const actions = old?.actions ?? rowActions(item, env);
      const node = old && (old.key === key || busy) ? old.node : inboxItem(item, env, actions);
      next.set(item.trackingCode, { key: busy ? old.key : key, node, actions });
      return node;
    });
    rows = next;
    const total = counts ? counts[{ TO_VERIFY: 'toVerify', TO_ASSIGN: 'toAssign', TO_REVIEW: 'toReview' }[stage]] : shown.length;
    count.textContent = t('inboxCountOf', number(shown.length), number(total));
    place(list, nodes.length ? nodes : [h('li', { class: 'empty' }, t('inboxEmpty'))]);
    list.dataset.count = String(shown.length);
    list.dataset.total = String(total);
    moreButton.hidden = !more;
    for (const s of STAGES) {
      const tab = document.getElementById(`stage-count-${s}`);
      if (tab && counts) tab.textContent = number(counts[{ TO_VERIFY: 'toVerify', TO_ASSIGN: 'toAssign', TO_REVIEW: 'toReview' }[s]]);
    }
    watchMaps(list);
  };
  const moreButton = h('button', { type: 'button', id: 'inbox-more', hidden: true, onclick: async () => {
    moreButton.disabled = true;
    try {
      const r = await read(PAGE, items[items.length - 1]?.cursor ?? null);
      if (!ctx.isCurrent()) return;
      items = [...items, ...r.items.filter((i) => !items.some((x) => x.trackingCode === i.trackingCode))];
      loaded = items.length;
      more = r.more;
      draw();
    } finally {
      moreButton.disabled = false;
    }
  } }, t('loadMore'));
  const refresh = async () => {
    const next = await load();
    if (!ctx.isCurrent()) return;
    let changed = JSON.stringify(next) !== JSON.stringify(items);
    for (const code of handled) if (!next.some((i) => i.trackingCode === code)) { handled.delete(code); changed = true; }
    if (changed) { items = next; draw(); }
  };
  /** Runs one mutation from a row; errors beside the row's fields (or in its status slot), success page-wide. */
  async function act(name, code, input, fields, rowStatus, button) {
    for (const f of fields) setFieldError(f, null);
    button.disabled = true;
    setStatus(rowStatus, t('sending'), 'info');
    try {
      const type = `${name[0].toUpperCase()}${name.slice(1)}Input`;
      await gql(`mutation Act($input: ${type}!) { ${name}(input: $input) { case { trackingCode status } readModels { caughtUp } } }`,
        { input: { trackingCode: code, ...input } });
      handled.add(code);
      setStatus(status, t('inlineDone', t(`action_${name}`), code), 'ok');
      draw();
      status.focus();
      await refresh();
    } catch (e) {
      button.disabled = false;
      if (['SESSION_EXPIRED', 'CSRF_TOKEN_INVALID'].includes(e?.code)) return ctx.fail(e);
      setStatus(rowStatus, null);
      showSubmitError(e, fields, rowStatus, FIELD_ALIASES);
    }
  }
  async function link(code, master, button) {
    button.disabled = true;
    try {
      await gql(`mutation Link($input: LinkDuplicateInput!) { linkDuplicate(input: $input) { case { trackingCode status } readModels { caughtUp } } }`,
        { input: { trackingCode: code, masterTrackingCode: master } });
      handled.add(code);
      setStatus(status, t('linkedDuplicate', code, master), 'ok');
      draw();
      status.focus();
      await refresh();
    } catch (e) {
      button.disabled = false;
      if (e?.code === 'SESSION_EXPIRED') return ctx.fail(e);
      setStatus(status, `${t('actionFailed')} ${errorMessage(e)}`, 'bad');
      status.focus();
    }
  }

  draw();
  const mode = ctx.live({ query: 'subscription InboxLive { inboxChanged { resync } }' }, refresh);
  ctx.main.replaceChildren(
    h('h1', { tabindex: '-1', id: 'inbox-h1' }, t('inboxTitle')),
    h('nav', { class: 'tabs', 'aria-label': t('inboxStages') },
      h('ul', {}, STAGES.map((s) => h('li', {},
        h('a', { href: `#/inbox?${query({ ...filter, stage: s })}`, id: `stage-${s}`, 'aria-current': s === stage ? 'page' : null },
          t(`stage_${s}`), ' ', h('span', { class: 'tab-count', id: `stage-count-${s}` }, counts ? number(counts[{ TO_VERIFY: 'toVerify', TO_ASSIGN: 'toAssign', TO_REVIEW: 'toReview' }[s]]) : '')))))),
    h('p', { class: 'muted' }, t(`stageHelp_${stage}`)),
    filterForm(stage, filter, meta),
    mode, count, status, list, moreButton);
  draw();
}

/**
 * Puts the rows in order moving only those out of place: a row that stays where it was is not taken out of
 * the page, so the control in it keeps the focus and what is typed (a moved one gets its focus back).
 */
function place(list, nodes) {
  const wanted = new Set(nodes);
  for (const child of [...list.children]) if (!wanted.has(child)) child.remove();
  let at = list.firstElementChild;
  const moved = nodes.some((n, i) => list.children[i] !== n);
  if (!moved) return;
  const active = document.activeElement;
  const id = active && list.contains(active) ? active.id : null;
  for (const node of nodes) {
    if (node === at) { at = at.nextElementSibling; continue; }
    list.insertBefore(node, at);
  }
  if (id && document.activeElement !== active) document.getElementById(id)?.focus();
}

function inboxItem(c, { link }, actions) {
  const code = c.trackingCode;
  const due = [
    c.verifyDueAt ? `${t('verifyDue')}: ${dateTime(c.verifyDueAt)}` : null,
    c.dueAt ? `${t('resolveDue')}: ${dateTime(c.dueAt)}` : null,
    c.resolvedAt ? `${t('resolvedAtLabel')}: ${dateTime(c.resolvedAt)}` : null,
  ].filter(Boolean).join(' · ');
  const dups = c.duplicateSuggestions ?? [];
  return h('li', { class: `case-item inbox-item${c.overdue ? ' overdue' : ''}`, 'data-code': code },
    h('div', { class: 'case-head' },
      h('a', { href: `#/case/${encodeURIComponent(code)}`, class: 'code', id: `open-${idPart(code)}` }, code),
      statusChip(c.status), priorityBadge(c.priority),
      c.overdue ? h('span', { class: 'badge bad' }, `! ${t('overdue')}`) : null,
      flagBadge(c)),
    c.flagReason ? h('p', { class: 'flag-reason', id: `flag-reason-${idPart(code)}` }, `${t(`flagReason_${c.flag}`)}: “${c.flagReason}”`) : null,
    h('p', { class: 'case-what' }, categoryName(c.category),
      h('span', { class: 'muted' }, ` · ${kindName(String(c.kind).toUpperCase())} · ${c.ward}${c.channel ? ` · ${channelName(c.channel)}` : ''}`)),
    h('div', { class: 'evidence-row' },
      h('p', { class: 'description' }, c.description.length > 240 ? `${c.description.slice(0, 240)}…` : c.description),
      photoStrip(c.photos ?? [], code, 3),
      c.location ? miniMap(c.location, code) : null),
    h('p', { class: 'case-meta muted' }, `${t('receivedAt')}: ${dateTime(c.receivedAt)}`, due ? ` · ${due}` : ''),
    dups.length ? h('div', { class: 'duplicates' },
      h('p', { class: 'dup-title' }, t('duplicateSuggestions', dups.length)),
      h('ul', {}, dups.map((d) => h('li', {},
        h('a', { href: `#/case/${encodeURIComponent(d.trackingCode)}` }, d.trackingCode),
        ` · ${categoryName(d.category)} · ${d.ward} · ${t('metersAway', number(d.distanceMeters))} · ${dateTime(d.receivedAt)} `,
        // The older case is the master: a report is merged into one received before it, after a confirmation.
        Date.parse(d.receivedAt) <= Date.parse(c.receivedAt)
          ? mergeConfirm(code, d.trackingCode, link)
          : h('span', { class: 'muted', id: `dup-newer-${idPart(code)}-${idPart(d.trackingCode)}` }, t('dupNewer')))))) : null,
    actions);
}

/** "Merge into …", then an explicit confirmation naming both cases, before linkDuplicate is sent. */
function mergeConfirm(code, master, link) {
  const id = `${idPart(code)}-${idPart(master)}`;
  const confirm = h('span', { class: 'merge-confirm', id: `dup-confirm-${id}`, hidden: true, role: 'group' },
    h('span', {}, t('mergeConfirm', code, master), ' '),
    h('button', { type: 'button', class: 'small danger', id: `dup-yes-${id}`, onclick: (event) => link(code, master, event.currentTarget) }, t('mergeYes')),
    ' ',
    h('button', { type: 'button', class: 'small', id: `dup-no-${id}`, onclick: () => { confirm.hidden = true; ask.hidden = false; ask.focus(); } }, t('mergeNo')));
  const ask = h('button', {
    type: 'button', class: 'small', id: `dup-${id}`,
    onclick: () => { ask.hidden = true; confirm.hidden = false; confirm.querySelector('button').focus(); },
  }, t('linkAsDuplicate', master));
  return h('span', {}, ask, confirm);
}

function query(params) {
  return new URLSearchParams(Object.entries({ stage: params.stage, q: params.search, category: params.category, ward: params.ward, channel: params.channel })
    .filter(([, v]) => v)).toString();
}

/** Search (tracking code or words of the description) and filters by category, ward and channel, kept in the address. */
function filterForm(stage, filter, meta) {
  const search = h('input', { type: 'search', name: 'q', id: 'inbox-search', value: filter.search ?? '', placeholder: t('searchPlaceholder') });
  const select = (name, label, options, value) => h('label', { class: 'filter' }, h('span', {}, label),
    h('select', { name, id: `inbox-${name}` }, h('option', { value: '' }, t('allOption')),
      options.map(([v, text]) => h('option', { value: v, selected: v === value }, text))));
  const form = h('form', { class: 'filters', id: 'inbox-filters', role: 'search' },
    h('label', { class: 'filter' }, h('span', {}, t('searchLabel')), search),
    select('category', t('categoryLabel'), (meta.categories ?? []).map((c) => [c.code, categoryName(c.code)]), filter.category),
    select('ward', t('wardLabel'), (meta.knownWards ?? []).map((w) => [w, w]), filter.ward),
    select('channel', t('channelLabel'), CHANNELS.map((c) => [c, channelName(c)]), filter.channel),
    h('button', { type: 'submit', id: 'inbox-filter-apply' }, t('applyFilters')),
    h('a', { href: `#/inbox?stage=${stage}`, id: 'inbox-filter-clear' }, t('clearFilters')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/inbox?${query({ stage, search: search.value.trim(), category: form.category.value, ward: form.ward.value, channel: form.channel.value })}`;
  });
  return form;
}

/** What an operator does straight from the row: verify or reject (with a reason) a new case, assign a verified one. */
function rowActions(c, { stage, agencies, act }) {
  const code = c.trackingCode;
  const id = idPart(code);
  const rowStatus = statusSlot(`row-status-${id}`);
  if (stage === 'TO_VERIFY') {
    const verify = h('button', { type: 'button', id: `verify-${id}`, 'aria-describedby': `open-${id}` }, t('do_verifyCase'));
    verify.addEventListener('click', () => act('verifyCase', code, {}, [], rowStatus, verify));
    const reason = field({ name: 'reason', label: t('reason'), type: 'textarea', required: true, rows: 2 }, `reject-${id}`);
    const submit = h('button', { type: 'submit', class: 'danger', id: `reject-submit-${id}` }, t('do_rejectCase'));
    const form = h('form', { class: 'inline-form', id: `reject-form-${id}`, novalidate: true }, reason.node, h('div', { class: 'form-actions' }, submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!checkRequired([reason])) return;
      act('rejectCase', code, { reason: reason.control.value.trim() }, [reason], rowStatus, submit);
    });
    return h('div', { class: 'inline-actions', 'aria-label': t('rowActions', code), role: 'group' },
      verify,
      h('details', { class: 'inline-details', id: `reject-${id}` }, h('summary', {}, t('rejectWithReason')), form),
      rowStatus);
  }
  if (stage === 'TO_ASSIGN') {
    const lead = leadPicker('leadAgency', t('leadAgency'), agencies);
    const submit = h('button', { type: 'submit', id: `assign-submit-${id}` }, t('do_assignCase'));
    const form = h('form', { class: 'inline-form', id: `assign-form-${id}`, novalidate: true }, lead.node, h('div', { class: 'form-actions' }, submit));
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      if (!checkRequired([lead])) return;
      act('assignCase', code, { leadAgency: lead.value(), supportingAgencies: [] }, [lead], rowStatus, submit);
    });
    return h('div', { class: 'inline-actions', 'aria-label': t('rowActions', code), role: 'group' },
      h('details', { class: 'inline-details', id: `assign-${id}` }, h('summary', {}, t('assignInline')), form),
      rowStatus);
  }
  return null;
}
