// The searchable agency pickers of the assign and transfer forms: a search box that narrows a list of
// the ~150 agencies by name, English name or id (accents ignored), for one lead agency (a list box)
// or any number of supporting agencies (check boxes). Enter in the search box takes the first match.

import { h, replace } from '../dom.js';
import { lang, t } from '../i18n.js';
import { setFieldError } from './forms.js';

let counter = 0;

const fold = (s) => String(s ?? '').normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/đ/gi, 'd').toLowerCase();
const agencyLabel = (a) => (lang() === 'en' && a.nameEn ? a.nameEn : a.name);
const matches = (a, q) => !q || [a.id, a.name, a.nameEn].some((s) => fold(s).includes(q));
const sorted = (agencies) => [...agencies].sort((a, b) => agencyLabel(a).localeCompare(agencyLabel(b), lang()));

/** One agency: { node, control (the list box), error, name, value() }. */
export function leadPicker(name, label, agencies, { required = true, exclude = null } = {}) {
  const id = `pick-${name}-${++counter}`;
  const all = sorted(agencies.filter((a) => a.id !== exclude));
  const search = h('input', { id: `${id}-search`, type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-controls': id });
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const count = h('p', { class: 'hint muted', id: `${id}-count`, 'aria-live': 'polite' });
  const list = h('select', { id, name, size: 6, required, 'aria-required': required ? 'true' : null, 'aria-describedby': `${id}-count ${id}-error` });
  const fill = () => {
    const q = fold(search.value.trim());
    const keep = list.value;
    const shown = all.filter((a) => matches(a, q));
    replace(list, shown.map((a) => h('option', { value: a.id, selected: a.id === keep }, `${agencyLabel(a)} (${a.id})`)));
    count.textContent = t('agenciesShown', shown.length, all.length);
    return shown;
  };
  search.addEventListener('input', fill);
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault(); // Enter picks, it does not submit the form half filled
    const shown = fill();
    if (shown.length) { list.value = shown[0].id; list.dispatchEvent(new Event('change')); list.focus(); }
  });
  fill();
  const node = h('div', { class: 'field picker', 'data-field': name },
    h('label', { for: `${id}-search` }, t('searchAgencies', label)),
    search,
    h('label', { for: id }, label, required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null),
    list, count, error);
  return { node, control: list, error, name, value: () => list.value };
}

/** Any number of agencies: { node, control (the search box), error, name, value() → ids }. */
export function supportPicker(name, label, agencies) {
  const id = `pick-${name}-${++counter}`;
  const all = sorted(agencies);
  const chosen = new Set();
  const search = h('input', { id: `${id}-search`, type: 'search', autocomplete: 'off', spellcheck: 'false', 'aria-describedby': `${id}-hint ${id}-error` });
  const error = h('p', { class: 'field-error', id: `${id}-error`, hidden: true });
  const box = h('div', { class: 'checks', id: `${id}-list` });
  const summary = h('p', { class: 'hint muted', id: `${id}-hint`, 'aria-live': 'polite' });
  const fill = () => {
    const q = fold(search.value.trim());
    const shown = q ? all.filter((a) => chosen.has(a.id) || matches(a, q)).slice(0, 30) : all.filter((a) => chosen.has(a.id));
    replace(box, shown.map((a, i) => {
      const cid = `${id}-${i}-${a.id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
      const check = h('input', { type: 'checkbox', id: cid, value: a.id, checked: chosen.has(a.id) });
      check.addEventListener('change', () => {
        if (check.checked) chosen.add(a.id); else chosen.delete(a.id);
        summary.textContent = chosen.size ? t('supportingChosen', [...chosen].join(', ')) : t('supportingHint');
      });
      return h('div', { class: 'field-check' }, check, h('label', { for: cid }, `${agencyLabel(a)} (${a.id})`));
    }));
  };
  search.addEventListener('input', fill);
  search.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    box.querySelector('input')?.focus();
  });
  summary.textContent = t('supportingHint');
  fill();
  const node = h('fieldset', { class: 'field picker', 'data-field': name },
    h('legend', {}, label),
    h('label', { for: `${id}-search` }, t('searchAgencies', label)),
    search, summary, box, error);
  return {
    node, control: search, error, name, value: () => [...chosen],
    setError: (m) => setFieldError({ control: search, error }, m),
  };
}
