// The API page's second half (issue 23): Open311 GeoReport v2 for other systems, and the open-data downloads
// with their data dictionary and licence. Its strings are its own, added to the site's dictionary here.
import { h } from './dom.js';
import { addStrings, t } from './i18n.js';

addStrings({
  vi: {
    o311Title: 'Open311 GeoReport v2 cho hệ thống khác',
    o311Intro: 'Ứng dụng phản ánh, tổng đài 311 hoặc hệ thống tổng hợp có thể gửi và theo dõi phản ánh theo chuẩn Open311 GeoReport v2, không cần học lược đồ GraphQL. Mỗi địa chỉ có đuôi .xml (định dạng bắt buộc của chuẩn) hoặc .json.',
    o311Key: 'Đọc không cần khóa. Gửi phản ánh cần khóa đối tác (api_key), do Trung tâm cấp: keys create --role partner --name TÊN. Thông tin liên hệ của người phản ánh (email, first_name, last_name, phone, device_id, account_id) chỉ cán bộ xử lý được xem, không bao giờ được công khai.',
    o311Jurisdiction: 'jurisdiction_id (không bắt buộc): {0}.',
    o311Routes: 'Các địa chỉ',
    o311Statuses: 'status là open hoặc closed; status_notes là trạng thái chi tiết. Trong servicerequestupdates: xác minh → investigating, giao việc hoặc chuyển → action_scheduled, cập nhật tiến độ → in_progress, đã xử lý → fixed, mở lại → open, kết thúc → closed, trùng → duplicate, không tiếp nhận → no_further_action.',
    exO311Services: 'Danh sách dịch vụ (XML)',
    exO311Post: 'Gửi phản ánh (JSON)',
    exO311Get: 'Theo dõi phản ánh (XML)',
    exO311Error: 'Lỗi theo chuẩn (JSON)',
    odTitle: 'Tải dữ liệu mở',
    odIntro: 'Phản ánh, hồ sơ công khai và bảng thống kê, tải về trọn bộ. Có thể lọc: from, to (ngày 2026-03-02 hoặc tháng 2026-03, tính theo ngày tiếp nhận), category, ward, status. Máy chủ trả ETag và Last-Modified để bản sao chỉ tải lại khi dữ liệu đổi.',
    odCasesCsv: 'Phản ánh, hồ sơ công khai (CSV)',
    odCasesGeo: 'Phản ánh, hồ sơ công khai có vị trí (GeoJSON)',
    odStats: 'Bảng thống kê theo cơ quan, lĩnh vực, phường xã và tháng (CSV; from, to là tháng)',
    odLicence: 'Giấy phép: Creative Commons Ghi công 4.0 (CC BY 4.0). Khi dùng lại, xin ghi nguồn “Trung tâm Giám sát, điều hành đô thị thông minh thành phố Huế”.',
    odDictionary: 'Từ điển dữ liệu',
    odColumn: 'Cột', odMeaning: 'Ý nghĩa',
    odCasesDict: 'cases.csv (cases.geojson: cùng các cột trong properties, vị trí là geometry)',
    odStatsDict: 'statistics.csv',
  },
  en: {
    o311Title: 'Open311 GeoReport v2 for other systems',
    o311Intro: 'Reporting apps, 311 desks and aggregators can submit and follow reports through Open311 GeoReport v2 without learning the GraphQL schema. Every route ends in .xml (the standard\'s required format) or .json.',
    o311Key: 'Reading needs no key. Submitting needs a partner key (api_key) from the center: keys create --role partner --name NAME. The reporter\'s contact (email, first_name, last_name, phone, device_id, account_id) is seen only by the staff handling the report and is never published.',
    o311Jurisdiction: 'jurisdiction_id (optional): {0}.',
    o311Routes: 'Routes',
    o311Statuses: 'status is open or closed; status_notes is the detailed status. In servicerequestupdates: verified → investigating, assigned or transferred → action_scheduled, progress note → in_progress, resolved → fixed, reopened → open, closed → closed, duplicate → duplicate, rejected → no_further_action.',
    exO311Services: 'The services (XML)',
    exO311Post: 'Submit a report (JSON)',
    exO311Get: 'Follow a report (XML)',
    exO311Error: 'An error in the standard\'s form (JSON)',
    odTitle: 'Open data downloads',
    odIntro: 'The public cases and the statistics tables, whole. Filters: from, to (a date 2026-03-02 or a month 2026-03, by the day received), category, ward, status. The server sends ETag and Last-Modified so a mirror downloads again only when the data changed.',
    odCasesCsv: 'Public cases (CSV)',
    odCasesGeo: 'Public cases with a place (GeoJSON)',
    odStats: 'Statistics by agency, category, ward and month (CSV; from and to are months)',
    odLicence: 'Licence: Creative Commons Attribution 4.0 (CC BY 4.0). When reusing, please credit “Huế City Smart City Operations Center”.',
    odDictionary: 'Data dictionary',
    odColumn: 'Column', odMeaning: 'Meaning',
    odCasesDict: 'cases.csv (cases.geojson: the same columns in properties, the place as geometry)',
    odStatsDict: 'statistics.csv',
  },
});

