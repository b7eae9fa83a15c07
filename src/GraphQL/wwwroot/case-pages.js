// The pages about cases: browse and search, one case by tracking code, the API page, and the page
// for an address that leads nowhere. Nothing here knows about reporters: the public API has no
// reporter data, and the site must never add any.

import { caseExtras } from './citizen-pages.js';
import { agenciesNeeded, agencyById, allAgencies, ENDPOINT, gql, rememberAgencies } from './api.js';
import { h, replace } from './dom.js';
import { openDataSections } from './open-data-page.js';
import { watch } from './live.js';
import { categoryName, channelName, dateTime, kindName, lang, number, publicText, statusName, stepName, t } from './i18n.js';
import {
  agencyName, caseItem, KINDS, last12Months, onTimeBadge, PAGE_SIZE, setTitle, statusBadge, STATUSES, textLang,
} from './ui.js';

// ---------------------------------------------------------------- browse and search

const FILTER_KEYS = ['kind', 'category', 'ward', 'agency', 'status'];

export async function cases(ctx) {
  const where = {};
  for (const key of FILTER_KEYS) {
    const v = ctx.params.get(key);
    if (v) where[key] = v;
  }
  const data = await gql('Cases', { where, first: PAGE_SIZE, withAgencies: agenciesNeeded() });
  if (!ctx.isCurrent()) return;
  rememberAgencies(data.agencies);
  setTitle(t('navCases'));

  const list = h('ol', { class: 'case-list', id: 'case-list' }, data.cases.nodes.map((c) => caseItem(c)));
  const total = data.cases.totalCount;
  const showing = h('p', { class: 'muted', id: 'showing', 'aria-live': 'polite' });
  let shown = data.cases.nodes.length;
  let cursor = data.cases.pageInfo.endCursor;
  const moreButton = h('button', { type: 'button', class: 'more', id: 'more' }, t('more'));
  const updatePaging = (hasNext) => {
    showing.textContent = t('showing', number(shown), number(total));
    moreButton.hidden = !hasNext;
  };
  updatePaging(data.cases.pageInfo.hasNextPage);
  moreButton.addEventListener('click', async () => {
    moreButton.disabled = true;
    moreButton.textContent = t('loading');
    try {
      const next = await gql('More', { where, first: PAGE_SIZE, after: cursor });
      if (!ctx.isCurrent()) return;
      const items = next.cases.nodes.map((c) => caseItem(c));
      list.append(...items);
      shown += items.length;
      cursor = next.cases.pageInfo.endCursor;
      updatePaging(next.cases.pageInfo.hasNextPage);
      items[0]?.querySelector('a')?.focus();
      moreButton.textContent = t('more');
    } catch (e) {
      moreButton.textContent = t('retry');
      showing.textContent = e.name === 'GraphQLRequestError' ? t('requestError', e.message) : t('networkError');
    } finally {
      moreButton.disabled = false;
    }
  });

  replace(ctx.main,
    h('h1', { tabindex: '-1' }, t('casesTitle')),
    filterForm(ctx.params, data.categories ?? [], data.wards ?? []),
    h('p', { class: 'result-count', id: 'result-count', role: 'status' }, t('resultCount', number(total))),
    total === 0 ? h('p', {}, t('none')) : list,
    showing,
    moreButton);
}

function select(name, label, options, value) {
  const id = `f-${name}`;
  return h('div', { class: 'field' },
    h('label', { for: id }, label),
    h('select', { id, name },
      h('option', { value: '' }, t('all')),
      options.map((o) => (o.group
        ? h('optgroup', { label: o.group }, o.options.map((x) => h('option', { value: x.value, selected: x.value === value }, x.label)))
        : h('option', { value: o.value, selected: o.value === value }, o.label)))));
}

