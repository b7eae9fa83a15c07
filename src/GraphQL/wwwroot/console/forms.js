// Forms of the console: every field has a <label>, a hint and an error slot beside it (aria-describedby),
// and errors from the server's VALIDATION_FAILED (extensions.field) land beside the field they name.

import { messageFor } from '../errors.js';
import { GraphQLRequestError } from '../api.js';
import { h, replace } from '../dom.js';
import { t } from '../i18n.js';

let counter = 0;

/**
 * A labelled field. spec: { name, label, type: text|textarea|select|datetime|checkbox|password|search,
 * required, hint, options: [{ value, label }], value, autocomplete }.
 * Returns { node, control, error, name }.
 */
export function field(spec, prefix = 'f') {
  const id = `${prefix}-${spec.name}-${++counter}`;
  const errorId = `${id}-error`;
  const hintId = spec.hint ? `${id}-hint` : null;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const common = { id, name: spec.name, 'aria-describedby': describedBy, required: spec.required ? true : null, 'aria-required': spec.required ? 'true' : null };
  let control;
  switch (spec.type) {
    case 'textarea':
      control = h('textarea', { ...common, rows: spec.rows ?? 3 }, spec.value ?? '');
      break;
    case 'select':
      control = h('select', { ...common, size: spec.size ?? null },
        spec.placeholder !== undefined ? h('option', { value: '' }, spec.placeholder) : null,
        (spec.options ?? []).map((o) => h('option', { value: o.value, selected: o.value === spec.value }, o.label)));
      break;
    case 'datetime':
      control = h('input', { ...common, type: 'datetime-local', value: spec.value ?? '' });
      break;
    case 'checkbox':
      control = h('input', { ...common, type: 'checkbox', checked: !!spec.value, value: 'true' });
      break;
    default:
      control = h('input', { ...common, type: spec.type ?? 'text', value: spec.value ?? '', autocomplete: spec.autocomplete ?? 'off', spellcheck: spec.type === 'password' ? 'false' : null });
  }
  const error = h('p', { class: 'field-error', id: errorId, hidden: true });
  const label = h('label', { for: id }, spec.label, spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null);
  const node = h('div', { class: spec.type === 'checkbox' ? 'field field-check' : 'field', 'data-field': spec.name },
    spec.type === 'checkbox' ? [control, label] : [label, control],
    hintId ? h('p', { class: 'hint muted', id: hintId }, spec.hint) : null,
    error);
  return { node, control, error, name: spec.name };
}

export function setFieldError(f, message) {
  if (message) {
    f.error.textContent = message;
    f.error.hidden = false;
    f.control.setAttribute('aria-invalid', 'true');
  } else {
    f.error.textContent = '';
    f.error.hidden = true;
    f.control.removeAttribute('aria-invalid');
  }
}

/** Checks required fields in the browser first (same place, same look as the server's errors). */
export function checkRequired(fields) {
  let first = null;
  for (const f of fields) {
    const empty = f.control.type === 'checkbox' ? false : !String(f.control.value ?? '').trim();
    const missing = f.control.required && empty;
    setFieldError(f, missing ? t('required') : null);
    if (missing && !first) first = f;
  }
  first?.control.focus();
  return !first;
}

/**
 * Shows a failed submission: VALIDATION_FAILED beside its field (fieldAliases maps the API's field name to
 * the form's), anything else in the form's own message slot. Returns true when shown beside a field.
 */
export function showSubmitError(error, fields, status, fieldAliases = {}) {
  const first = error instanceof GraphQLRequestError ? error.errors[0] : null;
  const apiField = first?.extensions?.field;
  const name = apiField ? (fieldAliases[apiField] ?? apiField) : null;
  const target = name ? fields.find((f) => f.name === name) : null;
  if (target) {
    setFieldError(target, messageFor(first));
    target.control.focus();
    setStatus(status, t('fixField'), 'bad');
    return true;
  }
  setStatus(status, error instanceof GraphQLRequestError ? messageFor(first) : t('networkError'), 'bad');
  status.focus?.();
  return false;
}

export function setStatus(status, text, kind = 'ok') {
  status.className = `form-status ${kind}`;
  replace(status, text ?? '');
  status.hidden = !text;
}

export function statusSlot(id) {
  return h('p', { class: 'form-status', id, role: 'status', tabindex: '-1', hidden: true });
}
