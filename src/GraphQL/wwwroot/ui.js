// What the pages share: the province's targets, the period every figure covers, and small pieces
// of page (badges, figures, a case in a list).

import { agencyById } from './api.js';
import { h } from './dom.js';
import { categoryName, dateTime, kindName, lang, statusName, t } from './i18n.js';

/** The province's targets (DESIGN 0). */
export const LATE_RATE_TARGET = 0.03;
export const SATISFACTION_TARGET = 0.8;
/** An agency is ranked only with at least this many resolved cases in the period: fewer says little. */
export const MIN_RESOLVED_TO_RANK = 10;
export const PAGE_SIZE = 20;

export const STATUSES = ['RECEIVED', 'VERIFIED', 'IN_PROGRESS', 'WAITING_FOR_CITIZEN', 'RESOLVED', 'CLOSED', 'REJECTED'];
export const KINDS = ['FIELD_REPORT', 'DOSSIER'];


// ---------------------------------------------------------------- helpers

/** The last 12 whole local months, this one included: { from: '2025-12', to: '2026-11', months: [...] }. */
export function last12Months(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const y = Number(parts.find((p) => p.type === 'year').value);
  const m = Number(parts.find((p) => p.type === 'month').value);
  const months = [];
  for (let i = 11; i >= 0; i--) {
    const total = y * 12 + (m - 1) - i;
    months.push(`${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`);
  }
  return { from: months[0], to: months[11], months };
}

export function agencyName(id) {
  if (!id) return t('noAgency');
  const a = agencyById(id);
  if (!a) return id;
  return lang() === 'en' && a.nameEn ? a.nameEn : a.name;
}

export function setTitle(...parts) {
  document.title = [...parts, t('siteTitle')].filter(Boolean).join(' · ');
}

export function statusBadge(status) {
  return h('span', { class: `badge status-${status.toLowerCase().replace(/_/g, '-')}` }, statusName(status));
}

export function onTimeBadge(onTime) {
  if (onTime === null || onTime === undefined) return null;
  return h('span', { class: `badge ${onTime ? 'ok' : 'bad'}` }, onTime ? `✓ ${t('onTime')}` : `! ${t('late')}`);
}

export function metBadge(met) {
  return h('span', { class: `badge ${met ? 'ok' : 'bad'}` }, met ? `✓ ${t('met')}` : `✗ ${t('notMet')}`);
}

export function freshnessText(lagSeconds) {
  if (lagSeconds < 5) return t('freshNow');
  if (lagSeconds < 120) return t('freshSeconds', Math.round(lagSeconds));
  return t('freshMinutes', Math.round(lagSeconds / 60));
}

export function sum(rows, key) {
  return rows.reduce((acc, r) => acc + (r[key] ?? 0), 0);
}

/** A case as one item of a list. */
export function caseItem(c, { showAgency = true } = {}) {
  return h('li', { class: 'case-item' },
    h('div', { class: 'case-head' },
      h('a', { href: `#/case/${encodeURIComponent(c.trackingCode)}`, class: 'code' }, c.trackingCode),
      statusBadge(c.status),
      onTimeBadge(c.onTime)),
    h('p', { class: 'case-what' }, categoryName(c.category), h('span', { class: 'muted' }, ` · ${kindName(c.kind)} · ${c.ward}`)),
    h('p', { class: 'case-meta muted' },
      showAgency ? `${t('agency')}: ${agencyName(c.agency)} · ` : '',
      `${t('receivedAt')}: ${dateTime(c.receivedAt)}`,
      c.resolvedAt ? ` · ${t('resolvedAt')}: ${dateTime(c.resolvedAt)}` : c.dueAt ? ` · ${t('dueAt')}: ${dateTime(c.extendedDueAt ?? c.dueAt)}` : ''));
}

export function figure(label, value, ...extra) {
  return h('div', { class: 'figure' }, h('p', { class: 'figure-label' }, label), h('p', { class: 'figure-value' }, value), ...extra);
}

/** Free text from the server (answers, reasons) is written in Vietnamese: mark it so for screen readers. */
export function textLang(text) {
  return /[ăâđêôơưàáạảãấầẩẫậắằẳẵặèéẹẻẽếềểễệìíịỉĩòóọỏõốồổỗộớờởỡợùúụủũứừửữựỳýỵỷỹ]/i.test(text) ? 'vi' : 'en';
}
