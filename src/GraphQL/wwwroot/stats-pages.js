// The pages about figures: the overview, the agency ranking and one agency's page. Each asks the
// server once (agency names come along the first time and are then reused).

import { agenciesNeeded, allAgencies, gql, rememberAgencies } from './api.js';
import { trendChart } from './chart.js';
import { h, replace } from './dom.js';
import { watch } from './live.js';
import { decimal, lang, monthName, number, percent, t } from './i18n.js';
import {
  agencyName, caseItem, figure, freshnessText, last12Months, LATE_RATE_TARGET, metBadge, MIN_RESOLVED_TO_RANK,
  SATISFACTION_TARGET, setTitle, sum,
} from './ui.js';

// ---------------------------------------------------------------- overview

export async function overview(ctx) {
  const period = last12Months();
  const data = await gql('Overview', { from: period.from, to: period.to, since: `${period.from}-01T00:00:00+07:00` });
  if (!ctx.isCurrent()) return;
  ctx.wardMap = data.wardMap;
  // Live: when the monthly figures move, the overview is drawn again in place (at most once a second).
  if (!ctx.quiet) {
    let pending = null;
    const page = location.hash;
    watch('subscription { statisticsChanged { months } }', {}, () => {
      pending ??= setTimeout(() => { pending = null; if (location.hash === page) ctx.refresh(); }, 1000);
    });
  }
  const s = data.statistics;
  const lateRows = s.lateRate.rows ?? [];
  const satRows = s.satisfaction.rows ?? [];
  const resolved = sum(lateRows, 'resolved');
  const resolvedLate = sum(lateRows, 'resolvedLate');
  const ratings = sum(satRows, 'ratings');
  const satisfied = sum(satRows, 'satisfied');
  const lateRate = resolved > 0 ? resolvedLate / resolved : null;
  const shareSatisfied = ratings > 0 ? satisfied / ratings : null;
  const backlog = s.backlog ?? [];

  setTitle(t('navOverview'));
  const byMonth = new Map(lateRows.map((r) => [r.group, r]));
  const satByMonth = new Map(satRows.map((r) => [r.group, r]));
  const points = period.months.map((m) => ({
    label: monthName(m),
    shortLabel: monthName(m, true),
    resolved: byMonth.get(m)?.resolved ?? 0,
    lateRate: byMonth.get(m)?.lateRate ?? null,
  }));
  const chart = trendChart(points, LATE_RATE_TARGET, { count: (n) => number(Math.round(n)), percent: (x) => percent(x) },
    t('trendTitle'), t('trendDesc', percent(LATE_RATE_TARGET)));

  replace(ctx.main,
    h('h1', { tabindex: '-1' }, t('overviewTitle')),
    h('p', { class: 'muted' }, t('periodLabel', monthName(period.from), monthName(period.to)), ' · ',
      h('span', { id: 'freshness' }, t('freshness', freshnessText(s.freshness.lagSeconds)))),
    h('section', { class: 'figures', 'aria-label': t('overviewTitle') },
      figure(t('received'), h('span', { id: 'received-value' }, number(data.received.totalCount)),
        h('p', { class: 'figure-note muted' }, t('receivedNote'))),
      figure(t('resolved'), h('span', { id: 'resolved-value' }, number(resolved)),
        h('p', { class: 'figure-note muted' }, t('resolvedNote'))),
      figure(t('lateRate'), h('span', { id: 'late-rate-value' }, lateRate === null ? t('noData') : percent(lateRate)),
        h('p', { class: 'figure-note' }, t('targetLate', percent(LATE_RATE_TARGET)), ' ', lateRate === null ? null : metBadge(lateRate < LATE_RATE_TARGET)),
        h('p', { class: 'figure-note muted' }, t('resolvedLateOf', number(resolvedLate), number(resolved)))),
      figure(t('satisfaction'), h('span', { id: 'satisfaction-value' }, shareSatisfied === null ? t('noData') : percent(shareSatisfied)),
        h('p', { class: 'figure-note' }, t('targetSat', percent(SATISFACTION_TARGET)), ' ', shareSatisfied === null ? null : metBadge(shareSatisfied > SATISFACTION_TARGET)),
        h('p', { class: 'figure-note muted' }, t('satisfiedOf', number(satisfied), number(ratings))))),
    h('p', { class: 'backlog' }, t('backlogNote', number(sum(backlog, 'open')), number(sum(backlog, 'overdue')), number(sum(backlog, 'waitingForCitizen')))),
    h('section', { class: 'card', 'aria-labelledby': 'trend-h' },
      h('h2', { id: 'trend-h' }, t('trendTitle')),
      h('p', { class: 'muted legend' },
        h('span', { class: 'key key-bar', 'aria-hidden': 'true' }), t('resolved'), ' ',
        h('span', { class: 'key key-line', 'aria-hidden': 'true' }), t('lateRate'), ' ',
        h('span', { class: 'key key-target', 'aria-hidden': 'true' }), t('targetLate', percent(LATE_RATE_TARGET))),
      h('div', { class: 'chart-wrap' }, chart),
      h('details', {},
        h('summary', {}, t('trendTable')),
        h('div', { class: 'table-wrap' },
          h('table', {},
            h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('month')), h('th', { scope: 'col' }, t('resolved')),
              h('th', { scope: 'col' }, t('lateRate')), h('th', { scope: 'col' }, t('satisfaction')))),
            h('tbody', {}, period.months.map((m) => h('tr', {},
              h('th', { scope: 'row' }, monthName(m)),
              h('td', {}, number(byMonth.get(m)?.resolved ?? 0)),
              h('td', {}, percent(byMonth.get(m)?.lateRate)),
              h('td', {}, percent(satByMonth.get(m)?.shareSatisfied))))))))),
    durationsSection(s.durations.rows ?? []),
    h('section', { class: 'card', 'aria-labelledby': 'def-h' },
      h('h2', { id: 'def-h' }, t('definitionTitle')),
      t('definitionSummary') ? h('p', {}, t('definitionSummary')) : null,
      h('p', { class: 'muted' }, t('definitionOfficial')),
      definitionText(s.lateRate.definition),
      definitionText(s.satisfaction.definition)));
  // On a narrow screen the chart scrolls sideways: it opens on the latest months, the ones people look for.
  const wrap = ctx.main.querySelector('.chart-wrap');
  if (wrap) wrap.scrollLeft = wrap.scrollWidth;
}