function filterForm(params, categories, wards) {
  const categoryGroups = KINDS.map((k) => ({
    group: kindName(k),
    options: categories.filter((c) => c.kind === k).map((c) => ({ value: c.code, label: categoryName(c.code) }))
      .sort((a, b) => a.label.localeCompare(b.label, lang())),
  }));
  const agencyOptions = allAgencies().map((a) => ({ value: a.id, label: lang() === 'en' && a.nameEn ? a.nameEn : a.name }))
    .sort((a, b) => a.label.localeCompare(b.label, lang()));
  const form = h('form', { class: 'filters', id: 'filters', 'aria-label': t('filters') },
    h('div', {},
      h('div', { class: 'filter-grid' },
        select('kind', t('kind'), KINDS.map((k) => ({ value: k, label: kindName(k) })), params.get('kind')),
        select('category', t('category'), categoryGroups, params.get('category')),
        select('ward', t('ward'), wards.map((w) => ({ value: w, label: w })), params.get('ward')),
        select('agency', t('agency'), agencyOptions, params.get('agency')),
        select('status', t('status'), STATUSES.map((s) => ({ value: s, label: statusName(s) })), params.get('status'))),
      h('div', { class: 'filter-actions' },
        h('button', { type: 'submit' }, t('apply')),
        h('a', { href: '#/cases', class: 'button-link' }, t('clear')))));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const next = new URLSearchParams();
    for (const key of FILTER_KEYS) {
      const v = form.elements[key].value;
      if (v) next.set(key, v);
    }
    const q = next.toString();
    location.hash = q ? `#/cases?${q}` : '#/cases';
  });
  // On a phone the five selects would fill the screen before any result: folded unless in use.
  const active = FILTER_KEYS.filter((k) => params.get(k)).length;
  const narrow = window.matchMedia('(max-width: 40rem)').matches;
  return h('details', { class: 'filters-box', open: !narrow || active > 0 },
    h('summary', {}, active ? `${t('filters')} (${active})` : t('filters')),
    form);
}
// ---------------------------------------------------------------- one case

const CASE_PAGE_FIELDS = `trackingCode kind category ward channel status agency duplicateOf receivedAt verifyDueAt dueAt extendedDueAt
  resolvedAt onTime publicAnswer rating apologyIssued apologyDueAt
  timeline { version at step agency publicText dueAt }`;

export async function caseView(ctx) {
  const code = ctx.arg.trim().toUpperCase();
  const data = await gql('Case', { code, withAgencies: agenciesNeeded() });
  if (!ctx.isCurrent()) return;
  rememberAgencies(data.agencies);
  // A case submitted a moment ago may not be published yet: the page says so and waits for it live, and says
  // "not found" only if the server knows no such case.
  if (data.case) await drawCase(ctx, code, data.case);
  else drawPending(ctx, code);
  // A quiet re-render (after a live update) keeps the page's subscription.
  if (ctx.quiet) return;
  // Live: each committed change of the case's public view is drawn in place, without a reload, starting after the
  // version just drawn (so nothing published in between is missed). A new agency's name may be unknown yet: then
  // the page is loaded again quietly, which asks for the agencies.
  const after = data.case?.timeline?.at(-1)?.version ?? 0;
  let settle;
  const settled = new Promise((resolve) => { settle = resolve; });
  await watch(`subscription CaseUpdated($code: String!, $after: Int) { caseUpdated(trackingCode: $code, afterVersion: $after) { ${CASE_PAGE_FIELDS} } }`,
    { code, after }, (d) => {
      if (d.caseUpdated?.agency && !agencyById(d.caseUpdated.agency)) ctx.refresh();
      else drawCase(ctx, code, d.caseUpdated);
      ctx.main.dataset.liveVersion = String(d.caseUpdated?.timeline?.at(-1)?.version ?? '');
      settle();
    }, (errors) => {
      const refused = errors?.[0]?.extensions?.code;
      if (ctx.isCurrent() && (refused === 'CASE_NOT_FOUND' || refused === 'VALIDATION_FAILED')) drawCase(ctx, code, null);
      settle();
    });
  // A page waiting for its case is not ready until the server says: here it is, or no such case (or 5 s pass).
  if (!data.case) await Promise.race([settled, new Promise((resolve) => setTimeout(resolve, 5000))]);
  if (ctx.isCurrent() && (data.case || ctx.main.querySelector('#not-found') === null)) ctx.main.dataset.live = code;
}

