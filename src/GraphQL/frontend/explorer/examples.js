// The tabs the explorer opens with: the public queries of the transparency site's API page, ready to run
// without a key. A key goes in the headers tab: {"Authorization": "Bearer <key>"} shows the rest of the schema.

function lastMonths(count) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).formatToParts(new Date());
  const total = Number(parts.find((p) => p.type === 'year').value) * 12 + Number(parts.find((p) => p.type === 'month').value) - 1;
  const ym = (t) => `${Math.floor(t / 12)}-${String((t % 12) + 1).padStart(2, '0')}`;
  return { from: ym(total - count + 1), to: ym(total) };
}

const json = (value) => JSON.stringify(value, null, 2);

export function exampleTabs() {
  const period = lastMonths(12);
  return [
    {
      query: `# Every agency cases are assigned to. Press the run button (or Ctrl-Enter).
query Agencies {
  agencies { id name nameEn kind ward }
}
`,
    },
    {
      query: `# The late rate and satisfaction by month over the last 12 months.
query LateRate($from: YearMonth!, $to: YearMonth!) {
  statistics(from: $from, to: $to) {
    lateRate(by: MONTH) { rows { group resolved resolvedLate lateRate } total { resolved lateRate } definition }
    satisfaction(by: MONTH) { rows { group ratings satisfied shareSatisfied } }
    freshness { lagSeconds }
  }
}
`,
      variables: json(period),
    },
    {
      query: `# Resolved sanitation cases, newest first, 20 to a page (pass pageInfo.endCursor as $after for more).
query Cases($after: String) {
  cases(where: { category: "sanitation_environment", status: RESOLVED }, first: 20, after: $after) {
    totalCount
    nodes { trackingCode ward agency receivedAt resolvedAt onTime }
    pageInfo { hasNextPage endCursor }
  }
}
`,
      variables: json({ after: null }),
    },
    {
      query: `# One case's public record and timeline, by its tracking code.
query Case($code: String!) {
  case(trackingCode: $code) {
    trackingCode status category ward agency receivedAt dueAt resolvedAt onTime publicAnswer rating
    timeline { at step agency publicText dueAt }
  }
}
`,
      variables: json({ code: 'HUE-2026-000123' }),
    },
  ];
}
