// Every error the API gives, as a person reads it (issue 20): a message per extensions.code in Vietnamese and
// English, and for VALIDATION_FAILED one per extensions.reason (required, too_long, unknown, outside_province,
// place_required) naming the field. Shared by the site and the console; the raw code is never shown. A code not
// listed here falls back to a general message, never to the server's English text.
import { GraphQLRequestError, NetworkError } from './api.js';
import { lang, withProvince } from './i18n.js';

const CODES = {
  vi: {
    VALIDATION_FAILED: 'Thông tin chưa hợp lệ, vui lòng kiểm tra lại.',
    BAD_USER_INPUT: 'Thiếu thông tin bắt buộc hoặc thông tin sai định dạng.',
    CASE_NOT_FOUND: 'Không tìm thấy phản ánh, hồ sơ này.',
    CASE_INVALID_TRANSITION: 'Không thể thực hiện thao tác này ở trạng thái hiện tại của phản ánh, hồ sơ.',
    CASE_CONCURRENCY_CONFLICT: 'Phản ánh, hồ sơ vừa được người khác cập nhật. Vui lòng tải lại và thử lại.',
    FORBIDDEN: 'Bạn không có quyền thực hiện thao tác này.',
    RATE_LIMITED: 'Bạn đã gửi quá nhiều lần. Vui lòng đợi một phút rồi thử lại.',
    IDEMPOTENCY_KEY_REUSED: 'Yêu cầu này trùng mã với một yêu cầu khác đã gửi. Vui lòng tải lại trang và gửi lại.',
    MEDIA_NOT_FOUND: 'Không tìm thấy ảnh đã tải lên. Vui lòng tải ảnh lên lại.',
    MEDIA_IN_USE: 'Ảnh này thuộc một phản ánh khác.',
    MEDIA_EXPIRED: 'Ảnh đã tải lên quá 24 giờ. Vui lòng tải ảnh lên lại.',
    MEDIA_MISSING: 'Không tìm thấy tệp ảnh trong yêu cầu.',
    MEDIA_TOO_LARGE: 'Ảnh quá lớn (tối đa 10 MB).',
    MEDIA_TOO_MANY_PIXELS: 'Ảnh có kích thước điểm ảnh quá lớn (tối đa 50 megapixel, 12.000 điểm mỗi chiều).',
    MEDIA_UNREADABLE: 'Không đọc được ảnh này. Vui lòng chọn ảnh khác.',
    MEDIA_UNSUPPORTED_TYPE: 'Chỉ nhận ảnh JPEG, PNG, WebP hoặc HEIC.',
    MEDIA_STORE_UNAVAILABLE: 'Kho lưu ảnh đang tạm thời không truy cập được. Vui lòng thử lại sau ít phút.',
    CSRF_TOKEN_INVALID: 'Phiên làm việc không còn hợp lệ. Vui lòng tải lại trang.',
    NOT_SIGNED_IN: 'Bạn cần đăng nhập.',
    UNAUTHENTICATED: 'Bạn cần đăng nhập.',
    SESSION_EXPIRED: 'Phiên đăng nhập đã hết hạn. Vui lòng đăng nhập lại.',
    SIGN_IN_FAILED: 'Tên đăng nhập hoặc mật khẩu không đúng.',
    ACCOUNT_LOCKED: 'Tài khoản tạm bị khóa do nhập sai mật khẩu nhiều lần. Vui lòng thử lại sau.',
    ACCOUNT_DISABLED: 'Tài khoản đã bị vô hiệu hóa.',
    INVALID_TOKEN: 'Thông tin xác thực không hợp lệ.',
    KEY_EXPIRED: 'Khóa truy cập đã hết hạn.',
    KEY_REVOKED: 'Khóa truy cập đã bị thu hồi.',
    ORIGIN_REFUSED: 'Yêu cầu bị từ chối vì không đến từ trang của Trung tâm.',
    CALENDAR_INVALID: 'Tệp lịch làm việc không hợp lệ.',
    REQUEST_TOO_LARGE: 'Yêu cầu quá lớn.',
    BAD_REQUEST: 'Yêu cầu không hợp lệ.',
    PERSISTED_QUERY_NOT_FOUND: 'Trang đã cũ so với máy chủ. Vui lòng tải lại trang.',
    PERSISTED_QUERY_HASH_MISMATCH: 'Trang đã cũ so với máy chủ. Vui lòng tải lại trang.',
    PERSISTED_QUERY_REQUIRED: 'Trang đã cũ so với máy chủ. Vui lòng tải lại trang.',
    INTERNAL_ERROR: 'Máy chủ gặp lỗi. Vui lòng thử lại sau.',
    NETWORK: 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối và thử lại.',
    OTHER: 'Không thực hiện được yêu cầu. Vui lòng thử lại.',
  },
  en: {
    VALIDATION_FAILED: 'Some information is not valid; please check it.',
    BAD_USER_INPUT: 'Required information is missing or in the wrong form.',
    CASE_NOT_FOUND: 'No such case.',
    CASE_INVALID_TRANSITION: 'This cannot be done in the case\'s current state.',
    CASE_CONCURRENCY_CONFLICT: 'Someone else has just changed this case. Reload it and try again.',
    FORBIDDEN: 'You may not do this.',
    RATE_LIMITED: 'Too many attempts. Please wait a minute and try again.',
    IDEMPOTENCY_KEY_REUSED: 'This request carries the key of another one already sent. Please reload the page and send it again.',
    MEDIA_NOT_FOUND: 'The uploaded photo was not found. Please upload it again.',
    MEDIA_IN_USE: 'This photo belongs to another case.',
    MEDIA_EXPIRED: 'The photo was uploaded more than 24 hours ago. Please upload it again.',
    MEDIA_MISSING: 'No photo file was sent.',
    MEDIA_TOO_LARGE: 'The photo is too large (10 MB at most).',
    MEDIA_TOO_MANY_PIXELS: 'The photo has too many pixels (50 megapixels, 12,000 a side at most).',
    MEDIA_UNREADABLE: 'This photo cannot be read. Please choose another.',
    MEDIA_UNSUPPORTED_TYPE: 'Only JPEG, PNG, WebP or HEIC photos are accepted.',
    MEDIA_STORE_UNAVAILABLE: 'The photo store cannot be reached just now. Please try again in a few minutes.',
    CSRF_TOKEN_INVALID: 'Your session is no longer valid. Please reload the page.',
    NOT_SIGNED_IN: 'Please sign in.',
    UNAUTHENTICATED: 'Please sign in.',
    SESSION_EXPIRED: 'Your session has ended. Please sign in again.',
    SIGN_IN_FAILED: 'Wrong login or password.',
    ACCOUNT_LOCKED: 'The account is locked after too many wrong passwords. Try again later.',
    ACCOUNT_DISABLED: 'The account is disabled.',
    INVALID_TOKEN: 'The credentials are not valid.',
    KEY_EXPIRED: 'The access key has expired.',
    KEY_REVOKED: 'The access key has been revoked.',
    ORIGIN_REFUSED: 'Refused: the request did not come from the center\'s pages.',
    CALENDAR_INVALID: 'The working calendar file is not valid.',
    REQUEST_TOO_LARGE: 'The request is too large.',
    BAD_REQUEST: 'The request is not valid.',
    PERSISTED_QUERY_NOT_FOUND: 'This page is older than the server. Please reload it.',
    PERSISTED_QUERY_HASH_MISMATCH: 'This page is older than the server. Please reload it.',
    PERSISTED_QUERY_REQUIRED: 'This page is older than the server. Please reload it.',
    INTERNAL_ERROR: 'The server failed. Please try again later.',
    NETWORK: 'The server cannot be reached. Check the connection and try again.',
    OTHER: 'The request could not be done. Please try again.',
  },
};

