// The staff console's shell: the session (sign-in page when there is none), hash routing, the header
// (who is signed in, sign-out, the calendar warning, the language switch), live pages (a subscription
// while the live connection is up, polling while it is not, the mode shown), and the messages a page
// shows when the server refuses. Pages: inbox.js, queue.js, case-view.js, audit.js.

import { parseHash } from '../route.js';
import { GraphQLRequestError } from '../api.js';
import { h, replace } from '../dom.js';
import { lang, loadProvince, number, setLang, t, trackingPrefix } from '../i18n.js';
import './strings.js';
import { dropSession, gql, loadSession, session, signOut } from './session.js';
import { resetLive, subscribe } from './subscribe.js';
import { signInPage } from './sign-in.js';
import { inbox } from './inbox.js';
import { queue } from './queue.js';
import { caseView } from './case-view.js';
import { audit } from './audit.js';
import { staffAudit } from './staff-audit.js';
import { agencyAddresses } from './agency-addresses.js';
import { roleName } from './format.js';
import { compactHeader } from '../header-menu.js';
import { agenciesKnown, agencyName, loadAgencies } from './agencies.js';

const main = document.getElementById('main');

/**
 * Without a live connection, live pages ask again this often: /site-config.json's consolePollSeconds
 * (Console:PollSeconds on the server, 10 s by default; 0 turns polling off).
 */
let pollMs = 10_000;

/** Where each role starts. */
function homeOf(s) {
  if (!s) return '#/sign-in';
  if (s.role === 'agency') return '#/queue';
  if (s.role === 'auditor') return '#/audit';
  return '#/inbox';
}

const routes = { inbox, queue, case: caseView, audit, 'staff-audit': staffAudit, 'agency-addresses': agencyAddresses };

let generation = 0;
let timers = [];
let stops = [];

function stopPolling() {
  for (const id of timers) clearInterval(id);
  timers = [];
  for (const stop of stops) stop();
  stops = [];
}

/**
 * Keeps a page fresh: refresh() runs on each event of the page's subscription while the live connection is up,
 * every pollMs while it is not (connecting, dropped, refused), and once when it comes up (what changed meanwhile).
 * Runs never overlap; events during a run make one more. modeNode shows which mode is on (data-mode).
 */
function keepFresh(ctx, mine, request, refresh, modeNode) {
  let pollId = null;
  let busy = false;
  let again = false;
  const run = async () => {
    if (mine !== generation) return;
    if (busy) { again = true; return; }
    busy = true;
    try {
      await refresh();
    } catch (error) {
      if (mine === generation) handleError(error, ctx);
    } finally {
      busy = false;
      if (again) { again = false; run(); }
    }
  };
  const setMode = (mode) => {
    modeNode.dataset.mode = mode;
    modeNode.textContent = mode === 'live' ? t('liveOn') : mode === 'connecting' ? t('liveConnecting')
      : pollMs > 0 ? t('livePolling', number(pollMs / 1000)) : t('liveOff');
  };
  const polling = (on) => {
    if (on && pollId === null && pollMs > 0) { pollId = setInterval(run, pollMs); timers.push(pollId); }
    if (!on && pollId !== null) { clearInterval(pollId); pollId = null; }
  };
  setMode('connecting');
  polling(true);
  const stop = subscribe(request, {
    onLive: (up) => {
      if (mine !== generation) return;
      if (up) { polling(false); setMode('live'); run(); } else { setMode('polling'); polling(true); }
    },
    onEvent: (result) => {
      const first = result.errors?.[0];
      if (first?.extensions?.code === 'SESSION_EXPIRED') {
        handleError(Object.assign(new Error(first.message), { code: 'SESSION_EXPIRED' }), ctx);
        return;
      }
      run();
    },
    onEnd: (error) => {
      if (error) console.warn('live updates ended:', error);
      if (mine !== generation) return;
      setMode('polling');
      polling(true);
      // Refused or ended (a session that ended as the socket opened, say): refresh now rather than at the next
      // poll, so an ended session goes to sign-in at once.
      if (error) run();
    },
  });
  stops.push(stop);
}