// [column, Vietnamese, English]: the data dictionary, column by column as the files write them.
const casesColumns = [
  ['tracking_code', 'Mã tra cứu của phản ánh, hồ sơ', 'The case\'s tracking code'],
  ['kind', 'field_report (phản ánh hiện trường) hoặc dossier (hồ sơ thủ tục)', 'field_report or dossier (an administrative procedure)'],
  ['category', 'Lĩnh vực (phản ánh) hoặc thủ tục (hồ sơ), mã như trong API', 'Category (report) or procedure (dossier), the API\'s code'],
  ['ward', 'Phường, xã', 'Ward or commune'],
  ['latitude, longitude', 'Vị trí gần đúng (làm tròn 3 chữ số thập phân, khoảng 100 m), WGS84; trống nếu không có', 'The place, rounded to 3 decimals (~100 m), WGS84; empty when none'],
  ['channel', 'Kênh tiếp nhận: app, web, hotline, social, desk, open311', 'Channel: app, web, hotline, social, desk, open311'],
  ['status', 'Trạng thái công khai: received, verified, in_progress, waiting_for_citizen, resolved, closed, rejected', 'Public status: received, verified, in_progress, waiting_for_citizen, resolved, closed, rejected'],
  ['lead_agency', 'Mã cơ quan chủ trì (xem truy vấn agencies)', 'Lead agency id (see the agencies query)'],
  ['received_at', 'Thời điểm tiếp nhận, giờ Việt Nam (+07:00)', 'When received, Vietnam time (+07:00)'],
  ['due_at', 'Hạn xử lý ban đầu', 'The original due time'],
  ['extended_due_at', 'Hạn đã gia hạn (nếu có): hạn dùng để tính trễ', 'The extended due time, if any: the one lateness is judged by'],
  ['resolved_at', 'Thời điểm xử lý xong', 'When resolved'],
  ['on_time', 'true nếu xử lý đúng hạn, false nếu trễ, trống nếu chưa xong', 'true if resolved on time, false if late, empty if not resolved'],
  ['rating', 'Đánh giá của người dân, 1 đến 5', 'The citizen\'s rating, 1 to 5'],
  ['summary', 'Nội dung công khai của phản ánh (sau xác minh)', 'What was reported, as published at verification'],
  ['public_answer', 'Kết quả xử lý công khai', 'The public answer'],
];

const statsColumns = [
  ['dimension, group', 'Chiều thống kê (agency, category, ward, month) và nhóm (mã cơ quan, lĩnh vực, phường xã, tháng yyyy-MM)', 'The dimension (agency, category, ward, month) and the group (agency id, category, ward, month yyyy-MM)'],
  ['from, to', 'Kỳ thống kê: các tháng trọn vẹn theo giờ Việt Nam', 'The period: whole months, Vietnam time'],
  ['resolved, resolved_on_time, resolved_late', 'Số đã xử lý trong kỳ, đúng hạn, trễ hạn', 'Resolved in the period, on time, late'],
  ['late_rate, on_time_rate', 'resolved_late ÷ resolved và resolved_on_time ÷ resolved (0 đến 1); trống khi resolved = 0', 'resolved_late ÷ resolved and resolved_on_time ÷ resolved (0 to 1); empty when resolved is 0'],
  ['open_at_end, open_overdue, open_overdue_rate', 'Đang mở cuối kỳ, trong đó quá hạn, và tỷ lệ', 'Open at the period\'s end, of which overdue, and the share'],
  ['ratings, satisfied, satisfaction_rate, mean_score', 'Số đánh giá, số hài lòng (4 hoặc 5 sao), tỷ lệ hài lòng, điểm trung bình', 'Ratings, satisfied (4 or 5 stars), share satisfied, mean score'],
  ['verify_*, assign_*, resolve_*_hours', 'Thời gian xác minh, giao việc, xử lý tính bằng giờ làm việc: trung vị (median) và phân vị 90 (p90)', 'Time to verify, assign and resolve in working hours: median and 90th percentile'],
];