/** VALIDATION_FAILED by reason; {0} is the field's label. Specific (field.reason) before general (reason). */
const REASONS = {
  vi: {
    required: 'Vui lòng nhập {0}.', too_long: '{0} quá dài.', unknown: '{0} không có trong danh mục.', invalid: '{0} chưa hợp lệ.',
    'location.outside_province': 'Vị trí nằm ngoài {province}. Vui lòng chọn một điểm trong địa bàn.',
    'location.place_required': 'Vui lòng chọn vị trí trên bản đồ hoặc dùng vị trí của thiết bị.',
    'ward.unknown': 'Không có phường, xã này trong danh mục. Vui lòng chọn trong danh sách.',
    'leadAgency.former': 'Cơ quan này không còn từ ngày {since} (sắp xếp bộ máy); cơ quan kế thừa: {successorName}.',
    'toAgency.former': 'Cơ quan này không còn từ ngày {since} (sắp xếp bộ máy); cơ quan kế thừa: {successorName}.',
    'supportingAgencies.former': 'Một cơ quan phối hợp không còn từ ngày {since}; cơ quan kế thừa: {successorName}.',
    'ward.former': 'Đơn vị này không còn từ ngày {since} (sắp xếp đơn vị hành chính); nay thuộc {successorVi}. Vui lòng chọn {successorVi}.',
    'score.invalid': 'Vui lòng chọn số sao (từ 1 đến 5).',
    'mediaRefs.invalid': 'Tối đa 5 ảnh, mỗi ảnh một lần.',
    'evidenceRefs.invalid': 'Ảnh, tài liệu minh chứng không hợp lệ.',
    'masterId.invalid': 'Không thể gộp vào phản ánh này.',
    'supportingAgencies.invalid': 'Các cơ quan phối hợp phải khác nhau và khác cơ quan chủ trì.',
    'toAgency.invalid': 'Phản ánh, hồ sơ đang ở cơ quan này rồi.',
    'masterId.newer': 'Chỉ gộp vào phản ánh nhận trước; phản ánh này được nhận sau.',
    'newDueAt.invalid': 'Hạn mới phải muộn hơn hạn hiện tại.',
    'endpoint.invalid': 'Trình duyệt này dùng một dịch vụ thông báo không được hỗ trợ.',
    'p256dh.invalid': 'Trình duyệt gửi khóa đăng ký thông báo không hợp lệ.',
    'auth.invalid': 'Trình duyệt gửi khóa đăng ký thông báo không hợp lệ.',
  },
  en: {
    required: 'Please enter {0}.', too_long: '{0} is too long.', unknown: '{0} is not in the list.', invalid: '{0} is not valid.',
    'location.outside_province': 'The place is outside {province}. Please choose a point within it.',
    'location.place_required': 'Please choose the place on the map or use the device\'s location.',
    'ward.unknown': 'There is no such ward or commune. Please choose one from the list.',
    'leadAgency.former': 'This agency no longer exists since {since} (reorganisation); its successor is {successorName}.',
    'toAgency.former': 'This agency no longer exists since {since} (reorganisation); its successor is {successorName}.',
    'supportingAgencies.former': 'A supporting agency no longer exists since {since}; its successor is {successorName}.',
    'ward.former': 'This unit no longer exists since {since} (administrative reorganisation); it is now part of {successorEn}. Please choose {successorEn}.',
    'score.invalid': 'Please choose a score (1 to 5 stars).',
    'mediaRefs.invalid': 'At most 5 photos, each once.',
    'evidenceRefs.invalid': 'The evidence photos or documents are not valid.',
    'masterId.invalid': 'The case cannot be merged into that one.',
    'supportingAgencies.invalid': 'Supporting agencies must be distinct and differ from the lead agency.',
    'toAgency.invalid': 'The case is already with that agency.',
    'masterId.newer': 'A report is merged into an earlier one; this one was received later.',
    'newDueAt.invalid': 'The new due time must be later than the current one.',
    'endpoint.invalid': 'This browser uses a notification service that is not supported.',
    'p256dh.invalid': 'The browser sent a notification key that is not valid.',
    'auth.invalid': 'The browser sent a notification key that is not valid.',
  },
};