async function render({ focus = false } = {}) {
  const route = parseHash();
  const mine = ++generation;
  stopPolling();
  main.setAttribute('aria-busy', 'true');
  main.removeAttribute('data-ready');
  replace(main, h('p', { class: 'loading', role: 'status' }, t('loading')));
  const ctx = {
    ...route,
    main,
    session: session(),
    isCurrent: () => mine === generation,
    rerender: () => render({ focus: true }),
    /**
     * Keeps this page fresh while it is shown: fn runs on each event of the subscription `request` (live) or every
     * pollMs (no live connection); fn keeps the reader's focus (live.js redraw). Returns the element that says which.
     */
    live: (request, fn) => {
      const node = h('p', { class: 'live-mode muted', id: 'live-mode', role: 'status' });
      keepFresh(ctx, mine, request, fn, node);
      return node;
    },
    fail: (error) => handleError(error, ctx),
  };
  try {
    if (route.name === 'sign-in') {
      await signInPage(ctx, { onSignedIn: afterSignIn });
    } else if (!session()) {
      goSignIn(null);
      return;
    } else if (route.name === '') {
      location.replace(homeOf(session()));
      return;
    } else {
      const view = routes[route.name];
      if (view) await view(ctx);
      else showProblem(t('notFoundTitle'), t('pageNotFound'));
    }
  } catch (error) {
    if (!ctx.isCurrent()) return;
    handleError(error, ctx);
  } finally {
    if (mine === generation) {
      main.removeAttribute('aria-busy');
      main.dataset.ready = location.hash || '#/';
    }
  }
  if (focus && ctx.isCurrent()) (main.querySelector('h1') ?? main).focus();
}

function goSignIn(reason) {
  const next = parseHash().name === 'sign-in' ? '' : location.hash;
  const q = new URLSearchParams();
  if (reason) q.set('reason', reason);
  if (next && next !== '#/') q.set('next', next);
  const s = q.toString();
  location.hash = s ? `#/sign-in?${s}` : '#/sign-in';
}

/** Errors as a message in the page, never a blank page; an ended session goes back to sign-in. */
function handleError(error, ctx) {
  console.error(error);
  stopPolling();
  const code = error?.code ?? null;
  if (code === 'SESSION_EXPIRED' || code === 'NOT_SIGNED_IN' || code === 'UNAUTHENTICATED') {
    dropSession();
    resetLive();
    renderHeader();
    goSignIn('SESSION_EXPIRED');
    return;
  }
  if (!(error instanceof GraphQLRequestError)) {
    showProblem(t('networkError'), null, h('button', { type: 'button', class: 'retry', onclick: () => ctx.rerender() }, t('retry')));
    return;
  }
  if (code === 'CSRF_TOKEN_INVALID') {
    showProblem(t('csrfTitle'), t('csrfText'), h('button', {
      type: 'button', class: 'retry', id: 'reload-session',
      onclick: async () => { await loadSession().catch(() => null); renderHeader(); ctx.rerender(); },
    }, t('reloadSession')), error.message);
    return;
  }
  if (code === 'FORBIDDEN') {
    const text = ctx.name === 'case' ? t('forbiddenCase', ctx.arg) : ctx.name === 'audit' ? t('forbiddenAudit') : t('forbiddenPage');
    showProblem(t('forbiddenTitle'), text, h('a', { href: homeOf(session()) }, t('backHome')), error.message);
    return;
  }
  if (code === 'CASE_NOT_FOUND') {
    showProblem(t('notFoundTitle'), t('caseNotFound', ctx.arg), h('a', { href: homeOf(session()) }, t('backHome')), error.message);
    return;
  }
  showProblem(t('requestErrorTitle'), null, h('a', { href: homeOf(session()) }, t('backHome')), error.message);
}

function showProblem(title, text, action = null, detail = null) {
  document.title = `${title} · ${t('consoleTitle')}`;
  replace(main,
    h('section', { class: 'problem', role: 'alert', id: 'problem' },
      h('h1', { tabindex: '-1' }, title),
      text ? h('p', { class: 'problem-text' }, text) : null,
      detail ? h('p', { class: 'muted', lang: 'en' }, detail) : null,
      action ? h('p', {}, action) : null));
  main.removeAttribute('aria-busy');
  main.dataset.ready = location.hash || '#/';
}

async function afterSignIn(next) {
  await resetLive(); // a socket opened before belongs to no session, or another one
  renderHeader();
  loadCalendarWarning();
  const target = next && next.startsWith('#/') && !next.startsWith('#/sign-in') ? next : homeOf(session());
  if (location.hash === target) render({ focus: true });
  else location.hash = target;
}

// ---------------------------------------------------------------- header

