// Every string the site shows, in Vietnamese (the default) and English. Codes from the API
// (categories, steps, statuses, channels) are turned into names here, never shown raw when known.

const STORAGE_KEY = 'cases.lang';
export const LANGS = ['vi', 'en'];

const dict = {
  vi: {
    siteTitle: 'Minh bạch xử lý phản ánh, hồ sơ',
    siteSubtitle: 'Trung tâm Giám sát, điều hành đô thị thông minh {province}',
    skip: 'Bỏ qua, đến nội dung chính',
    navOverview: 'Tổng quan',
    navCases: 'Tra cứu phản ánh, hồ sơ',
    navAgencies: 'Cơ quan xử lý',
    navApi: 'API dữ liệu mở',
    switchLang: 'English',
    switchLangLabel: 'Switch to English',
    menu: 'Danh mục',
    trackLabel: 'Mã tra cứu',
    trackPlaceholder: 'VD: {prefix}-2026-000123',
    trackButton: 'Tra cứu',
    loading: 'Đang tải…',
    retry: 'Thử lại',
    networkError: 'Không kết nối được máy chủ. Vui lòng kiểm tra kết nối và thử lại.',
    requestError: 'Không thể hiển thị dữ liệu: {0}',
    requestErrorTitle: 'Không thể hiển thị dữ liệu: yêu cầu không hợp lệ',
    footer: 'Mọi bước xử lý đều được công khai; thông tin cá nhân của người phản ánh không bao giờ được hiển thị.',
    staffLink: 'Cán bộ / Staff',
    // overview
    overviewTitle: 'Tổng quan 12 tháng gần nhất',
    periodLabel: 'Kỳ: {0} – {1}',
    wardsTitle: 'Kết quả xử lý theo phường, xã',
    wardsLink: 'Xem kết quả theo phường, xã',
    wardCol: 'Phường, xã',
    unitsLabel: 'Đơn vị hành chính',
    unitsCurrent: 'theo đơn vị hiện nay',
    unitsHistorical: 'theo đơn vị tại thời điểm phát sinh',
    unitsCurrentNote: 'Số liệu của các phường, xã đã sắp xếp (từ 1/7/2025) được tính vào đơn vị kế thừa hiện nay, nên chuỗi số liệu liên tục qua thời điểm sắp xếp.',
    unitsHistoricalNote: 'Số liệu được tính theo phường, xã ghi trên từng phản ánh, hồ sơ tại thời điểm phát sinh, kể cả các đơn vị nay không còn.',
    fromMonth: 'Từ tháng',
    toMonth: 'Đến tháng',
    noFigures: 'Chưa có số liệu trong kỳ này.',
    mapInForce: 'Bản đồ hành chính đang áp dụng: {0}. Căn cứ: {1}.',
    received: 'Tiếp nhận',
    resolved: 'Đã xử lý',
    receivedNote: 'phản ánh, hồ sơ công khai tiếp nhận trong kỳ',
    resolvedNote: 'lượt xử lý xong trong kỳ (tính cả lần xử lý lại)',
    lateRate: 'Tỷ lệ trễ hạn',
    satisfaction: 'Mức độ hài lòng',
    targetLate: 'Mục tiêu: dưới {0}',
    targetSat: 'Mục tiêu: trên {0}',
    met: 'Đạt',
    notMet: 'Chưa đạt',
    noData: 'Chưa có dữ liệu',
    resolvedLateOf: '{0} trễ hạn / {1} đã xử lý',
    satisfiedOf: '{0} hài lòng / {1} lượt đánh giá',
    openNow: 'Đang xử lý',
    overdueNow: 'Quá hạn',
    backlogNote: 'Hiện tại: {0} đang mở, {1} quá hạn, {2} chờ người dân bổ sung',
    trendTitle: 'Diễn biến theo tháng',
    trendDesc: 'Cột: số phản ánh, hồ sơ đã xử lý mỗi tháng. Đường: tỷ lệ trễ hạn (trục phải). Đường gạch: mục tiêu {0}.',
    trendTable: 'Bảng số liệu theo tháng',
    month: 'Tháng',
    definitionTitle: 'Cách tính tỷ lệ trễ hạn',
    definitionSummary: 'Tỷ lệ trễ hạn = số phản ánh, hồ sơ xử lý xong sau hạn ÷ tổng số đã xử lý xong trong kỳ. Hạn được gia hạn hợp lệ thay cho hạn ban đầu; thư xin lỗi không thay đổi hạn. Mỗi lần xử lý tính vào tháng xử lý xong; phản ánh bị từ chối, trùng lặp hoặc đã rút không được tính. Mức độ hài lòng = số lượt đánh giá hài lòng ÷ tổng số lượt đánh giá trong kỳ.',
    definitionOfficial: 'Định nghĩa chính thức do hệ thống cung cấp (tiếng Anh):',
    durationsTitle: 'Thời gian xử lý (giờ làm việc)',
    durStep: 'Bước',
    durCount: 'Số lượt',
    durMedian: 'Trung vị',
    durP90: '90 % trong vòng',
    durSteps: { verify: 'Xác minh', assign: 'Chuyển xử lý', resolve: 'Giải quyết' },
    hours: '{0} giờ',
    freshness: 'Độ mới dữ liệu: {0}',
    freshNow: 'cập nhật tức thời',
    freshSeconds: 'chậm {0} giây',
    freshMinutes: 'chậm {0} phút',
    // cases
    casesTitle: 'Tra cứu phản ánh, hồ sơ',
    filters: 'Bộ lọc',
    kind: 'Loại',
    category: 'Lĩnh vực',
    ward: 'Phường, xã',
    agency: 'Cơ quan',
    status: 'Trạng thái',
    all: 'Tất cả',
    apply: 'Lọc',
    clear: 'Xóa bộ lọc',
    resultCount: '{0} kết quả, mới nhất trước',
    showing: 'Đang hiển thị {0} / {1}',
    more: 'Xem thêm',
    none: 'Không có kết quả phù hợp.',
    receivedAt: 'Tiếp nhận',
    dueAt: 'Hạn xử lý',
    extendedDueAt: 'Hạn đã gia hạn',
    resolvedAt: 'Xử lý xong',
    onTime: 'Đúng hạn',
    late: 'Trễ hạn',
    // case
    caseTitle: 'Phản ánh, hồ sơ {0}',
    channel: 'Kênh tiếp nhận',
    timeline: 'Quá trình xử lý',
    due: 'hạn {0}',
    publicAnswer: 'Kết quả trả lời',
    rating: 'Đánh giá của người dân',
    ratingValue: '{0}/5',
    notRated: 'Chưa đánh giá',
    duplicateOf: 'Trùng với',
    apology: 'Cơ quan đã gửi thư xin lỗi vì trễ hạn.',
    casePublishing: 'Phản ánh đã được tiếp nhận và đang được công bố. Trang sẽ tự cập nhật trong giây lát.',
    notFoundTitle: 'Không tìm thấy',
    notFound: 'Không tìm thấy phản ánh, hồ sơ có mã “{0}”. Vui lòng kiểm tra lại mã tra cứu (dạng {prefix}-2026-000123).',
    backToCases: 'Về trang tra cứu',
    noAgency: 'Chưa phân công',
    // agencies
    agenciesTitle: 'Xếp hạng cơ quan xử lý',
    rankNote: 'Chỉ xếp hạng cơ quan có ít nhất {0} phản ánh, hồ sơ đã xử lý hoặc đang quá hạn trong kỳ.',
    rankNoteShort: 'chỉ xếp hạng khi có ≥ {0} đã xử lý',
    sortBy: 'Sắp xếp theo',
    sortApply: 'Sắp xếp',
    sortLate: 'Tỷ lệ trễ hoặc quá hạn (thấp trước)',
    openOverdueCol: 'Đang quá hạn', lateOrOverdue: 'Trễ hoặc quá hạn',
    rankingDefinition: 'Xếp hạng theo tỷ lệ trễ hoặc quá hạn = (số giải quyết trễ hạn + số đang quá hạn cuối kỳ) ÷ (số đã giải quyết + số đang quá hạn cuối kỳ), thấp nhất đứng đầu. Hồ sơ để quá hạn bị tính như giải quyết trễ, nên không giải quyết không giúp cơ quan lên hạng. Tỷ lệ trễ hạn (chỉ tính số đã giải quyết) vẫn được công bố bên cạnh.',
    sortSat: 'Mức độ hài lòng (cao trước)',
    rank: 'Hạng',
    ratings: 'Lượt đánh giá',
    unranked: '{0} cơ quan chưa đủ số liệu để xếp hạng',
    unrankedNone: 'Không có cơ quan nào đủ số liệu để xếp hạng trong kỳ.',
    // agency
    agencyPeriod: 'Số liệu 12 tháng gần nhất',
    openAtEnd: 'Còn mở cuối kỳ',
    openOverdue: 'Quá hạn chưa xử lý',
    meanScore: 'Điểm trung bình',
    ratingsBreakdown: 'Phân bố đánh giá',
    starsN: '{0} sao',
    recentCases: 'Phản ánh, hồ sơ gần đây',
    allCasesOf: 'Xem tất cả phản ánh, hồ sơ của cơ quan',
    agencyNotFound: 'Không tìm thấy cơ quan “{0}”.',
    // api
    apiTitle: 'API dữ liệu mở',
    apiExplorer: 'Mở trình khám phá GraphQL (GraphiQL)',
    apiExplorerNote: 'để xem lược đồ, chạy thử các truy vấn mẫu và xem kết quả ngay trên trình duyệt.',
    apiIntro: 'Toàn bộ dữ liệu trên trang này lấy từ API GraphQL công khai, không cần đăng ký. Gửi yêu cầu POST với nội dung JSON {"query": …, "variables": …}.',
    apiEndpoint: 'Địa chỉ',
    apiExamples: 'Ví dụ',
    copy: 'Sao chép',
    copied: 'Đã sao chép',
    exLate: 'Tỷ lệ trễ hạn và hài lòng theo tháng',
    exCase: 'Một phản ánh theo mã tra cứu',
    exCases: 'Danh sách phản ánh theo lĩnh vực',
    exAgencies: 'Danh sách cơ quan',
    exCurl: 'Gọi bằng curl',
    apiPrivacy: 'API không chứa thông tin cá nhân của người phản ánh; phản ánh về cán bộ được bảo mật.',
  },
  en: {
    siteTitle: 'Case handling transparency',
    siteSubtitle: '{province} Intelligent Operations Center',
    skip: 'Skip to main content',
    navOverview: 'Overview',
    navCases: 'Browse cases',
    navAgencies: 'Agencies',
    navApi: 'Open data API',
    switchLang: 'Tiếng Việt',
    switchLangLabel: 'Chuyển sang tiếng Việt',
    menu: 'Menu',
    trackLabel: 'Tracking code',
    trackPlaceholder: 'e.g. {prefix}-2026-000123',
    trackButton: 'Find',
    loading: 'Loading…',
    retry: 'Retry',
    networkError: 'Could not reach the server. Please check your connection and retry.',
    requestError: 'The data could not be shown: {0}',
    requestErrorTitle: 'The data could not be shown: the request was not valid',
    footer: 'Every step of every case is public; the reporter’s personal data is never shown.',
    staffLink: 'Staff / Cán bộ',
    overviewTitle: 'Overview of the last 12 months',
    periodLabel: 'Period: {0} – {1}',
    wardsTitle: 'Results by ward and commune',
    wardsLink: 'See the results by ward and commune',
    wardCol: 'Ward or commune',
    unitsLabel: 'Administrative units',
    unitsCurrent: 'as the units are now',
    unitsHistorical: 'as the units were',
    unitsCurrentNote: 'Figures of wards and communes reorganised on 1 July 2025 count under their successor today, so the series runs on across the change.',
    unitsHistoricalNote: 'Figures count under the ward or commune recorded on each case when it happened, including units that no longer exist.',
    fromMonth: 'From',
    toMonth: 'To',
    noFigures: 'No figures for this period yet.',
    mapInForce: 'Administrative map in force: {0}. Legal basis: {1}.',
    received: 'Received',
    resolved: 'Resolved',
    receivedNote: 'public cases received in the period',
    resolvedNote: 'resolutions in the period (a reopened report counts again)',
    lateRate: 'Late rate',
    satisfaction: 'Satisfaction',
    targetLate: 'Target: below {0}',
    targetSat: 'Target: above {0}',
    met: 'Met',
    notMet: 'Not met',
    noData: 'No data yet',
    resolvedLateOf: '{0} late of {1} resolved',
    satisfiedOf: '{0} satisfied of {1} ratings',
    openNow: 'Open',
    overdueNow: 'Overdue',
    backlogNote: 'Now: {0} open, {1} overdue, {2} waiting for the citizen',
    trendTitle: 'Monthly trend',
    trendDesc: 'Bars: cases resolved per month. Line: late rate (right axis). Dashed line: the {0} target.',
    trendTable: 'Monthly figures',
    month: 'Month',
    definitionTitle: 'How the late rate is computed',
    definitionSummary: '',
    definitionOfficial: 'The definitions, as the server states them:',
    durationsTitle: 'Time taken (working hours)',
    durStep: 'Step',
    durCount: 'Count',
    durMedian: 'Median',
    durP90: '90 % within',
    durSteps: { verify: 'Verify', assign: 'Assign', resolve: 'Resolve' },
    hours: '{0} h',
    freshness: 'Data freshness: {0}',
    freshNow: 'up to date',
    freshSeconds: '{0} s behind',
    freshMinutes: '{0} min behind',
    casesTitle: 'Browse cases',
    filters: 'Filters',
    kind: 'Kind',
    category: 'Category',
    ward: 'Ward',
    agency: 'Agency',
    status: 'Status',
    all: 'All',
    apply: 'Filter',
    clear: 'Clear filters',
    resultCount: '{0} results, newest first',
    showing: 'Showing {0} of {1}',
    more: 'More',
    none: 'No matching cases.',
    receivedAt: 'Received',
    dueAt: 'Due',
    extendedDueAt: 'Extended due',
    resolvedAt: 'Resolved',
    onTime: 'On time',
    late: 'Late',
    caseTitle: 'Case {0}',
    channel: 'Channel',
    timeline: 'Timeline',
    due: 'due {0}',
    publicAnswer: 'Public answer',
    rating: 'Citizen’s rating',
    ratingValue: '{0}/5',
    notRated: 'Not rated',
    duplicateOf: 'Duplicate of',
    apology: 'The agency issued an apology for the delay.',
    casePublishing: 'Your report was received and is being published. This page updates by itself in a moment.',
    notFoundTitle: 'Not found',
    notFound: 'No case with tracking code “{0}” was found. Please check the code (like {prefix}-2026-000123).',
    backToCases: 'Back to browsing',
    noAgency: 'Not assigned',
    agenciesTitle: 'Agency ranking',
    rankNote: 'Agencies are ranked only with ≥ {0} cases resolved or open overdue in the period.',
    rankNoteShort: 'ranked only with ≥ {0} resolved',
    sortBy: 'Sort by',
    sortApply: 'Sort',
    sortLate: 'Late-or-overdue rate (lowest first)',
    openOverdueCol: 'Open overdue', lateOrOverdue: 'Late or overdue',
    rankingDefinition: 'Ranked by late-or-overdue rate = (late resolved + open and overdue at period end) ÷ (resolved + open and overdue at period end), lowest first. A case left overdue counts as a late resolution would, so not resolving never improves a place. The late rate (resolved cases only) is published beside it.',
    sortSat: 'Satisfaction (highest first)',
    rank: 'Rank',
    ratings: 'Ratings',
    unranked: '{0} agencies have too few cases to be ranked',
    unrankedNone: 'No agency has enough resolved cases to be ranked in this period.',
    agencyPeriod: 'Figures for the last 12 months',
    openAtEnd: 'Open at period end',
    openOverdue: 'Open and overdue',
    meanScore: 'Mean score',
    ratingsBreakdown: 'Ratings breakdown',
    starsN: '{0} stars',
    recentCases: 'Recent cases',
    allCasesOf: 'All cases of this agency',
    agencyNotFound: 'No agency “{0}” was found.',
    apiTitle: 'Open data API',
    apiExplorer: 'Open the GraphQL explorer (GraphiQL)',
    apiExplorerNote: 'to browse the schema, run the example queries and see their results in the browser.',
    apiIntro: 'Everything on this site comes from the public GraphQL API; no sign-up needed. POST JSON {"query": …, "variables": …}.',
    apiEndpoint: 'Endpoint',
    apiExamples: 'Examples',
    copy: 'Copy',
    copied: 'Copied',
    exLate: 'Late rate and satisfaction by month',
    exCase: 'One case by tracking code',
    exCases: 'Cases in a category',
    exAgencies: 'The agencies',
    exCurl: 'With curl',
    apiPrivacy: 'The API holds no personal data of reporters; misconduct reports are confidential.',
  },
};

