// Every GraphQL operation the site sends, as fixed texts. They are its trusted documents: at build time
// src/GraphQL/frontend/persisted-documents.mjs reads this file and writes the manifest the server loads (id = SHA-256
// of the text) and build/operation-ids.js, so the site sends only an id by GET and a CDN can serve the public
// reads. A text here must not be assembled at run time: what varies goes in variables ($withAgencies says whether
// the agencies list, fetched once per page load, is still needed).

const CASE_ITEM = `fragment CaseItem on PublicCase {
  trackingCode kind category ward status agency receivedAt dueAt extendedDueAt resolvedAt onTime rating
}`;

const AGENCY = `fragment AgencyItem on Agency { id name nameEn kind ward endedOn successor }`;

export const OPERATIONS = {
  Cases: `query Cases($where: CaseFilter, $first: Int, $withAgencies: Boolean!) {
  cases(where: $where, first: $first) { totalCount pageInfo { hasNextPage endCursor } nodes { ...CaseItem } }
  categories { kind code }
  wards
  agencies(includeEnded: true) @include(if: $withAgencies) { ...AgencyItem }
}
${CASE_ITEM}
${AGENCY}`,

  More: `query More($where: CaseFilter, $first: Int, $after: String) {
  cases(where: $where, first: $first, after: $after) { pageInfo { hasNextPage endCursor } nodes { ...CaseItem } }
}
${CASE_ITEM}`,

  Case: `query Case($code: String!, $withAgencies: Boolean!) {
  case(trackingCode: $code) {
    trackingCode kind category ward channel status agency duplicateOf receivedAt verifyDueAt dueAt extendedDueAt resolvedAt
    onTime publicAnswer rating apologyIssued apologyDueAt
    summary location { latitude longitude } photos { id url thumbnailUrl } afterPhotos { id url thumbnailUrl }
    progressPhotos { id url thumbnailUrl }
    timeline { version at step agency publicText dueAt }
  }
  agencies(includeEnded: true) @include(if: $withAgencies) { ...AgencyItem }
}
${AGENCY}`,

  Overview: `query Overview($from: YearMonth!, $to: YearMonth!, $since: DateTime) {
  statistics(from: $from, to: $to) {
    lateRate(by: MONTH) { rows { group resolved resolvedOnTime resolvedLate lateRate } definition }
    satisfaction(by: MONTH) { rows { group ratings satisfied shareSatisfied } definition }
    durations { rows { step count medianWorkingHours p90WorkingHours } }
    backlog { open overdue waitingForCitizen }
    freshness { lagSeconds }
  }
  received: cases(where: { receivedFrom: $since }, first: 1) { totalCount }
  wardMap { ward location { latitude longitude } open overdue }
}`,

  Map: `query Map($category: String, $status: PublicStatus, $from: DateTime) {
  caseMap(category: $category, status: $status, receivedFrom: $from) { trackingCode status category ward location { latitude longitude } overdue }
  categories { kind code }
}`,

  Wards: `query Wards($from: YearMonth!, $to: YearMonth!, $units: StatisticsUnits!) {
  statistics(from: $from, to: $to) {
    lateRate(by: WARD, units: $units) { rows { group resolved resolvedLate openAtEnd openOverdue lateRate } total { resolved lateRate } definition }
    satisfaction(by: WARD, units: $units) { rows { group ratings shareSatisfied } }
  }
  administrativeMap { inForce versions { version effective title titleEn inForce basis { document date } } }
}`,

  ReportForm: `query ReportForm { categories { kind code } knownWards formerWards { name successor successorLevel since } }`,

  WardAt: `query WardAt($latitude: Float!, $longitude: Float!) { wardAt(latitude: $latitude, longitude: $longitude) }`,

  Agencies: `query Agencies($from: YearMonth!, $to: YearMonth!, $withAgencies: Boolean!) {
  statistics(from: $from, to: $to) {
    lateRate(by: AGENCY) { rows { group resolved resolvedLate openOverdue lateRate lateOrOverdueRate } }
    agencyRanking { definition }
    satisfaction(by: AGENCY) { rows { group ratings satisfied shareSatisfied } }
  }
  agencies(includeEnded: true) @include(if: $withAgencies) { ...AgencyItem }
}
${AGENCY}`,

  Agency: `query Agency($id: ID!, $from: YearMonth!, $to: YearMonth!, $withAgencies: Boolean!) {
  agency(id: $id) {
    id name nameEn kind ward
    lateRate(from: $from, to: $to) { resolved resolvedOnTime resolvedLate openAtEnd openOverdue lateRate }
    satisfaction(from: $from, to: $to) { ratings histogram satisfied shareSatisfied meanScore }
  }
  statistics(from: $from, to: $to) { backlog(agency: $id) { open withinDeadline dueSoon overdue waitingForCitizen } }
  cases(where: { agency: $id }, first: 10) { totalCount nodes { ...CaseItem } }
  agencies(includeEnded: true) @include(if: $withAgencies) { ...AgencyItem }
}
${CASE_ITEM}
${AGENCY}`,
};
