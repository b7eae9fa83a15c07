// The forms for the mutations a staff case view offers. The server says which (StaffCase.actions: what
// the case's state and this user allow); this table says how each is asked for. Field names are the
// mutation's input fields, so a VALIDATION_FAILED naming a field lands beside it.

import { categoryName, lang, t, trackingPrefix } from '../i18n.js';
import { field } from './forms.js';
import { fromLocalInput, toLocalInput } from './format.js';
import { leadPicker, supportPicker } from './pickers.js';
import { h } from '../dom.js';
import { preparePhoto, upload } from '../photos.js';

/**
 * Photos from the device (the camera on a phone), shown before sending; the field's value is the chosen files, and
 * the form uploads them (POST /media) before it sends the mutation with their ids.
 */
const photosField = (name, labelKey) => (ctx) => {
  const f = field({ name, label: t(labelKey), required: false, hint: t('photosHint') }, ctx.prefix);
  const input = h('input', { type: 'file', id: f.control.id, name, multiple: true, capture: 'environment',
    accept: 'image/jpeg,image/png,image/webp,image/heic,image/heif', 'aria-describedby': f.control.getAttribute('aria-describedby') });
  const previews = h('ul', { class: 'thumbs previews', id: `${ctx.prefix}-${name}-previews`, 'aria-live': 'polite' });
  input.addEventListener('change', () => {
    previews.replaceChildren(...[...input.files].map((file) => h('li', {},
      h('img', { src: URL.createObjectURL(file), alt: file.name, width: 72, height: 72 }))));
  });
  f.control.replaceWith(input);
  return { ...f, control: input, value: () => [...input.files], node: (f.node.append(previews), f.node) };
};

/** Uploads the files of a photos field; resolves to their ids. Refusals name the field, so they land beside it. */
async function uploadAll(files) {
  const ids = [];
  for (const file of files) ids.push(await upload(await preparePhoto(file)));
  return ids;
}

/** A text area whose text is shown as the public will read it, as it is typed. */
const previewed = (name, labelKey, initial) => (ctx) => {
  const f = field({ name, label: t(labelKey), type: 'textarea', required: true, rows: 4, hint: t('summaryHint'), value: initial(ctx) }, ctx.prefix);
  const preview = h('blockquote', { class: 'public-preview', id: `${ctx.prefix}-${name}-preview`, 'aria-live': 'polite' }, f.control.value);
  f.control.addEventListener('input', () => { preview.textContent = f.control.value; });
  f.node.append(h('p', { class: 'muted' }, t('publicPreview')), preview);
  return f;
};

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
  // A report's verification publishes its summary: the masked description, for the operator to accept or edit.
  verifyCase: {
    fields: [
      area('note', 'noteOptional', { required: false, rows: 2 }),
      (ctx) => (ctx.c.kind === 'FIELD_REPORT' ? previewed('publicSummary', 'publicSummaryLabel', (x) => x.staff?.defaultPublicSummary ?? '')(ctx) : null),
    ],
    input: (v) => ({ note: v.note || null, ...(v.publicSummary !== undefined ? { publicSummary: v.publicSummary } : {}) }),
  },
  setPublicSummary: {
    fields: [previewed('summary', 'publicSummaryLabel', (x) => x.staff?.publicSummary ?? x.staff?.defaultPublicSummary ?? '')],
    input: (v) => ({ summary: v.summary }),
  },
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
  linkDuplicate: { fields: [text('masterTrackingCode', 'masterCode', { hint: `${trackingPrefix()}-2026-000123` })], input: (v) => ({ masterTrackingCode: v.masterTrackingCode.toUpperCase() }), danger: true },
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
  // Progress photos are published with the note (the case's progressPhotos), as after photos are with the answer;
  // the API's mediaRefs maps to this field through FIELD_ALIASES, so a refused id lands beside it.
  noteProgress: {
    fields: [area('publicText', 'publicText', { hintKey: 'publicHint' }), photosField('photos', 'progressPhotos')],
    input: async (v) => ({ publicText: v.publicText, mediaRefs: await uploadAll(v.photos) }),
  },
  requestInformation: { fields: [area('question', 'question', { hintKey: 'questionHint' })], input: (v) => ({ question: v.question }) },
  // The center may enter a citizen's answer given by telephone (CaseRules lets operators provide information).
  provideInformation: { fields: [area('text', 'citizenAnswer', { hintKey: 'citizenAnswerHint' })], input: (v) => ({ text: v.text }) },
  grantExtension: { fields: [dueField, area('reason', 'reason')], input: (v) => ({ newDueAt: fromLocalInput(v.newDueAt), reason: v.reason }) },
  issueApology: { fields: [dueField, area('reason', 'reason')], input: (v) => ({ newDueAt: fromLocalInput(v.newDueAt), reason: v.reason }), note: 'apologyNote' },
  resolveCase: {
    fields: [
      area('publicAnswer', 'publicAnswer', { hintKey: 'publicHint', rows: 4 }),
      photosField('photos', 'afterPhotos'),
      area('evidenceRefs', 'documentRefs', { required: false, hintKey: 'documentRefsHint', rows: 2 }),
    ],
    input: async (v) => ({
      publicAnswer: v.publicAnswer,
      evidenceRefs: [...await uploadAll(v.photos), ...v.evidenceRefs.split(/\r?\n/).map((s) => s.trim()).filter(Boolean)],
    }),
  },
  returnResolution: { fields: [area('reason', 'reason')], input: (v) => ({ reason: v.reason }), danger: true },
  closeCase: { fields: [area('reason', 'reason')], input: (v) => ({ reason: v.reason }), danger: true },
};

/** The API's field names that differ from the form's: the decider names the master case by its id. */
export const FIELD_ALIASES = { masterId: 'masterTrackingCode', mediaRefs: 'photos' };

export function valuesOf(fields) {
  return Object.fromEntries(fields.map((f) => [f.name, value(f)]));
}

/** A datetime field whose text is not a time (datetime-local gives '' for a half-typed value). */
export function badTimes(fields) {
  return fields.filter((f) => f.control.type === 'datetime-local' && f.control.value && !fromLocalInput(f.control.value));
}