const categories = {
  construction_order: ['Trật tự xây dựng', 'Construction order'],
  sanitation_environment: ['Vệ sinh môi trường', 'Sanitation & environment'],
  traffic_infrastructure: ['Hạ tầng giao thông', 'Traffic infrastructure'],
  urban_infrastructure: ['Hạ tầng đô thị (chiếu sáng, thoát nước, cây xanh)', 'Urban infrastructure (lighting, drainage, trees)'],
  public_order: ['Trật tự công cộng', 'Public order'],
  tourism_service: ['Chất lượng dịch vụ du lịch', 'Tourism service quality'],
  official_misconduct: ['Thái độ, hành vi của cán bộ', 'Official misconduct'],
  construction_permit: ['Cấp giấy phép xây dựng', 'Construction permit'],
  land_use_certificate: ['Giấy chứng nhận quyền sử dụng đất', 'Land-use certificate'],
  business_registration: ['Đăng ký doanh nghiệp', 'Business registration'],
  household_business_registration: ['Đăng ký hộ kinh doanh', 'Household business registration'],
  birth_registration: ['Đăng ký khai sinh', 'Birth registration'],
  marriage_registration: ['Đăng ký kết hôn', 'Marriage registration'],
  judicial_record: ['Cấp phiếu lý lịch tư pháp', 'Judicial record certificate'],
};

