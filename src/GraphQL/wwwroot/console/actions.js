// The forms for the mutations a staff case view offers. The server says which (StaffCase.actions: what
// the case's state and this user allow); this table says how each is asked for. Field names are the
// mutation's input fields, so a VALIDATION_FAILED naming a field lands beside it.

import { categoryName, lang, t } from '../i18n.js';
import { field } from './forms.js';
import { fromLocalInput, toLocalInput } from './format.js';
import { leadPicker, supportPicker } from './pickers.js';

// Labels and hints are looked up when a form is drawn, so they follow the language switch.
const text = (name, labelKey, { hintKey, ...opts } = {}) => (ctx) =>
  field({ name, label: t(labelKey), required: true, hint: hintKey ? t(hintKey) : opts.hint, ...opts }, ctx.prefix);
const area = (name, labelKey, opts = {}) => text(name, labelKey, { type: 'textarea', ...opts });
const value = (f) => (f.value ? f.value() : f.control.type === 'checkbox' ? f.control.checked : f.control.value.trim());

/** A day later than the current due time, as a starting point the user changes. */
const laterThanDue = (c) => {
  const base = c.effectiveDueAt ?? c.dueAt;
  return base ? toLocalInput(new Date(new Date(base).getTime() + 86_400_000).toISOString()) : '';
};

const dueField = (ctx) => field({
  name: 'newDueAt', label: t('newDueAt'), type: 'datetime', required: true, hint: t('newDueAtHint'), value: laterThanDue(ctx.c),
}, ctx.prefix);

/**
 * name → { title, fields: [ctx → field], input: (values) → mutation input (without trackingCode), note, confirm }.
 * values holds each field's value by name.
 */
export const ACTIONS = {
  verifyCase: { fields: [area('note', 'noteOptional', { required: false, rows: 2 })], input: (v) => ({ note: v.note || null }) },
  rejectCase: { fields: [area('reason', 'reason')], input: (v) => ({ reason: v.reason }), danger: true },
  classifyCase: {
    fields: [
      (ctx) => field({
        name: 'category', label: t('category'), type: 'select', required: true, value: ctx.c.category,
        options: ctx.categories.filter((c) => c.kind === ctx.c.kind).map((c) => ({ value: c.code, label: categoryName(c.code) }))
          .sort((a, b) => a.label.localeCompare(b.label, lang())),
      }, ctx.prefix),
      (ctx) => field({
        name: 'priority', label: t('priority'), type: 'select', required: true, value: ctx.c.priority,
        options: [{ value: 'NORMAL', label: t('priorityNormal') }, { value: 'URGENT', label: t('priorityUrgent') }],
      }, ctx.prefix),
      (ctx) => field({ name: 'ward', label: t('ward'), type: 'select', required: true, value: ctx.c.ward, options: ctx.wards.map((w) => ({ value: w, label: w })) }, ctx.prefix),
    ],
    input: (v) => ({ category: v.category, priority: v.priority, ward: v.ward }),
  },
  linkDuplicate: { fields: [text('masterTrackingCode', 'masterCode', { hint: 'HUE-2026-000123' })], input: (v) => ({ masterTrackingCode: v.masterTrackingCode.toUpperCase() }), danger: true },
  assignCase: {
    fields: [
      (ctx) => leadPicker('leadAgency', t('leadAgency'), ctx.agencies),
      (ctx) => supportPicker('supportingAgencies', t('supportingAgencies'), ctx.agencies),
    ],
    input: (v) => ({ leadAgency: v.leadAgency, supportingAgencies: v.supportingAgencies }),
  },
  transferCase: {
    fields: [(ctx) => leadPicker('toAgency', t('toAgency'), ctx.agencies, { exclude: ctx.c.leadAgency }), area('reason', 'reason')],
    input: (v) => ({ toAgency: v.toAgency, reason: v.reason }),
  },
  acceptAssignment: { fields: [], input: () => ({}) },
  declineAssignment: { fields: [area('reason', 'reason')], input: (v) => ({ reason: v.reason }), danger: true },
  noteProgress: { fields: [area('publicText', 'publicText', { hintKey: 'publicHint' })], input: (v) => ({ publicText: v.publicText }) },
  requestInformation: { fields: [area('question', 'question', { hintKey: 'questionHint' })], input: (v) => ({ question: v.question }) },
  // The center may enter a citizen's answer given by telephone (CaseRules lets operators provide information).
  provideInformation: { fields: [area('text', 'citizenAnswer', { hintKey: 'citizenAnswerHint' })], input: (v) => ({ text: v.text }) },
  grantExtension: { fields: [dueField, area('reason', 'reason')], input: (v) => ({ newDueAt: fromLocalInput(v.newDueAt), reason: v.reason }) },
  issueApology: { fields: [dueField, area('reason', 'reason')], input: (v) => ({ newDueAt: fromLocalInput(v.newDueAt), reason: v.reason }), note: 'apologyNote' },
  resolveCase: {
    fields: [
      area('publicAnswer', 'publicAnswer', { hintKey: 'publicHint', rows: 4 }),
      area('evidenceRefs', 'evidenceRefs', { required: false, hintKey: 'evidenceHint', rows: 2 }),
    ],
    input: (v) => ({ publicAnswer: v.publicAnswer, evidenceRefs: v.evidenceRefs.split(/\r?\n/).map((s) => s.trim()).filter(Boolean) }),
  },
  returnResolution: { fields: [area('reason', 'reason')], input: (v) => ({ reason: v.reason }), danger: true },
  closeCase: { fields: [area('reason', 'reason')], input: (v) => ({ reason: v.reason }), danger: true },
};

/** The API's field names that differ from the form's: the decider names the master case by its id. */
export const FIELD_ALIASES = { masterId: 'masterTrackingCode' };

export function valuesOf(fields) {
  return Object.fromEntries(fields.map((f) => [f.name, value(f)]));
}

/** A datetime field whose text is not a time (datetime-local gives '' for a half-typed value). */
export function badTimes(fields) {
  return fields.filter((f) => f.control.type === 'datetime-local' && f.control.value && !fromLocalInput(f.control.value));
}

