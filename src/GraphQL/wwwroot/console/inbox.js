// The operator's inbox (issue 13, 2): reports and dossiers to verify, verified cases to assign, resolved
// reports to close or return, most urgent first (the server orders them), each with the due time of its
// clocks; duplicate suggestions one click from linkDuplicate. Refreshed on inboxChanged (polling without it).

import { h } from '../dom.js';
import { categoryName, dateTime, kindName, number, t } from '../i18n.js';
import { gql } from './session.js';
import { idPart, redraw } from './live.js';
import { priorityBadge, statusChip } from './format.js';
import { setStatus, statusSlot } from './forms.js';

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
  let items = await load();
  if (!ctx.isCurrent()) return;
  document.title = `${t('inboxTitle')} · ${t('consoleTitle')}`;

  const status = statusSlot('inbox-status');
  const count = h('p', { class: 'result-count', id: 'inbox-count', role: 'status' });
  const list = h('ol', { class: 'case-list inbox-list', id: 'inbox-list', 'aria-labelledby': 'inbox-h1' });
  const draw = () => {
    count.textContent = t('inboxCount', number(items.length));
    redraw(list, items.length ? items.map((item) => inboxItem(item, link)) : h('li', { class: 'empty' }, t('inboxEmpty')));
    list.dataset.count = String(items.length);
  };
  const refresh = async () => {
    const next = await load();
    if (!ctx.isCurrent()) return;
    if (JSON.stringify(next) !== JSON.stringify(items)) { items = next; draw(); }
  };
  async function link(code, master, button) {
    button.disabled = true;
    try {
      await gql(`mutation Link($input: LinkDuplicateInput!) { linkDuplicate(input: $input) { case { trackingCode status } } }`,
        { input: { trackingCode: code, masterTrackingCode: master } });
      setStatus(status, t('linkedDuplicate', code, master), 'ok');
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

function inboxItem(c, link) {
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
        }, t('linkAsDuplicate', d.trackingCode)))))) : null);
}