const steps = {
  received: ['Tiếp nhận', 'Received'],
  verified: ['Đã xác minh', 'Verified'],
  rejected: ['Từ chối', 'Rejected'],
  dossier_accepted: ['Tiếp nhận hồ sơ', 'Dossier accepted'],
  dossier_refused: ['Từ chối hồ sơ', 'Dossier refused'],
  classified: ['Phân loại', 'Classified'],
  duplicate_linked: ['Gộp phản ánh trùng', 'Linked as duplicate'],
  assigned: ['Chuyển cơ quan xử lý', 'Assigned'],
  assignment_accepted: ['Cơ quan nhận xử lý', 'Assignment accepted'],
  assignment_declined: ['Cơ quan từ chối nhận', 'Assignment declined'],
  transferred: ['Chuyển cơ quan khác', 'Transferred'],
  progress: ['Cập nhật tiến độ', 'Progress'],
  information_requested: ['Yêu cầu bổ sung thông tin', 'Information requested'],
  information_provided: ['Đã bổ sung thông tin', 'Information provided'],
  information_request_expired: ['Quá hạn bổ sung thông tin', 'Information request expired'],
  extension_granted: ['Gia hạn', 'Extension granted'],
  due_recomputed: ['Tính lại hạn xử lý theo lịch làm việc mới', 'Due time recomputed with the new working calendar'],
  apology_issued: ['Thư xin lỗi', 'Apology issued'],
  deadline_breached: ['Quá hạn xử lý', 'Deadline breached'],
  resolved: ['Đã xử lý', 'Resolved'],
  resolution_returned: ['Trả lại để xử lý lại', 'Resolution returned'],
  rated: ['Người dân đánh giá', 'Rated'],
  reopened: ['Mở lại', 'Reopened'],
  withdrawn: ['Rút phản ánh', 'Withdrawn'],
  closed: ['Kết thúc', 'Closed'],
};

