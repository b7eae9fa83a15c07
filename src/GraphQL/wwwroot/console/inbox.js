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
import { FIELD_ALIASES } from './actions.js';
import { leadPicker } from './pickers.js';
import { loadAgencies } from './agencies.js';

export const STAGES = ['TO_VERIFY', 'TO_ASSIGN', 'TO_REVIEW'];

const QUERY = `query Inbox($stage: InboxStage, $first: Int) {
  inbox(stage: $stage, first: $first) {
    trackingCode kind category ward priority status receivedAt verifyDueAt dueAt overdue description
    duplicateSuggestions { trackingCode category ward publicStatus receivedAt distanceMeters }
  }
}`;

export async function inbox(ctx) {
  const stage = STAGES.includes(ctx.params.get('stage')) ? ctx.params.get('stage') : 'TO_VERIFY';
  const load = async () => (await gql(QUERY, { stage, first: 50 })).inbox;
  const [first, agencies] = await Promise.all([load(), stage === 'TO_ASSIGN' ? loadAgencies() : null]);
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
    count.textContent = t('inboxCount', number(shown.length));
    place(list, nodes.length ? nodes : [h('li', { class: 'empty' }, t('inboxEmpty'))]);
    list.dataset.count = String(shown.length);
  };
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
      await gql(`mutation Act($input: ${type}!) { ${name}(input: $input) { case { trackingCode status } } }`,
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
      await gql(`mutation Link($input: LinkDuplicateInput!) { linkDuplicate(input: $input) { case { trackingCode status } } }`,
        { input: { trackingCode: code, masterTrackingCode: master } });
      handled.add(code);
      setStatus(status, t('linkedDuplicate', code, master), 'ok');
      draw();
      status.focus();
      await refresh();
    } catch (e) {
      button.disabled = false;
      if (e?.code === 'SESSION_EXPIRED') return ctx.fail(e);
      setStatus(status, `${t('actionFailed')} ${e.message}`, 'bad');
      status.focus();
    }
  }

  draw();
  const mode = ctx.live({ query: 'subscription InboxLive { inboxChanged { resync } }' }, refresh);
  ctx.main.replaceChildren(
    h('h1', { tabindex: '-1', id: 'inbox-h1' }, t('inboxTitle')),
    h('nav', { class: 'tabs', 'aria-label': t('inboxStages') },
      h('ul', {}, STAGES.map((s) => h('li', {},
        h('a', { href: `#/inbox?stage=${s}`, id: `stage-${s}`, 'aria-current': s === stage ? 'page' : null }, t(`stage_${s}`)))))),
    h('p', { class: 'muted' }, t(`stageHelp_${stage}`)),
    mode, count, status, list);
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
  ].filter(Boolean).join(' · ');
  const dups = c.duplicateSuggestions ?? [];
  return h('li', { class: `case-item inbox-item${c.overdue ? ' overdue' : ''}`, 'data-code': code },
    h('div', { class: 'case-head' },
      h('a', { href: `#/case/${encodeURIComponent(code)}`, class: 'code', id: `open-${idPart(code)}` }, code),
      statusChip(c.status), priorityBadge(c.priority),
      c.overdue ? h('span', { class: 'badge bad' }, `! ${t('overdue')}`) : null),
    h('p', { class: 'case-what' }, categoryName(c.category), h('span', { class: 'muted' }, ` · ${kindName(String(c.kind).toUpperCase())} · ${c.ward}`)),
    h('p', { class: 'description' }, c.description.length > 240 ? `${c.description.slice(0, 240)}…` : c.description),
    h('p', { class: 'case-meta muted' }, `${t('receivedAt')}: ${dateTime(c.receivedAt)}`, due ? ` · ${due}` : ''),
    dups.length ? h('div', { class: 'duplicates' },
      h('p', { class: 'dup-title' }, t('duplicateSuggestions', dups.length)),
      h('ul', {}, dups.map((d) => h('li', {},
        h('a', { href: `#/case/${encodeURIComponent(d.trackingCode)}` }, d.trackingCode),
        ` · ${categoryName(d.category)} · ${d.ward} · ${t('metersAway', number(d.distanceMeters))} · ${dateTime(d.receivedAt)} `,
        h('button', {
          type: 'button', class: 'small', id: `dup-${idPart(code)}-${idPart(d.trackingCode)}`,
          onclick: (event) => link(code, d.trackingCode, event.currentTarget),
        }, t('linkAsDuplicate', d.trackingCode)))))) : null,
    actions);
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
