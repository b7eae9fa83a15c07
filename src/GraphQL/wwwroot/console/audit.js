// The auditor's pages (issue 13, 5), read from the event store through the `audit` field (auditors and
// admins; anyone else gets FORBIDDEN, shown by the shell): a case's history event by event with its
// metadata, its state as of a chosen moment, and the hash chain's verification naming the first bad event.

import { h } from '../dom.js';
import { categoryName, dateTime, lang, t, trackingPrefix } from '../i18n.js';
import { errorMessage } from '../errors.js';
import { gql } from './session.js';
import { field, setFieldError } from './forms.js';
import { eventName, eventText, fromLocalInput, internalStatusName, roleName, toLocalInput } from './format.js';

const STATE_FIELDS = `trackingCode version status publicStatus category priority ward leadAgency supportingAgencies
  receivedAt dueAt extendedDueAt effectiveDueAt resolvedAt onTime publicAnswer cycle`;

export async function audit(ctx) {
  const code = ctx.arg.trim().toUpperCase();
  if (!code) {
    await gql('{ audit { __typename } }'); // the server decides who may audit, before any form is shown
    if (!ctx.isCurrent()) return;
    document.title = `${t('auditTitle')} · ${t('consoleTitle')}`;
    ctx.main.replaceChildren(h('h1', { tabindex: '-1' }, t('auditTitle')), h('p', { class: 'muted' }, t('auditIntro')), codeForm(''));
    return;
  }
  const asOfParam = ctx.params.get('asOf');
  const asOf = asOfParam ? fromLocalInput(asOfParam) ?? asOfParam : null;
  const data = await gql(`query Audit($code: String!${asOf ? ', $asOf: DateTime' : ''}) {
    audit {
      history(trackingCode: $code) {
        version position type occurredAt recordedAt data hash prevHash
        metadata { correlationId causationId actorId actorRole actorAgency command clientIpHash }
      }
      ${asOf ? `stateAt(trackingCode: $code, asOf: $asOf) { ${STATE_FIELDS} }` : ''}
      verifyChain(trackingCode: $code) { valid casesChecked eventsChecked breaks { caseId version reason } }
    }
    staffCase(trackingCode: $code) { people { id name } }
    agencies { id name nameEn }
  }`, asOf ? { code, asOf } : { code });
  if (!ctx.isCurrent()) return;
  const { history, stateAt, verifyChain: chain } = data.audit;
  const people = new Map((data.staffCase?.people ?? []).map((p) => [p.id, p.name]));
  const agencyName = (id) => {
    const a = (data.agencies ?? []).find((x) => x.id === id);
    return a ? (lang() === 'en' && a.nameEn ? a.nameEn : a.name) : id;
  };
  const names = { person: (m) => people.get(m.actorId) ?? roleName(m.actorRole), agency: agencyName };
  document.title = `${t('auditOf', code)} · ${t('consoleTitle')}`;
  ctx.main.replaceChildren(
    h('h1', { tabindex: '-1' }, t('auditOf', code)),
    codeForm(code),
    chainSection(chain, history),
    exportSection(code),
    stateSection(code, asOfParam, stateAt, asOf !== null, names),
    historySection(history, names),
    h('p', {}, h('a', { href: `#/case/${encodeURIComponent(code)}` }, t('staffCaseLink'))));
}

function codeForm(code) {
  const f = field({ name: 'code', label: t('trackingCode'), required: true, value: code, hint: `${trackingPrefix()}-2026-000123` }, 'audit');
  const form = h('form', { class: 'card inline-form', id: 'audit-code-form', novalidate: true, 'aria-label': t('auditOpen') },
    f.node, h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, t('open'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const v = f.control.value.trim().toUpperCase();
    if (!v) { setFieldError(f, t('required')); f.control.focus(); return; }
    location.hash = `#/audit/${encodeURIComponent(v)}`;
  });
  return form;
}

function chainSection(chain, history) {
  const first = chain.breaks?.[0];
  const bad = first ? history.find((e) => e.version === first.version) : null;
  return h('section', { class: `card chain ${chain.valid ? 'ok' : 'bad'}`, id: 'chain', 'aria-labelledby': 'chain-h2', 'data-valid': String(chain.valid) },
    h('h2', { id: 'chain-h2' }, t('chainTitle')),
    chain.valid
      ? h('p', { class: 'badge ok chain-result' }, `✓ ${t('chainValid', chain.eventsChecked)}`)
      : h('div', {},
        h('p', { class: 'badge bad chain-result' }, `✗ ${t('chainBroken')}`),
        first ? h('p', { id: 'chain-first-bad' }, t('chainFirstBad', first.version, bad ? eventName(bad.type) : '?'), ' ', h('span', { lang: 'en' }, first.reason)) : null),
    h('p', { class: 'muted' }, t('chainHow')));
}