const statuses = {
  RECEIVED: ['Đã tiếp nhận', 'Received'],
  VERIFIED: ['Đã xác minh', 'Verified'],
  IN_PROGRESS: ['Đang xử lý', 'In progress'],
  WAITING_FOR_CITIZEN: ['Chờ người dân bổ sung', 'Waiting for citizen'],
  RESOLVED: ['Đã xử lý', 'Resolved'],
  CLOSED: ['Đã kết thúc', 'Closed'],
  REJECTED: ['Không tiếp nhận', 'Rejected'],
};

const kinds = {
  FIELD_REPORT: ['Phản ánh hiện trường', 'Field report'],
  DOSSIER: ['Hồ sơ thủ tục hành chính', 'Administrative dossier'],
};

const channels = {
  APP: ['Ứng dụng Hue-S', 'Mobile app'],
  WEB: ['Cổng thông tin', 'Web portal'],
  HOTLINE: ['Đường dây nóng', 'Hotline'],
  SOCIAL: ['Mạng xã hội', 'Social media'],
  DESK: ['Bộ phận một cửa', 'One-stop desk'],
  OPEN311: ['Hệ thống đối tác (Open311)', 'Partner system (Open311)'],
};

// The projection writes a few fixed English sentences as a step's public text (PublicCaseSteps.cs);
// these are their Vietnamese equivalents. Anything else (answers, reasons) is shown as written.
const fixedTexts = [
  [/^The report was verified\.$/, () => 'Phản ánh đã được xác minh.'],
  [/^The dossier was accepted\.$/, () => 'Hồ sơ đã được tiếp nhận.'],
  [/^Linked to an earlier report of the same problem\.$/, () => 'Đã gộp với một phản ánh trước đó về cùng vấn đề.'],
  [/^More information was requested from the citizen\.$/, () => 'Đã đề nghị người dân bổ sung thông tin.'],
  [/^The citizen provided the information\.$/, () => 'Người dân đã bổ sung thông tin.'],
  [/^The citizen did not reply in time\.$/, () => 'Người dân không bổ sung thông tin đúng hạn.'],
  [/^The resolution was returned for rework\.$/, () => 'Kết quả xử lý bị trả lại để xử lý lại.'],
  [/^Rated (\d) of 5\.$/, (m) => `Đánh giá ${m[1]}/5.`],
  [/^The citizen reopened the report\.$/, () => 'Người dân đã mở lại phản ánh.'],
  [/^The citizen withdrew the case\.$/, () => 'Người dân đã rút phản ánh.'],
  [/^Category (\S+), ward (.+)\.$/, (m) => `Lĩnh vực: ${categoryName(m[1])}; địa bàn: ${m[2]}.`],
];
const fixedTextsEn = [[/^Category (\S+), ward (.+)\.$/, (m) => `Category: ${categoryName(m[1])}; ward: ${m[2]}.`]];