// The server explains its figures in English; a reader of the Vietnamese site gets the text
// marked as English so a screen reader pronounces it right (see the report: a wish for both).
function definitionText(text) {
  return h('p', { class: 'definition', lang: 'en' }, text);
}

function durationsSection(rows) {
  if (!rows.length) return null;
  const steps = t('durSteps');
  return h('section', { class: 'card', 'aria-labelledby': 'dur-h' },
    h('h2', { id: 'dur-h' }, t('durationsTitle')),
    h('div', { class: 'table-wrap' },
      h('table', {},
        h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, t('durStep')), h('th', { scope: 'col' }, t('durCount')),
          h('th', { scope: 'col' }, t('durMedian')), h('th', { scope: 'col' }, t('durP90')))),
        h('tbody', {}, rows.map((r) => h('tr', {},
          h('th', { scope: 'row' }, steps[r.step] ?? r.step),
          h('td', {}, number(r.count)),
          h('td', {}, t('hours', decimal(r.medianWorkingHours))),
          h('td', {}, t('hours', decimal(r.p90WorkingHours)))))))));
}
// ---------------------------------------------------------------- agencies

export async function agencies(ctx) {
  const period = last12Months();
  const data = await gql('Agencies', { from: period.from, to: period.to, withAgencies: agenciesNeeded() });
  if (!ctx.isCurrent()) return;
  rememberAgencies(data.agencies);
  setTitle(t('navAgencies'));
  const sortBy = ctx.params.get('sort') === 'satisfaction' ? 'satisfaction' : 'late';
  const sat = new Map((data.statistics.satisfaction.rows ?? []).map((r) => [r.group, r]));
  const all = (data.statistics.lateRate.rows ?? []).map((r) => ({ ...r, sat: sat.get(r.group) ?? null }));
  // Ranked by the late-or-overdue rate (statistics.agencyRanking's figure and order): open overdue cases count as
  // late ones, so an agency cannot climb by not resolving. Counted cases are resolved + open overdue.
  const counted = (r) => r.resolved + (r.openOverdue ?? 0);
  const ranked = all.filter((r) => counted(r) >= MIN_RESOLVED_TO_RANK);
  const satShare = (r) => r.sat?.shareSatisfied ?? -1;
  const figure = (r) => r.lateOrOverdueRate ?? 1;
  ranked.sort(sortBy === 'late'
    ? (a, b) => figure(a) - figure(b) || counted(b) - counted(a) || (a.group < b.group ? -1 : 1)
    : (a, b) => satShare(b) - satShare(a) || figure(a) - figure(b) || counted(b) - counted(a));
  // Agencies a reorganisation ended are named in old cases' histories, but are not ranked or listed here.
  const inForce = allAgencies().filter((a) => !a.endedOn);
  const unranked = inForce.length - ranked.filter((r) => inForce.some((a) => a.id === r.group)).length;

  const sortSelect = h('select', { id: 'sort', name: 'sort' },
    h('option', { value: 'late', selected: sortBy === 'late' }, t('sortLate')),
    h('option', { value: 'satisfaction', selected: sortBy === 'satisfaction' }, t('sortSat')));
  const sortForm = h('form', { class: 'sort-form' },
    h('label', { for: 'sort' }, t('sortBy')), sortSelect, h('button', { type: 'submit' }, t('sortApply')));
  sortForm.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/agencies?sort=${sortSelect.value}`;
  });

  replace(ctx.main,
    h('h1', { tabindex: '-1' }, t('agenciesTitle')),
    h('p', { class: 'muted' }, t('periodLabel', monthName(period.from), monthName(period.to))),
    h('p', { class: 'note', id: 'rank-threshold', 'data-threshold': MIN_RESOLVED_TO_RANK }, t('rankNote', MIN_RESOLVED_TO_RANK)),
    h('p', { class: 'note definition', id: 'ranking-definition' }, t('rankingDefinition')),
    h('p', {}, h('a', { href: '#/wards', id: 'wards-link' }, t('wardsLink'))),
    sortForm,
    ranked.length === 0 ? h('p', {}, t('unrankedNone')) : h('div', { class: 'table-wrap' },
      h('table', { class: 'ranking', id: 'ranking' },
        h('caption', {}, `${t('agenciesTitle')} (${t('rankNoteShort', MIN_RESOLVED_TO_RANK)})`),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('rank')), h('th', { scope: 'col' }, t('agency')), h('th', { scope: 'col', class: 'num' }, t('resolved')),
          h('th', { scope: 'col', class: 'num' }, t('openOverdueCol')), h('th', { scope: 'col', class: 'num' }, t('lateOrOverdue')),
          h('th', { scope: 'col', class: 'num' }, t('lateRate')), h('th', { scope: 'col', class: 'num' }, t('satisfaction')))),
        h('tbody', {}, ranked.map((r, i) => h('tr', { 'data-agency': r.group },
          h('td', { class: 'rank' }, String(i + 1)),
          h('th', { scope: 'row' }, h('a', { href: `#/agency/${encodeURIComponent(r.group)}` }, agencyName(r.group))),
          h('td', { class: 'num', 'data-label': t('resolved') }, number(r.resolved)),
          h('td', { class: 'num', 'data-label': t('openOverdueCol') }, number(r.openOverdue ?? 0)),
          h('td', { class: `num ${r.lateOrOverdueRate !== null && r.lateOrOverdueRate < LATE_RATE_TARGET ? 'good' : 'poor'}`, 'data-label': t('lateOrOverdue') }, percent(r.lateOrOverdueRate)),
          h('td', { class: `num ${r.lateRate !== null && r.lateRate < LATE_RATE_TARGET ? 'good' : 'poor'}`, 'data-label': t('lateRate') }, percent(r.lateRate)),
          h('td', { class: `num ${r.sat?.shareSatisfied > SATISFACTION_TARGET ? 'good' : 'poor'}`, 'data-label': t('satisfaction') },
            r.sat ? `${percent(r.sat.shareSatisfied)} (${number(r.sat.ratings)})` : '–')))))),
    unranked > 0 ? h('details', { class: 'unranked' },
      h('summary', {}, t('unranked', number(unranked))),
      h('ul', { class: 'columns' }, inForce
        .filter((a) => !ranked.some((r) => r.group === a.id))
        .map((a) => h('li', {}, h('a', { href: `#/agency/${encodeURIComponent(a.id)}` }, agencyName(a.id)))))) : null);
}

