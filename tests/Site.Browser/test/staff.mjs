// Shared by the console's browser tests: the staff accounts run.sh creates with the CLI (`users create
// ... --password-stdin`), signing in through the page or straight to /auth for expected values, opening
// console routes, keyboard-only navigation, and citizens' actions through the public API.

import { SITE_URL, TIMEOUT } from './helpers.mjs';

export const CONSOLE = `${SITE_URL}/console/`;
export const PASSWORD = process.env.CONSOLE_PASSWORD ?? 'console-test-password-7';

/** The accounts run.sh creates (login → role, agency). */
export const USERS = {
  operator: { login: 'console-operator', role: 'operator' },
  agency: { login: 'console-hepco', role: 'agency', agencyId: 'hepco' },
  otherAgency: { login: 'console-xay-dung', role: 'agency', agencyId: 'so-xay-dung' },
  auditor: { login: 'console-auditor', role: 'auditor' },
  admin: { login: 'console-admin', role: 'admin' },
  disabled: { login: 'console-disabled', role: 'operator' },
  lockable: { login: 'console-lockable', role: 'operator' },
  expiring: { login: 'console-expiring', role: 'operator' },
};
export const AGENCY = USERS.agency.agencyId;

/** Waits until the console shows a page whose route starts with prefix (main[data-ready]). */
export async function waitConsole(page, prefix) {
  await page.waitForFunction((p) => (document.querySelector('main')?.dataset.ready ?? '').startsWith(p), prefix, { timeout: TIMEOUT });
}

/** Opens a console route ('#/inbox') and waits for its page or its error message. */
export async function openConsole(page, hash) {
  if (page.url().startsWith(CONSOLE)) await page.evaluate((h) => { location.hash = h; }, hash);
  else await page.goto(`${CONSOLE}${hash}`);
  await page.waitForFunction((h) => document.querySelector('main')?.dataset.ready === h, hash, { timeout: TIMEOUT });
}

/** Signs in through the page and waits for the role's start page. */
export async function signIn(page, user, password = PASSWORD) {
  await page.goto(`${CONSOLE}#/sign-in`);
  await waitConsole(page, '#/sign-in');
  await page.getByLabel('Tên đăng nhập').fill(user.login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  const home = user.role === 'agency' ? '#/queue' : user.role === 'auditor' ? '#/audit' : '#/inbox';
  await waitConsole(page, home);
}

/** A signed-in API client (cookie + CSRF token), for the values a test expects. */
export async function staffApi(user, password = PASSWORD) {
  const r = await fetch(`${SITE_URL}/auth/sign-in`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: user.login, password }),
    signal: AbortSignal.timeout(TIMEOUT),
  });
  if (!r.ok) throw new Error(`sign-in of ${user.login}: HTTP ${r.status} ${await r.text()}`);
  const s = await r.json();
  const cookie = (r.headers.getSetCookie?.() ?? [r.headers.get('set-cookie')]).map((c) => c.split(';')[0]).join('; ');
  return async (query, variables = {}) => {
    const g = await fetch(`${SITE_URL}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': s.csrfToken },
      body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(TIMEOUT),
    });
    const body = await g.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
}

/** A citizen submits a new field report through the public API: { trackingCode, secret }. */
export async function submitReport(description, { category = 'sanitation_environment', ward = 'Thuận Hóa', location = { latitude: 16.4637, longitude: 107.5909 } } = {}) {
  const data = await publicGql(`mutation Submit($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode secret } }`, {
    input: {
      kind: 'FIELD_REPORT', channel: 'WEB', category, description, ward, location,
      reporter: { name: 'Người thử nghiệm', phone: '0905000111', email: 'thu.nghiem@example.vn' },
    },
  });
  return data.submitCase;
}

export async function publicGql(query, variables = {}) {
  const response = await fetch(`${SITE_URL}/graphql`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(TIMEOUT),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/**
 * Presses Tab (at most `limit` times) until the focused element matches the selector; fails otherwise.
 * Keyboard-only tests move with this, never with a click.
 */
export async function tabTo(page, selector, limit = 250) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Loads a route afresh until the page holds `selector` (the read models catch up within seconds). */
export async function reopenUntil(page, hash, selector, attempts = 30) {
  for (let i = 0; i < attempts; i++) {
    if (page.url().startsWith(CONSOLE)) {
      await page.evaluate((h) => history.replaceState(null, '', h), hash);
      await page.reload();
    } else {
      await page.goto(`${CONSOLE}${hash}`);
    }
    await page.waitForFunction((h) => document.querySelector('main')?.dataset.ready === h, hash, { timeout: TIMEOUT });
    if (await page.locator(selector).count()) return;
    await page.waitForTimeout(1000); // the projections' lag; bounded by attempts
  }
  throw new Error(`${hash} never showed ${selector}`);
}