let current = initialLang();

function savedLang() {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (LANGS.includes(saved)) return saved;
  } catch { /* storage blocked: fall back to the default */ }
  return null;
}

function initialLang() {
  return savedLang() ?? 'vi';
}

export function lang() {
  return current;
}

export function setLang(next) {
  if (!LANGS.includes(next)) return;
  current = next;
  try { localStorage.setItem(STORAGE_KEY, next); } catch { /* not remembered, still switched */ }
  document.documentElement.lang = next;
}

/** More strings for one part of the site (the staff console keeps its own in console/strings.js). */
export function addStrings(more) {
  for (const l of LANGS) Object.assign(dict[l], more[l]);
}

/**
 * Who the province is (issue 24): configuration the server sends in /site-config.json (Province:*), with Huế's
 * names until it has answered. Strings say {province} and {prefix} where they name it.
 */
const province = { vi: 'thành phố Huế', en: 'Huế City', prefix: 'HUE' };

export function setProvince(p) {
  if (p?.name) province.vi = p.name;
  if (p?.nameEn) province.en = p.nameEn;
  if (p?.trackingPrefix) province.prefix = p.trackingPrefix;
}

/** The province's name in the current language, and the tracking-code prefix. */
export const provinceName = () => province[current] ?? province.vi;
export const trackingPrefix = () => province.prefix;