/** Names of the API's fields, for messages that name them. */
const FIELDS = {
  vi: {
    description: 'nội dung phản ánh', category: 'lĩnh vực', ward: 'phường, xã', location: 'vị trí', reason: 'lý do',
    text: 'thông tin bổ sung', score: 'số sao', comment: 'nhận xét', publicAnswer: 'nội dung trả lời', publicText: 'nội dung tiến độ',
    question: 'nội dung yêu cầu', summary: 'nội dung công khai', publicSummary: 'nội dung công khai', note: 'ghi chú',
    leadAgency: 'cơ quan chủ trì', toAgency: 'cơ quan nhận', supportingAgencies: 'cơ quan phối hợp', newDueAt: 'hạn mới',
    masterId: 'phản ánh gốc', masterTrackingCode: 'mã phản ánh gốc', toAgency: 'cơ quan nhận', mediaRefs: 'ảnh', evidenceRefs: 'minh chứng', trackingCode: 'mã tra cứu', secret: 'mã bí mật',
    login: 'tên đăng nhập', password: 'mật khẩu', name: 'họ tên', after: 'trang', file: 'tệp',
    email: 'địa chỉ thư nhận thông báo', escalationEmail: 'địa chỉ thư báo quá hạn', agencyId: 'cơ quan',
  },
  en: {
    description: 'what is wrong', category: 'the category', ward: 'the ward', location: 'the place', reason: 'the reason',
    text: 'the information', score: 'the score', comment: 'the comment', publicAnswer: 'the answer', publicText: 'the progress note',
    question: 'the question', summary: 'the public summary', publicSummary: 'the public summary', note: 'the note',
    leadAgency: 'the lead agency', toAgency: 'the agency', supportingAgencies: 'the supporting agencies', newDueAt: 'the new due time',
    masterId: 'the master case', masterTrackingCode: 'the master case\'s code', mediaRefs: 'the photos', evidenceRefs: 'the evidence', trackingCode: 'the tracking code', secret: 'the secret',
    login: 'the login', password: 'the password', name: 'the name', after: 'the page', file: 'the file',
    email: 'the notification address', escalationEmail: 'the escalation address', agencyId: 'the agency',
  },
};

