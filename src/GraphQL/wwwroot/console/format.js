// Names and formats the console shows for the API's codes: roles, internal statuses, clocks, event
// types, urgency marks and working-time durations. Unknown codes are shown as they come.

import { h } from '../dom.js';
import { lang, t } from '../i18n.js';

const pick = (table, code) => (table[code] ? table[code][lang() === 'vi' ? 0 : 1] : code);

const roles = {
  operator: ['Điều hành viên', 'Operator'], agency: ['Cán bộ cơ quan', 'Agency staff'], auditor: ['Kiểm toán viên', 'Auditor'],
  admin: ['Quản trị', 'Administrator'], citizen: ['Người dân', 'Citizen'], public: ['Công chúng', 'Public'], system: ['Hệ thống', 'System'],
};
export const roleName = (code) => pick(roles, String(code ?? '').toLowerCase());

const internalStatuses = {
  new: ['Mới', 'New'], received: ['Đã tiếp nhận', 'Received'], verified: ['Đã xác minh', 'Verified'], assigned: ['Đã chuyển cơ quan', 'Assigned'],
  in_progress: ['Đang xử lý', 'In progress'], waiting_for_citizen: ['Chờ người dân bổ sung', 'Waiting for citizen'],
  resolved: ['Đã xử lý', 'Resolved'], closed: ['Đã kết thúc', 'Closed'], rejected: ['Không tiếp nhận', 'Rejected'],
  duplicate: ['Trùng lặp', 'Duplicate'], withdrawn: ['Đã rút', 'Withdrawn'],
};
/** The detailed status, whether it comes as IN_PROGRESS (CaseRecord) or in_progress (the queue). */
export const internalStatusName = (code) => pick(internalStatuses, String(code ?? '').toLowerCase());
export const QUEUE_STATUSES = ['assigned', 'in_progress', 'waiting_for_citizen'];

export function statusChip(code) {
  const c = String(code ?? '').toLowerCase();
  return h('span', { class: `badge status-${c.replace(/_/g, '-')}` }, internalStatusName(c));
}

const clocks = {
  verify: ['Xác minh', 'Verification'], accept: ['Nhận xử lý', 'Acceptance'], resolve: ['Giải quyết', 'Resolution'],
  statutory: ['Thời hạn luật định', 'Statutory time'], informationReply: ['Người dân trả lời', 'Citizen’s reply'],
  extended: ['Hạn đã gia hạn', 'Extended due'], apology: ['Hạn mới theo thư xin lỗi', 'Due after apology'],
};
export const clockName = (code) => pick(clocks, code);

const urgencies = {
  OVERDUE: ['Quá hạn', 'Overdue'], DUE_SOON: ['Đến hạn trong 1 ngày làm việc', 'Due within a working day'], ON_TRACK: ['Trong hạn', 'On track'],
};
export const urgencyName = (code) => pick(urgencies, code);
export function urgencyBadge(code) {
  const cls = code === 'OVERDUE' ? 'bad' : code === 'DUE_SOON' ? 'warn' : 'ok';
  const mark = code === 'OVERDUE' ? '!' : code === 'DUE_SOON' ? '◔' : '✓';
  return h('span', { class: `badge ${cls} urgency`, 'data-urgency': code }, `${mark} ${urgencyName(code)}`);
}

export function priorityBadge(priority) {
  const p = String(priority ?? '').toUpperCase();
  return p === 'URGENT' ? h('span', { class: 'badge bad priority' }, t('priorityUrgent')) : null;
}

