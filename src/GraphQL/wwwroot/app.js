// The shell: hash routing, the tracking-code search on every page, the language switch, and what
// a page shows while loading or when the server fails. The pages are in stats-pages.js and case-pages.js.

import { parseHash } from './route.js';
import { GraphQLRequestError } from './api.js';
import { h, replace } from './dom.js';
import { lang, loadProvince, setLang, t, trackingPrefix } from './i18n.js';
import { stopAll as stopLive } from './live.js';
import * as casePages from './case-pages.js';
import * as statsPages from './stats-pages.js';
import { reportPage } from './citizen-pages.js';
import { mapPage, wardMap } from './map-pages.js';
import { tc } from './citizen-i18n.js';
import { compactHeader } from './header-menu.js';

const main = document.getElementById('main');

const routes = {
  '': async (ctx) => { await statsPages.overview(ctx); await wardMap(ctx); },
  report: reportPage,
  map: mapPage,
  cases: casePages.cases,
  case: casePages.caseView,
  agencies: statsPages.agencies,
  agency: statsPages.agency,
  wards: statsPages.wards,
  api: casePages.api,
};

// Each render gets a number; a slow answer for a page the reader already left is dropped.
let generation = 0;

async function render({ focus = false, quiet = false } = {}) {
  const route = parseHash();
  const view = routes[route.name] ?? casePages.unknownPage;
  const mine = ++generation;
  // A page's live updates end with it; a quiet re-render (a live update) keeps the reader's place and subscriptions.
  if (!quiet) stopLive();
  markCurrentNav(route.name);
  main.setAttribute('aria-busy', 'true');
  // data-ready names the route once its page (or its error) is shown: what tests wait for.
  if (!quiet) {
    main.removeAttribute('data-ready');
    replace(main, h('p', { class: 'loading', role: 'status' }, t('loading')));
  }
  const ctx = {
    ...route,
    main,
    quiet,
    isCurrent: () => mine === generation,
    rerender: () => render({ focus: true }),
    // Draws the page again from fresh data, without the loading placeholder (for live updates).
    refresh: () => render({ quiet: true }),
  };
  try {
    await view(ctx);
  } catch (error) {
    if (!ctx.isCurrent()) return;
    showError(error, ctx);
  } finally {
    if (mine === generation) {
      main.removeAttribute('aria-busy');
      main.dataset.ready = location.hash || '#/';
    }
  }
  if (focus && ctx.isCurrent()) (main.querySelector('h1') ?? main).focus({ preventScroll: false });
}

/** A GraphQL error is shown as its message; a failed fetch offers to retry. Never a blank page. */
function showError(error, ctx) {
  console.error(error);
  const isRequest = error instanceof GraphQLRequestError;
  document.title = t('siteTitle');
  if (isRequest) {
    // The same request would fail the same way: say why (the server's words) and offer a way out.
    replace(main,
      h('section', { class: 'problem', role: 'alert' },
        h('h1', { tabindex: '-1' }, t('requestErrorTitle')),
        h('p', { lang: 'en' }, error.message),
        error.code ? h('p', { class: 'muted' }, error.code) : null,
        h('p', {}, h('a', { href: '#/' }, t('navOverview')), ' · ', h('a', { href: '#/cases' }, t('clear')))));
    return;
  }
  replace(main,
    h('section', { class: 'problem', role: 'alert' },
      h('h1', { tabindex: '-1' }, t('networkError')),
      h('button', { type: 'button', class: 'retry', onclick: () => ctx.rerender() }, t('retry'))));
}

function markCurrentNav(name) {
  const section = name === 'case' ? 'cases' : name === 'agency' ? 'agencies' : name;
  for (const a of document.querySelectorAll('nav a[data-route]')) {
    if (a.dataset.route === section) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

function applyShellTexts() {
  document.documentElement.lang = lang();
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-tc]')) node.textContent = tc(node.dataset.tc);
  for (const node of document.querySelectorAll('[data-i18n-placeholder]')) node.placeholder = t(node.dataset.i18nPlaceholder);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  // The switch names the other language, in that language.
  document.getElementById('lang-switch').lang = lang() === 'vi' ? 'en' : 'vi';
  document.querySelector('nav.nav').setAttribute('aria-label', lang() === 'vi' ? 'Điều hướng chính' : 'Main navigation');
}

compactHeader();

document.getElementById('track-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const input = document.getElementById('track-input');
  // Forgiving about how a code is typed: "hue-2026-123" means HUE-2026-000123 (the province's prefix).
  const prefix = trackingPrefix();
  const code = input.value.trim().toUpperCase().replace(/\s+/g, '')
    .replace(new RegExp(`^${prefix}-(\\d{4})-(\\d{1,6})$`), (_, year, n) => `${prefix}-${year}-${n.padStart(6, '0')}`);
  if (!code) { input.focus(); return; }
  const target = `#/case/${encodeURIComponent(code)}`;
  if (location.hash === target) render({ focus: true });
  else location.hash = target;
});

document.getElementById('lang-switch').addEventListener('click', () => {
  setLang(lang() === 'vi' ? 'en' : 'vi');
  applyShellTexts();
  render();
});

window.addEventListener('hashchange', () => {
  // The skip link targets #main: move focus there without treating it as a route.
  if (location.hash === '#main') return;
  render({ focus: true });
});

document.querySelector('a.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

applyShellTexts();
if (location.hash === '#main') history.replaceState(null, '', '#/');
render();
// The province's names and prefix (site-config.json): the shell's texts again once they are known.
const firstLang = lang();
loadProvince().then(() => { applyShellTexts(); if (lang() !== firstLang) render(); });