const fill = (text, ...args) => text.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? ''));
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/** The message for one GraphQL error object ({ message, extensions: { code, field, reason } }). */
export function messageFor(error) {
  const l = CODES[lang()] ? lang() : 'vi';
  const code = error?.extensions?.code ?? 'OTHER';
  const field = error?.extensions?.field;
  if (code === 'VALIDATION_FAILED' && field) {
    const reason = error.extensions.reason ?? 'invalid';
    const specific = REASONS[l][`${field}.${reason}`];
    // Named details of the error ({successorVi}, {since}...) fill a specific message.
    if (specific) return withProvince(specific).replace(/\{([a-zA-Z]+)\}/g, (_, k) => String(error.extensions[k] ?? ''));
    const label = FIELDS[l][field] ?? field;
    return cap(fill(REASONS[l][reason] ?? REASONS[l].invalid, label));
  }
  return CODES[l][code] ?? CODES[l].OTHER;
}

/** The message for anything a request threw: a GraphQL error, a network failure, or a check in the browser. */
export function errorMessage(e) {
  if (e instanceof GraphQLRequestError) return messageFor(e.errors[0]);
  if (e instanceof NetworkError) return CODES[lang()]?.NETWORK ?? CODES.vi.NETWORK;
  if (e?.extensions) return messageFor(e);
  return e?.message ?? String(e);
}

/** The API field a failure names (extensions.field), if any. */
export function errorField(e) {
  return e instanceof GraphQLRequestError ? e.errors[0]?.extensions?.field ?? null : e?.extensions?.field ?? null;
}

/** Every code this module translates (the tests check the server's codes against it). */
export const KNOWN_CODES = Object.keys(CODES.vi);