// ---------------------------------------------------------------- by ward

const YM = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * Late rate and satisfaction by ward or commune (issue 24), over a chosen period, counted under the units as they
 * were (HISTORICAL) or as they are now (CURRENT: a ward that the 2025 reform replaced counts under its successor,
 * so a series spanning 1 July 2025 stays continuous). The definition and the map in force are shown with the figures.
 */
export async function wards(ctx) {
  const fallback = last12Months();
  const from = YM.test(ctx.params.get('from') ?? '') ? ctx.params.get('from') : fallback.from;
  const to = YM.test(ctx.params.get('to') ?? '') && ctx.params.get('to') >= from ? ctx.params.get('to') : fallback.to;
  const units = ctx.params.get('units') === 'historical' ? 'HISTORICAL' : 'CURRENT';
  const data = await gql('Wards', { from, to, units });
  if (!ctx.isCurrent()) return;
  setTitle(t('wardsTitle'));
  const s = data.statistics;
  const sat = new Map((s.satisfaction.rows ?? []).map((r) => [r.group, r]));
  const rows = (s.lateRate.rows ?? []).filter((r) => r.group !== '');
  const map = data.administrativeMap;
  const inForce = map.versions.find((v) => v.inForce);

  const unitsSelect = h('select', { id: 'units', name: 'units' },
    h('option', { value: 'current', selected: units === 'CURRENT' }, t('unitsCurrent')),
    h('option', { value: 'historical', selected: units === 'HISTORICAL' }, t('unitsHistorical')));
  const fromInput = h('input', { id: 'from', name: 'from', type: 'month', value: from, min: '2020-01' });
  const toInput = h('input', { id: 'to', name: 'to', type: 'month', value: to, min: '2020-01' });
  const form = h('form', { class: 'sort-form' },
    h('label', { for: 'units' }, t('unitsLabel')), unitsSelect,
    h('label', { for: 'from' }, t('fromMonth')), fromInput, h('label', { for: 'to' }, t('toMonth')), toInput,
    h('button', { type: 'submit' }, t('sortApply')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    location.hash = `#/wards?units=${unitsSelect.value}&from=${fromInput.value || from}&to=${toInput.value || to}`;
  });

  replace(ctx.main,
    h('h1', { tabindex: '-1' }, t('wardsTitle')),
    h('p', { class: 'muted' }, t('periodLabel', monthName(from), monthName(to))),
    form,
    h('p', { class: 'note', id: 'units-note' }, units === 'CURRENT' ? t('unitsCurrentNote') : t('unitsHistoricalNote')),
    rows.length === 0 ? h('p', {}, t('noFigures')) : h('div', { class: 'table-wrap' },
      h('table', { class: 'ranking', id: 'ward-table' },
        h('caption', {}, `${t('wardsTitle')} · ${units === 'CURRENT' ? t('unitsCurrent') : t('unitsHistorical')}`),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col' }, t('wardCol')), h('th', { scope: 'col', class: 'num' }, t('resolved')),
          h('th', { scope: 'col', class: 'num' }, t('lateRate')), h('th', { scope: 'col', class: 'num' }, t('openOverdueCol')),
          h('th', { scope: 'col', class: 'num' }, t('satisfaction')))),
        h('tbody', {}, rows.map((r) => h('tr', { 'data-ward': r.group },
          h('th', { scope: 'row' }, r.group),
          h('td', { class: 'num', 'data-label': t('resolved') }, number(r.resolved)),
          h('td', { class: `num ${r.lateRate !== null && r.lateRate < LATE_RATE_TARGET ? 'good' : 'poor'}`, 'data-label': t('lateRate') }, percent(r.lateRate)),
          h('td', { class: 'num', 'data-label': t('openOverdueCol') }, number(r.openOverdue ?? 0)),
          h('td', { class: 'num', 'data-label': t('satisfaction') },
            sat.get(r.group) ? `${percent(sat.get(r.group).shareSatisfied)} (${number(sat.get(r.group).ratings)})` : '–')))))),
    h('section', { class: 'card', 'aria-labelledby': 'ward-def-h' },
      h('h2', { id: 'ward-def-h' }, t('definitionTitle')),
      h('p', {}, t('mapInForce', inForce ? (lang() === 'vi' ? inForce.title : inForce.titleEn) : map.inForce,
        inForce?.basis?.map((b) => `${b.document} (${b.date})`).join('; ') ?? '')),
      definitionText(s.lateRate.definition)));
}