function drawPending(ctx, code) {
  setTitle(code);
  replace(ctx.main,
    h('h1', { tabindex: '-1' }, t('caseTitle', code)),
    h('section', { class: 'card pending', id: 'pending', role: 'status' },
      h('p', {}, t('casePublishing'))));
}

async function drawCase(ctx, code, c) {
  if (!c) {
    setTitle(t('notFoundTitle'));
    replace(ctx.main,
      h('section', { class: 'problem not-found', id: 'not-found' },
        h('h1', { tabindex: '-1' }, t('notFoundTitle')),
        h('p', {}, t('notFound', code)),
        h('p', {}, h('a', { href: '#/cases' }, t('backToCases')))));
    return;
  }
  setTitle(c.trackingCode);
  const row = (label, ...value) => [h('dt', {}, label), h('dd', {}, ...value)];
  replace(ctx.main,
    h('h1', { tabindex: '-1' }, t('caseTitle', c.trackingCode)),
    h('p', { class: 'case-status' }, statusBadge(c.status), ' ', onTimeBadge(c.onTime)),
    h('section', { class: 'card', 'aria-label': t('caseTitle', c.trackingCode) },
      h('dl', { class: 'facts' },
        row(t('kind'), kindName(c.kind)),
        row(t('category'), categoryName(c.category)),
        row(t('ward'), c.ward),
        row(t('channel'), channelName(c.channel)),
        row(t('agency'), c.agency ? h('a', { href: `#/agency/${encodeURIComponent(c.agency)}` }, agencyName(c.agency)) : t('noAgency')),
        row(t('receivedAt'), dateTime(c.receivedAt)),
        c.dueAt ? row(t('dueAt'), dateTime(c.dueAt)) : null,
        c.extendedDueAt ? row(t('extendedDueAt'), dateTime(c.extendedDueAt)) : null,
        c.resolvedAt ? row(t('resolvedAt'), dateTime(c.resolvedAt), ' ', onTimeBadge(c.onTime)) : null,
        c.duplicateOf ? row(t('duplicateOf'), h('a', { href: `#/case/${encodeURIComponent(c.duplicateOf)}` }, c.duplicateOf)) : null,
        row(t('rating'), c.rating ? h('span', { class: 'stars' },
          h('span', { 'aria-hidden': 'true' }, '★'.repeat(c.rating) + '☆'.repeat(5 - c.rating)), ' ', t('ratingValue', c.rating)) : t('notRated'))),
      c.apologyIssued ? h('p', { class: 'note' }, t('apology')) : null),
    c.publicAnswer ? h('section', { class: 'card answer', 'aria-labelledby': 'answer-h' },
      h('h2', { id: 'answer-h' }, t('publicAnswer')),
      h('p', { lang: textLang(c.publicAnswer) }, c.publicAnswer)) : null,
    h('section', { class: 'card', 'aria-labelledby': 'timeline-h' },
      h('h2', { id: 'timeline-h' }, t('timeline')),
      h('ol', { class: 'timeline', id: 'timeline' }, (c.timeline ?? []).map((s) => h('li', { class: `step step-${s.step}` },
        h('p', { class: 'step-head' },
          h('strong', {}, stepName(s.step)), ' ',
          h('time', { datetime: s.at, class: 'muted' }, dateTime(s.at))),
        s.agency ? h('p', {}, h('a', { href: `#/agency/${encodeURIComponent(s.agency)}` }, agencyName(s.agency))) : null,
        s.publicText ? h('p', { class: 'step-text', lang: textLang(publicText(s.publicText)) }, publicText(s.publicText)) : null,
        s.dueAt ? h('p', { class: 'muted' }, t('due', dateTime(s.dueAt))) : null)))));
  await caseExtras(ctx, c);
}
// ---------------------------------------------------------------- API