const events = {
  case_received: ['Tiếp nhận', 'Received'], case_verified: ['Xác minh', 'Verified'], case_rejected: ['Từ chối', 'Rejected'],
  dossier_accepted: ['Tiếp nhận hồ sơ', 'Dossier accepted'], dossier_refused: ['Từ chối hồ sơ', 'Dossier refused'],
  case_classified: ['Phân loại', 'Classified'], duplicate_linked: ['Gộp trùng', 'Linked as duplicate'], case_assigned: ['Chuyển cơ quan xử lý', 'Assigned'],
  assignment_accepted: ['Cơ quan nhận xử lý', 'Assignment accepted'], assignment_declined: ['Cơ quan từ chối nhận', 'Assignment declined'],
  case_transferred: ['Chuyển cơ quan khác', 'Transferred'], progress_noted: ['Cập nhật tiến độ', 'Progress noted'],
  information_requested: ['Yêu cầu bổ sung thông tin', 'Information requested'], information_provided: ['Người dân bổ sung thông tin', 'Information provided'],
  information_request_expired: ['Quá hạn bổ sung', 'Information request expired'], extension_granted: ['Gia hạn', 'Extension granted'],
  apology_issued: ['Thư xin lỗi', 'Apology issued'], deadline_approaching: ['Sắp đến hạn', 'Deadline approaching'],
  deadline_breached: ['Quá hạn', 'Deadline breached'], case_resolved: ['Đã xử lý', 'Resolved'], resolution_returned: ['Trả lại xử lý lại', 'Resolution returned'],
  case_rated: ['Người dân đánh giá', 'Rated'], case_reopened: ['Mở lại', 'Reopened'], case_withdrawn: ['Rút phản ánh', 'Withdrawn'],
  case_closed: ['Kết thúc', 'Closed'], personal_data_erased: ['Xóa dữ liệu cá nhân', 'Personal data erased'],
  due_times_recomputed: ['Tính lại hạn', 'Due times recomputed'],
  agency_succeeded: ['Chuyển cơ quan kế thừa (sắp xếp bộ máy)', 'Moved to the successor agency (reorganisation)'],
};
export const eventName = (type) => pick(events, type);

/** The words a person wrote in an event (a reason, a question, an answer), to show without opening the JSON. */
export function eventText(json) {
  let data;
  try { data = JSON.parse(json); } catch { return null; }
  for (const key of ['text', 'question', 'publicText', 'publicAnswer', 'reason', 'note', 'comment', 'description']) {
    if (typeof data?.[key] === 'string' && data[key].trim()) return data[key];
  }
  return null;
}

/** A working-time duration: ISO 8601 (PT2H30M), NodaTime's d:hh:mm:ss, or seconds, as "2 h 30 min". */
export function duration(value) {
  if (value === null || value === undefined || value === '') return '–';
  let seconds = null;
  if (typeof value === 'number') seconds = value;
  else {
    const s = String(value).trim();
    const iso = /^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(s);
    const noda = /^(-)?(?:(\d+):)?(\d+):(\d{2}):(\d{2}(?:\.\d+)?)$/.exec(s);
    if (iso) seconds = (iso[1] ? -1 : 1) * ((+iso[2] || 0) * 86400 + (+iso[3] || 0) * 3600 + (+iso[4] || 0) * 60 + (+iso[5] || 0));
    else if (noda) seconds = (noda[1] ? -1 : 1) * ((+noda[2] || 0) * 86400 + (+noda[3]) * 3600 + (+noda[4]) * 60 + (+noda[5]));
    else if (/^-?\d+(\.\d+)?$/.test(s)) seconds = Number(s);
    else return s;
  }
  const minutes = Math.round(Math.abs(seconds) / 60);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const text = hours ? (rest ? t('hoursMinutes', hours, rest) : t('hoursOnly', hours)) : t('minutesOnly', rest);
  return seconds < 0 ? `−${text}` : text;
}

/** A value for <input type="datetime-local"> in Huế's time, from an ISO instant. */
export function toLocalInput(iso) {
  if (!iso) return '';
  const d = new Date(new Date(iso).getTime() + 7 * 3600_000);
  return d.toISOString().slice(0, 16);
}

/** "2026-03-02T09:00" typed in Huế's time (UTC+7, no daylight saving) → "2026-03-02T09:00:00+07:00". */
export function fromLocalInput(value) {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value ?? '')) return null;
  return `${value.length === 16 ? `${value}:00` : value}+07:00`;
}