function renderHeader() {
  const s = session();
  const who = document.getElementById('who');
  const nav = document.getElementById('nav-links');
  if (!s) {
    replace(who);
    replace(nav);
    document.getElementById('calendar-warning').hidden = true;
    return;
  }
  replace(who,
    h('span', { class: 'who-name', id: 'who-name' }, s.name || s.login),
    h('span', { class: 'who-role', id: 'who-role' }, roleName(s.role),
      s.agencyId ? [' · ', h('span', { class: 'who-agency', id: 'who-agency', 'data-agency': s.agencyId }, agencyName(s.agencyId))] : null),
    h('button', { type: 'button', class: 'sign-out', id: 'sign-out', onclick: onSignOut }, t('signOut')));
  const links = [];
  if (s.role === 'operator' || s.role === 'admin') links.push(['inbox', t('navInbox')]);
  if (s.role === 'agency') links.push(['queue', t('navQueue')]);
  if (s.role === 'auditor' || s.role === 'admin') links.push(['audit', t('navAudit')], ['staff-audit', t('navStaffAudit')]);
  if (s.role === 'admin') links.push(['agency-addresses', t('navAddresses')]);
  replace(nav,
    links.map(([route, label]) => h('li', {}, h('a', { href: `#/${route}`, 'data-route': route }, label))),
    h('li', { class: 'nav-find' }, findForm()));
  markCurrentNav();
  // The agency's name once the list is in (the id meanwhile, or if it cannot be had).
  if (s.agencyId && !agenciesKnown()) {
    loadAgencies().then(() => { if (session() === s) renderHeader(); }).catch((e) => console.warn('agencies unavailable:', e));
  }
}

/** Open any case by its tracking code (the server decides whether this user may see it). */
function findForm() {
  const input = h('input', { id: 'find-code', name: 'code', type: 'search', autocomplete: 'off', spellcheck: 'false', placeholder: `${trackingPrefix()}-2026-000123` });
  const form = h('form', { class: 'find', role: 'search', novalidate: true },
    h('label', { for: 'find-code' }, t('findCase')), input, h('button', { type: 'submit' }, t('open')));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const code = input.value.trim().toUpperCase().replace(/\s+/g, '')
      .replace(new RegExp(`^${trackingPrefix()}-(\\d{4})-(\\d{1,6})$`), (_, y, n) => `${trackingPrefix()}-${y}-${n.padStart(6, '0')}`);
    if (!code) { input.focus(); return; }
    const target = session()?.role === 'auditor' ? `#/audit/${encodeURIComponent(code)}` : `#/case/${encodeURIComponent(code)}`;
    if (location.hash === target) render({ focus: true });
    else location.hash = target;
  });
  return form;
}

function markCurrentNav() {
  const name = parseHash().name;
  for (const a of document.querySelectorAll('#nav-links a[data-route]')) {
    if (a.dataset.route === name) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

async function onSignOut() {
  try {
    await signOut();
  } catch (e) {
    console.error(e); // the cookie may already be gone; the page forgets the session either way
  }
  stopPolling();
  await resetLive();
  renderHeader();
  location.hash = '#/sign-in?reason=SIGNED_OUT';
}

async function loadCalendarWarning() {
  const box = document.getElementById('calendar-warning');
  try {
    const data = await gql('{ calendar { warning message } }');
    const c = data.calendar;
    box.hidden = !c?.warning;
    replace(box, c?.warning ? [h('strong', {}, `${t('calendarWarning')}: `), h('span', { lang: 'en' }, c.message)] : []);
  } catch (e) {
    console.error(e); // the warning is an extra: a failure here must not block the console
    box.hidden = true;
  } finally {
    box.dataset.checked = 'true'; // what tests wait for
  }
}

function applyShellTexts() {
  document.documentElement.lang = lang();
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  document.getElementById('lang-switch').lang = lang() === 'vi' ? 'en' : 'vi';
  document.querySelector('nav.nav').setAttribute('aria-label', t('consoleNav'));
}

compactHeader();

document.getElementById('lang-switch').addEventListener('click', () => {
  setLang(lang() === 'vi' ? 'en' : 'vi');
  applyShellTexts();
  renderHeader();
  if (session()) loadCalendarWarning();
  render();
});

window.addEventListener('hashchange', () => {
  if (location.hash === '#main') return;
  markCurrentNav();
  render({ focus: true });
});

document.querySelector('a.skip').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

/** The poll interval the server sets (site-config.json); the default when it cannot say. */
async function loadPollInterval() {
  try {
    const config = await loadProvince(); // site-config.json, once: the province's names too
    applyShellTexts();
    if (Number.isFinite(config?.consolePollSeconds) && config.consolePollSeconds >= 0) pollMs = config.consolePollSeconds * 1000;
  } catch (e) {
    console.warn('site-config.json unavailable; polling every', pollMs, 'ms', e);
  }
}

async function start() {
  applyShellTexts();
  await loadPollInterval();
  if (location.hash === '#main') history.replaceState(null, '', '#/');
  try {
    const { session: s, reason } = await loadSession();
    if (s) {
      renderHeader();
      loadCalendarWarning();
    } else if (parseHash().name !== 'sign-in') {
      goSignIn(reason === 'SESSION_EXPIRED' ? 'SESSION_EXPIRED' : null);
      return; // the hash change renders the sign-in page
    }
  } catch (e) {
    console.error(e);
    showProblem(t('networkError'), null, h('button', { type: 'button', class: 'retry', onclick: () => location.reload() }, t('retry')));
    return;
  }
  render();
}

start();