/** {province} and {prefix} in a string. */
export const withProvince = (text) => text.replace(/\{province\}/g, provinceName()).replace(/\{prefix\}/g, province.prefix);

/** The province's settings from /site-config.json, fetched once per page load. */
let configLoad = null;
export function loadProvince() {
  configLoad ??= fetch('/site-config.json', { credentials: 'same-origin' }).then((r) => r.json())
    .then((c) => {
      setProvince(c?.province);
      // The province's default language (Province:DefaultLanguage) for a reader who has not chosen one.
      const preferred = c?.province?.defaultLanguage;
      if (!savedLang() && LANGS.includes(preferred) && preferred !== current) { current = preferred; document.documentElement.lang = preferred; }
      return c;
    }).catch(() => ({}));
  return configLoad;
}

/** A UI string, with {0}, {1} … replaced by the arguments. */
export function t(key, ...args) {
  const value = dict[current][key] ?? dict.vi[key] ?? key;
  if (typeof value !== 'string') return value;
  return withProvince(value.replace(/\{(\d)\}/g, (_, i) => String(args[Number(i)] ?? '')));
}

const pick = (table, code) => (table[code] ? table[code][current === 'vi' ? 0 : 1] : code);

export const categoryName = (code) => pick(categories, code);
export const stepName = (code) => pick(steps, code);
export const statusName = (code) => pick(statuses, code);
export const kindName = (code) => pick(kinds, code);
export const channelName = (code) => pick(channels, code);
export const knownCategories = () => Object.keys(categories);