export async function api(ctx) {
  setTitle(t('navApi'));
  const endpoint = new URL(ENDPOINT, location.href).href;
  const period = last12Months();
  const examples = [
    [t('exLate'), `query {
  statistics(from: "${period.from}", to: "${period.to}") {
    lateRate(by: MONTH) { rows { group resolved resolvedLate lateRate } definition }
    satisfaction(by: MONTH) { rows { group ratings satisfied shareSatisfied } }
    freshness { lagSeconds }
  }
}`],
    [t('exCase'), `query {
  case(trackingCode: "HUE-2026-000123") {
    trackingCode status category ward agency receivedAt dueAt resolvedAt onTime publicAnswer rating
    timeline { at step agency publicText dueAt }
  }
}`],
    [t('exCases'), `query {
  cases(where: { category: "sanitation_environment", status: RESOLVED }, first: 20) {
    totalCount
    nodes { trackingCode ward agency receivedAt resolvedAt onTime }
    pageInfo { hasNextPage endCursor }
  }
}`],
    [t('exAgencies'), `query {
  agencies { id name nameEn kind ward }
}`],
    [t('exCurl'), `curl -s ${endpoint} \\
  -H 'content-type: application/json' \\
  -d '{"query":"{ statistics(from: \\"${period.from}\\", to: \\"${period.to}\\") { lateRate(by: AGENCY) { rows { group resolved lateRate } } } }"}'`],
  ];
  replace(ctx.main,
    h('h1', { tabindex: '-1' }, t('apiTitle')),
    h('p', {}, t('apiIntro')),
    h('p', {}, h('strong', {}, `${t('apiEndpoint')}: `), h('code', { id: 'endpoint' }, endpoint)),
    // GraphiQL answers a browser at the endpoint's own address (GET /graphql with Accept: text/html).
    h('p', {}, h('a', { href: ENDPOINT, id: 'explorer-link', class: 'explorer-link' }, t('apiExplorer')), ` ${t('apiExplorerNote')}`),
    h('p', { class: 'note' }, t('apiPrivacy')),
    h('h2', {}, t('apiExamples')),
    examples.map(([title, text], i) => codeBlock(`ex-${i}`, title, text)),
    openDataSections(codeBlock));
}

/** A titled, copyable example; the copy falls back to selecting the text where the clipboard is refused. */
function codeBlock(id, title, text) {
  const status = h('span', { class: 'copy-status', role: 'status' });
  const button = h('button', { type: 'button', class: 'copy', 'aria-label': `${t('copy')}: ${title}` }, t('copy'));
  const pre = h('pre', { id, tabindex: '0', 'aria-labelledby': `${id}-h` }, h('code', {}, text));
  button.addEventListener('click', async () => {
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      // No clipboard permission (plain http, old browser): select the text so Ctrl+C copies it.
      const range = document.createRange();
      range.selectNodeContents(pre);
      getSelection().removeAllRanges();
      getSelection().addRange(range);
    }
    status.textContent = t('copied');
  });
  return h('section', { class: 'example' },
    h('div', { class: 'example-head' }, h('h3', { id: `${id}-h` }, title), button, status), pre);
}
// ---------------------------------------------------------------- unknown route

export async function unknownPage(ctx) {
  setTitle(t('notFoundTitle'));
  replace(ctx.main, h('section', { class: 'problem not-found', id: 'not-found' },
    h('h1', { tabindex: '-1' }, t('notFoundTitle')),
    h('p', {}, h('a', { href: '#/' }, t('navOverview')))));
}
