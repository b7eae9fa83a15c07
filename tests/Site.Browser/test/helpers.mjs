// Shared by the browser tests: the site's address, a headless Chromium, the GraphQL API for
// expected values, screenshots, and the reporters' personal data that must never appear.

import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const SITE_URL = (process.env.SITE_URL ?? 'http://127.0.0.1:5090').replace(/\/$/, '');
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(SITE_URL)) throw new Error(`SITE_URL must be on this machine: ${SITE_URL}`);

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const SCREENSHOTS = path.join(REPO, 'test-output', 'screenshots');
export const DATABASE = process.env.SITE_DB ?? 'cases_browser';
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';

/** Every wait is bounded by this. */
export const TIMEOUT = 15_000;

export const DESKTOP = { width: 1280, height: 900 };
export const PHONE = { width: 390, height: 844 };

export async function launch() {
  return chromium.launch({
    executablePath: CHROMIUM,
    timeout: 30_000,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/** A fresh page (its own storage, so Vietnamese by default); page errors fail the test that reads them. */
export async function newPage(browser, viewport = DESKTOP) {
  const context = await browser.newContext({ viewport, locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(TIMEOUT);
  const page = await context.newPage();
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e));
  return page;
}

/** Opens a route such as '#/cases' and waits until its page (or its error message) is shown. */
export async function visit(page, hash) {
  const url = `${SITE_URL}/${hash}`;
  if (page.url().startsWith(SITE_URL) && page.url() !== 'about:blank') {
    await page.evaluate((h) => { location.hash = h; }, hash);
  } else {
    await page.goto(url);
  }
  await waitReady(page, hash);
}

/** Waits until the shell says the route's page is rendered (main[data-ready] holds its hash). */
export async function waitReady(page, hash) {
  await page.waitForFunction((h) => {
    const main = document.querySelector('main');
    return main && main.dataset.ready === h;
  }, hash, { timeout: TIMEOUT });
}

export async function screenshot(page, name) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true, timeout: TIMEOUT });
}

/** The same query the site could run, straight to the API, for the expected values. */
export async function gql(query, variables = {}) {
  const response = await fetch(`${SITE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(TIMEOUT),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** The last 12 local months, as the site computes them. */
export function last12Months(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh', year: 'numeric', month: '2-digit' }).formatToParts(now);
  const y = Number(parts.find((p) => p.type === 'year').value);
  const m = Number(parts.find((p) => p.type === 'month').value);
  const ym = (total) => `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}`;
  return { from: ym(y * 12 + m - 1 - 11), to: ym(y * 12 + m - 1) };
}

/** "2,8 %" or "2.8 %" → "2.8": the rendered percentage, decimal point normalised. */
export function percentText(text) {
  const m = /(\d+(?:[.,]\d+)?)\s*%/.exec(text);
  return m ? m[1].replace(',', '.') : null;
}

/** Reporters' names, phones and e-mails from the test database: none may ever show on the site. */
export function reporterData(limit = 50) {
  const out = execFileSync(path.join(REPO, 'scripts', 'db'),
    ['psql', '-d', DATABASE, '-tAc', `select name, phone, email from cases.reporters where name is not null limit ${limit}`],
    { encoding: 'utf8', timeout: 30_000 });
  return out.split('\n').filter(Boolean).flatMap((line) => line.split('|')).map((s) => s.trim()).filter((s) => s.length >= 5);
}

/** A fresh API key for a staff role, made with the server's own CLI on the test database. */
export function staffKey(role, agency = null) {
  const dll = process.env.SITE_DLL;
  if (!dll) throw new Error('SITE_DLL is not set (run.sh sets it)');
  const args = [dll, 'keys', 'create', '--role', role, '--name', `browser-${role}`, ...(agency ? ['--agency', agency] : [])];
  const out = execFileSync('dotnet', args, { encoding: 'utf8', timeout: 60_000 });
  const key = /^key:\s+(\S+)/m.exec(out)?.[1];
  if (!key) throw new Error(`no key in: ${out}`);
  return key;
}

/** A GraphQL call with a staff key; throws on errors. */
export async function staffGql(key, query, variables = {}) {
  const response = await fetch(`${SITE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(TIMEOUT),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

/** Waits (bounded) until the public view of a case satisfies a condition. */
export async function publicCaseWhen(code, fields, ok) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const c = (await gql(`query($code: String!) { case(trackingCode: $code) { ${fields} } }`, { code })).case;
    if (c && ok(c)) return c;
    if (Date.now() > deadline) throw new Error(`case ${code} never satisfied the condition: ${JSON.stringify(c)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Puts photos drawn on a canvas into a file input, as if the citizen had picked them. */
export async function pickPhotos(page, selector, colours) {
  await page.evaluate(async ({ selector, colours }) => {
    const transfer = new DataTransfer();
    for (const [i, colour] of colours.entries()) {
      const canvas = Object.assign(document.createElement('canvas'), { width: 640, height: 480 });
      const g = canvas.getContext('2d');
      g.fillStyle = colour; g.fillRect(0, 0, 640, 480);
      g.fillStyle = '#fff'; g.fillRect(100 + 40 * i, 100, 200, 120);
      const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.9));
      transfer.items.add(new File([blob], `IMG_000${i + 1}.JPG`, { type: 'image/jpeg' }));
    }
    const input = document.querySelector(selector);
    input.files = transfer.files;
    // As a person's choice does: forms that preview what was chosen listen for it.
    input.dispatchEvent(new Event('input', { bubbles: true }));
    input.dispatchEvent(new Event('change', { bubbles: true }));
  }, { selector, colours });
}

/** Fails when the page is wider than its viewport (a 390 px phone must never scroll sideways), naming what sticks out. */
export async function noHorizontalOverflow(page, what) {
  const wide = await page.evaluate(() => {
    const width = window.innerWidth;
    if (document.documentElement.scrollWidth <= width + 1) return null;
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1 && getComputedStyle(e).position !== 'fixed')
      .slice(0, 6).map((e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''}.${[...e.classList].join('.')} (${Math.round(e.getBoundingClientRect().right)} px)`);
  });
  if (wide) throw new Error(`${what} is wider than the ${await page.evaluate(() => window.innerWidth)} px screen: ${wide.join(', ')}`);
}

/** Switches the language as a person does: on a phone the switch is in the header's menu, opened first. */
export async function switchLanguage(page) {
  const menu = await page.locator('#menu-toggle').isVisible() && await page.getAttribute('#menu-toggle', 'aria-expanded') !== 'true';
  if (menu) await page.click('#menu-toggle');
  await page.click('#lang-switch');
  if (menu) await page.click('#menu-toggle');
}