function dictionary(caption, rows) {
  const vi = t('odColumn') === 'Cột';
  return h('div', { class: 'table-wrap' }, h('table', {},
    h('caption', {}, caption),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('odColumn')), h('th', { scope: 'col' }, t('odMeaning')))),
    h('tbody', {}, rows.map(([c, v, e]) => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, c)), h('td', {}, vi ? v : e))))));
}

/** The Open311 and open-data sections of the API page; codeBlock is the page's copyable example. */
export function openDataSections(codeBlock) {
  const base = location.origin;
  const o311 = `${base}/open311/v2`;
  const routes = ['discovery', 'services', 'services/{service_code}', 'requests (GET, POST)', 'requests/{service_request_id}',
    'servicerequestupdates', 'tokens/{token}'];
  const examples = [
    [t('exO311Services'), `curl -s ${o311}/services.xml

<?xml version="1.0" encoding="utf-8"?><services><service><service_code>traffic-infrastructure</service_code>
<service_name>Hạ tầng giao thông</service_name><description>Potholes, …</description><metadata>false</metadata>
<type>realtime</type><keywords>traffic_infrastructure</keywords><group>Hạ tầng</group></service>…</services>`],
    [t('exO311Post'), `curl -s ${o311}/requests.json \\
  -d api_key=ck_… -d service_code=traffic-infrastructure \\
  -d lat=16.4637 -d long=107.5909 \\
  --data-urlencode 'description=Ổ gà sâu trước cổng trường' \\
  --data-urlencode 'first_name=Lan' -d email=lan@example.vn

[{"service_request_id":"HUE-2026-004211","service_notice":"Phản ánh HUE-2026-004211 sẽ được xác minh trong 4 giờ làm việc …","account_id":null}]`],
    [t('exO311Get'), `curl -s '${o311}/requests/HUE-2026-004211.xml?extensions=true'

<?xml version="1.0" encoding="utf-8"?><service_requests><request><service_request_id>HUE-2026-004211</service_request_id>
<status>open</status><status_notes>Đang xử lý</status_notes><service_name>Hạ tầng giao thông</service_name>
<service_code>traffic-infrastructure</service_code><description>Ổ gà sâu trước cổng trường</description>
<agency_responsible>Sở Xây dựng</agency_responsible><requested_datetime>2026-03-02T09:15:00+07:00</requested_datetime>
… <lat>16.464</lat><long>107.591</long> … <extended_attributes><detailed_status>in_progress</detailed_status>…</request></service_requests>`],
    [t('exO311Error'), `curl -s ${o311}/services/road-unicorn.json

[{"code":404,"description":"Unknown service_code 'road-unicorn'."}]`],
  ];
  return [
    h('h2', { id: 'open311' }, t('o311Title')),
    h('p', {}, t('o311Intro')),
    h('p', {}, h('strong', {}, `${t('apiEndpoint')}: `), h('code', { id: 'open311-endpoint' }, `${o311}/`)),
    h('p', {}, t('o311Key')),
    h('p', {}, t('o311Jurisdiction', 'hue.gov.vn')),
    h('h3', {}, t('o311Routes')),
    h('ul', { class: 'routes' }, routes.map((r) => h('li', {}, h('code', {}, `${r}.xml | .json`)))),
    h('p', {}, t('o311Statuses')),
    examples.map(([title, text], i) => codeBlock(`o311-${i}`, title, text)),
    h('h2', { id: 'open-data' }, t('odTitle')),
    h('p', {}, t('odIntro')),
    h('ul', { class: 'downloads' },
      h('li', {}, h('a', { href: '/open-data/cases.csv', id: 'download-cases-csv' }, t('odCasesCsv')), ' ', h('code', {}, '/open-data/cases.csv')),
      h('li', {}, h('a', { href: '/open-data/cases.geojson', id: 'download-cases-geojson' }, t('odCasesGeo')), ' ', h('code', {}, '/open-data/cases.geojson')),
      h('li', {}, h('a', { href: '/open-data/statistics.csv', id: 'download-statistics' }, t('odStats')), ' ', h('code', {}, '/open-data/statistics.csv'))),
    h('p', { class: 'note', id: 'licence' }, t('odLicence')),
    h('h3', {}, t('odDictionary')),
    dictionary(t('odCasesDict'), casesColumns),
    dictionary(t('odStatsDict'), statsColumns),
  ];
}
