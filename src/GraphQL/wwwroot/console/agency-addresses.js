// The admin's notification addresses of the agencies (issue 22): where each agency's assignments, returns and daily
// digest go, and where its overdue cases escalate. One row per agency, saved row by row through
// setAgencyNotificationAddress (an empty field clears the address); the server checks the role and each address,
// and a refused address is named beside its field, in the console's language. Every change is in the staff audit log.

import { h } from '../dom.js';
import { t } from '../i18n.js';
import { gql } from './session.js';
import { field, setFieldError, setStatus, showSubmitError, statusSlot } from './forms.js';

const QUERY = '{ agencyNotificationAddresses { agencyId name email escalationEmail } }';
const SAVE = `mutation SetAgencyAddress($input: SetAgencyNotificationAddressInput!) {
  setAgencyNotificationAddress(input: $input) { agencyId email escalationEmail }
}`;

export async function agencyAddresses(ctx) {
  const rows = (await gql(QUERY)).agencyNotificationAddresses;
  if (!ctx.isCurrent()) return;
  document.title = `${t('addressesTitle')} · ${t('consoleTitle')}`;
  const filter = h('input', { id: 'addresses-filter', type: 'search', autocomplete: 'off', 'aria-label': t('addressesFilter'), placeholder: t('addressesFilter') });
  const list = h('div', { id: 'agency-addresses', class: 'address-list' }, rows.map(row));
  filter.addEventListener('input', () => {
    const q = filter.value.trim().toLowerCase();
    for (const item of list.children) item.hidden = Boolean(q) && !item.dataset.search.includes(q);
  });
  ctx.main.replaceChildren(h('h1', { tabindex: '-1' }, t('addressesTitle')), h('p', { class: 'muted' }, t('addressesIntro')),
    h('div', { class: 'field' }, filter), list);
}

function row(a) {
  const email = field({ name: 'email', label: t('addressesEmail'), type: 'email', value: a.email ?? '', hint: t('addressesEmailHint') }, `aa-${a.agencyId}`);
  const escalation = field({ name: 'escalationEmail', label: t('addressesEscalation'), type: 'email', value: a.escalationEmail ?? '', hint: t('addressesEscalationHint') }, `aa-${a.agencyId}`);
  const status = statusSlot(`aa-status-${a.agencyId}`);
  const form = h('form', { class: 'card address-row', 'data-agency': a.agencyId, 'data-search': `${a.agencyId} ${a.name}`.toLowerCase(), novalidate: true },
    h('h2', {}, a.name, ' ', h('span', { class: 'muted' }, `(${a.agencyId})`)), email.node, escalation.node,
    h('button', { type: 'submit' }, t('addressesSave')), status);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    for (const f of [email, escalation]) setFieldError(f, null);
    setStatus(status, '');
    try {
      const saved = (await gql(SAVE, { input: { agencyId: a.agencyId, email: email.control.value.trim(), escalationEmail: escalation.control.value.trim() } }))
        .setAgencyNotificationAddress;
      email.control.value = saved.email ?? '';
      escalation.control.value = saved.escalationEmail ?? '';
      setStatus(status, t('addressesSaved'), 'ok');
    } catch (error) {
      showSubmitError(error, [email, escalation], status);
    }
  });
  return form;
}