/** The history as a JSON file the auditor keeps; `audit verify --file` checks it offline. */
function exportSection(code) {
  const status = h('p', { class: 'muted', id: 'export-status', role: 'status' });
  const button = h('button', { type: 'button', id: 'export-history', onclick: async () => {
    button.disabled = true;
    try {
      const { audit } = await gql('query Export($code: String!) { audit { export(trackingCode: $code) } }', { code });
      const url = URL.createObjectURL(new Blob([audit.export], { type: 'application/json' }));
      const a = h('a', { href: url, download: `${code}-history.json`, id: 'export-link' }, `${code}-history.json`);
      document.body.append(a);
      a.click();
      a.remove();
      status.textContent = t('exportDone', `${code}-history.json`);
    } catch (e) {
      status.textContent = errorMessage(e);
    } finally { button.disabled = false; }
  } }, t('exportHistory'));
  return h('section', { class: 'card', 'aria-labelledby': 'export-h2' },
    h('h2', { id: 'export-h2' }, t('exportTitle')), h('p', {}, t('exportHow')), h('pre', {}, h('code', {}, `audit verify --file ${code}-history.json`)),
    button, status);
}

function stateSection(code, asOfParam, state, asked, names) {
  const f = field({ name: 'asOf', label: t('asOf'), type: 'datetime', required: true, value: asOfParam ?? toLocalInput(new Date().toISOString()), hint: t('asOfHint') }, 'audit');
  const form = h('form', { class: 'inline-form', id: 'state-at-form', novalidate: true, 'aria-labelledby': 'state-h2' },
    f.node, h('div', { class: 'form-actions' }, h('button', { type: 'submit' }, t('showState'))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (!fromLocalInput(f.control.value)) { setFieldError(f, t('badTime')); f.control.focus(); return; }
    location.hash = `#/audit/${encodeURIComponent(code)}?asOf=${encodeURIComponent(f.control.value)}`;
  });
  const row = (label, v) => (v === null || v === undefined || v === '' ? null : [h('dt', {}, label), h('dd', {}, v)]);
  let result = null;
  if (asked && !state) result = h('p', { id: 'state-at', class: 'note' }, t('stateNotYet'));
  else if (state) {
    result = h('dl', { class: 'facts', id: 'state-at' },
      row(t('versionLabel'), String(state.version)),
      row(t('status'), internalStatusName(state.status)),
      row(t('category'), categoryName(state.category)),
      row(t('ward'), state.ward),
      row(t('leadAgency'), state.leadAgency ? names.agency(state.leadAgency) : null),
      (state.supportingAgencies ?? []).length ? row(t('supportingAgencies'), state.supportingAgencies.map(names.agency).join('; ')) : null,
      row(t('dueAt'), dateTime(state.effectiveDueAt ?? state.dueAt)),
      row(t('resolvedAt'), dateTime(state.resolvedAt)),
      row(t('publicAnswer'), state.publicAnswer));
  }
  return h('section', { class: 'card', 'aria-labelledby': 'state-h2' },
    h('h2', { id: 'state-h2' }, t('stateAtTitle')), form,
    asked ? h('p', { class: 'muted' }, t('stateAsOf', asOfParam ? dateTime(fromLocalInput(asOfParam)) : '')) : null,
    result);
}

function historySection(history, names) {
  return h('section', { class: 'card', 'aria-labelledby': 'history-h2' },
    h('h2', { id: 'history-h2' }, t('historyTitle', history.length)),
    h('ol', { class: 'history', id: 'history' }, history.map((e) => {
      const m = e.metadata;
      const said = eventText(e.data);
      return h('li', { class: 'history-event', 'data-version': e.version, 'data-type': e.type },
        h('h3', {}, `${e.version}. ${eventName(e.type)}`),
        h('p', { class: 'muted' }, `${t('occurredAt')}: ${dateTime(e.occurredAt)} · ${t('recordedAt')}: ${dateTime(e.recordedAt)} · ${t('position')}: ${e.position}`),
        h('p', {}, `${t('actor')}: `, h('strong', { class: 'actor-name' }, names.person(m)), ` (${roleName(m.actorRole)}${m.actorAgency ? ` · ${names.agency(m.actorAgency)}` : ''})`,
          ` · ${t('command')}: ${t(`action_${m.command}`) !== `action_${m.command}` ? t(`action_${m.command}`) : m.command}`,
          ` · ${t('correlation')}: `, h('code', {}, m.correlationId)),
        h('dl', { class: 'facts hashes' },
          h('dt', {}, t('hashLabel')), h('dd', {}, h('code', { class: 'hash', 'data-hash': e.hash ?? '' }, e.hash ?? '–')),
          h('dt', {}, t('prevHashLabel')), h('dd', {}, h('code', { class: 'hash' }, e.prevHash ?? '–'))),
        said ? h('p', { class: 'event-text' }, said) : null,
        h('details', { open: true }, h('summary', {}, t('eventData')), h('pre', { tabindex: '0', class: 'event-json' }, h('code', {}, e.data))));
    })));
}