export function publicText(text) {
  if (!text) return text;
  for (const [re, f] of current === 'vi' ? fixedTexts : fixedTextsEn) {
    const m = re.exec(text);
    if (m) return f(m);
  }
  return text;
}

// Formatting: local time of Huế whatever the reader's clock says.
const TZ = 'Asia/Ho_Chi_Minh';
const locale = () => (current === 'vi' ? 'vi-VN' : 'en-GB');

/** Date then time, e.g. "22/09/2026 08:37", in Huế's time zone. */
export function dateTime(iso) {
  if (!iso) return '';
  const time = new Intl.DateTimeFormat(locale(), { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
  return `${date(iso)} ${time}`;
}

export function date(iso) {
  if (!iso) return '';
  return new Intl.DateTimeFormat(locale(), { timeZone: TZ, day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(iso));
}

export function number(n) {
  return new Intl.NumberFormat(locale()).format(n ?? 0);
}

/** A share (0..1) as a percentage with one decimal, e.g. 0.0312 → "3,1 %" (vi) or "3.1 %" (en). */
export function percent(share) {
  if (share === null || share === undefined || Number.isNaN(share)) return '–';
  // A no-break space keeps "80,0 %" on one line.
  return `${new Intl.NumberFormat(locale(), { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share * 100)}\u00a0%`;
}

export function decimal(n, digits = 1) {
  if (n === null || n === undefined) return '–';
  return new Intl.NumberFormat(locale(), { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(n);
}

/** "2026-03" → "03/2026" (vi) or "Mar 2026" (en). */
export function monthName(ym, short = false) {
  const [y, m] = ym.split('-').map(Number);
  if (current === 'vi') return short ? `${m}/${String(y).slice(2)}` : `${String(m).padStart(2, '0')}/${y}`;
  const d = new Date(Date.UTC(y, m - 1, 1));
  return new Intl.DateTimeFormat('en-GB', { month: 'short', year: short ? '2-digit' : 'numeric', timeZone: 'UTC' }).format(d);
}