// ---------------------------------------------------------------- one agency

export async function agency(ctx) {
  const period = last12Months();
  const id = ctx.arg;
  const data = await gql('Agency', { id, from: period.from, to: period.to, withAgencies: agenciesNeeded() });
  if (!ctx.isCurrent()) return;
  rememberAgencies(data.agencies);
  const a = data.agency;
  if (!a) {
    setTitle(t('notFoundTitle'));
    replace(ctx.main, h('section', { class: 'problem not-found', id: 'not-found' },
      h('h1', { tabindex: '-1' }, t('notFoundTitle')), h('p', {}, t('agencyNotFound', id)),
      h('p', {}, h('a', { href: '#/agencies' }, t('navAgencies')))));
    return;
  }
  const name = lang() === 'en' && a.nameEn ? a.nameEn : a.name;
  setTitle(name);
  const lr = a.lateRate;
  const sat = a.satisfaction;
  const backlog = data.statistics.backlog?.[0];
  const ranked = (lr?.resolved ?? 0) >= MIN_RESOLVED_TO_RANK;
  replace(ctx.main,
    h('h1', { tabindex: '-1' }, name),
    lang() === 'en' ? h('p', { class: 'muted', lang: 'vi' }, a.name) : a.nameEn ? h('p', { class: 'muted', lang: 'en' }, a.nameEn) : null,
    h('p', { class: 'muted' }, t('agencyPeriod'), ` (${monthName(period.from)} – ${monthName(period.to)})`),
    h('section', { class: 'figures', 'aria-label': t('agencyPeriod') },
      figure(t('resolved'), number(lr?.resolved ?? 0), h('p', { class: 'figure-note muted' }, t('resolvedLateOf', number(lr?.resolvedLate ?? 0), number(lr?.resolved ?? 0)))),
      figure(t('lateRate'), h('span', { id: 'agency-late-rate' }, lr?.lateRate === null || !lr ? t('noData') : percent(lr.lateRate)),
        lr?.lateRate !== null && lr ? h('p', { class: 'figure-note' }, t('targetLate', percent(LATE_RATE_TARGET)), ' ', metBadge(lr.lateRate < LATE_RATE_TARGET)) : null),
      figure(t('satisfaction'), sat?.shareSatisfied === null || !sat ? t('noData') : percent(sat.shareSatisfied),
        sat && sat.shareSatisfied !== null ? h('p', { class: 'figure-note' }, t('targetSat', percent(SATISFACTION_TARGET)), ' ', metBadge(sat.shareSatisfied > SATISFACTION_TARGET)) : null,
        sat ? h('p', { class: 'figure-note muted' }, t('satisfiedOf', number(sat.satisfied), number(sat.ratings)), sat.meanScore ? ` · ${t('meanScore')} ${decimal(sat.meanScore)}/5` : '') : null),
      figure(t('openNow'), number(backlog?.open ?? 0),
        h('p', { class: 'figure-note muted' }, `${t('overdueNow')}: ${number(backlog?.overdue ?? 0)}`))),
    ranked ? null : h('p', { class: 'note' }, t('rankNote', MIN_RESOLVED_TO_RANK)),
    sat?.ratings ? ratingHistogram(sat.histogram ?? []) : null,
    h('section', { class: 'card', 'aria-labelledby': 'recent-h' },
      h('h2', { id: 'recent-h' }, t('recentCases'), h('span', { class: 'muted' }, ` (${number(data.cases.totalCount)})`)),
      data.cases.nodes.length ? h('ol', { class: 'case-list' }, data.cases.nodes.map((c) => caseItem(c, { showAgency: false }))) : h('p', {}, t('none')),
      h('p', {}, h('a', { href: `#/cases?agency=${encodeURIComponent(a.id)}` }, t('allCasesOf')))));
}

/** How many ratings of 1 to 5 stars, as bars whose widths a reader can also read as numbers. */
function ratingHistogram(histogram) {
  const max = Math.max(1, ...histogram);
  return h('section', { class: 'card', 'aria-labelledby': 'hist-h' },
    h('h2', { id: 'hist-h' }, t('ratingsBreakdown')),
    h('ul', { class: 'histogram' }, [5, 4, 3, 2, 1].map((stars) => {
      const n = histogram[stars - 1] ?? 0;
      return h('li', {},
        h('span', { class: 'hist-label' }, t('starsN', stars)),
        h('span', { class: 'hist-bar', 'aria-hidden': 'true' }, h('span', { style: `width: ${(100 * n) / max}%` })),
        h('span', { class: 'hist-count' }, number(n)));
    })));
}
