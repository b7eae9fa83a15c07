// Issue 20, part 11: on a 390 px phone the header of the site and of the console is one line (the title and a menu
// button) and takes at most a fifth of the screen on every page; the menu holds the navigation, the language switch
// and the signed-in user, opens and closes from the keyboard and says so to a screen reader. On a desktop nothing
// is hidden behind it.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, launch, newPage, noHorizontalOverflow, PHONE, screenshot, switchLanguage, visit } from './helpers.mjs';
import { openConsole, signIn, submitReport, USERS } from './staff.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The header's height over the viewport's, and the page not wider than the screen. */
async function compact(page, what) {
  const { header, screen } = await page.evaluate(() => ({
    header: document.querySelector('.site-header').getBoundingClientRect().height, screen: window.innerHeight,
  }));
  assert.ok(header <= 0.2 * screen, `${what}: the header is ${Math.round(header)} px of a ${screen} px screen`);
  await noHorizontalOverflow(page, what);
}

/** Opens the menu with the keyboard, finds the switch and the links in it, and closes it with Escape. */
async function menuByKeyboard(page, link) {
  const toggle = page.locator('#menu-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('#lang-switch').isVisible(), false, 'the switch waits in the closed menu');
  await toggle.focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  assert.ok(await page.locator('#lang-switch').isVisible());
  assert.ok(await page.locator(link).isVisible());
  await page.keyboard.press('Tab'); // into the menu: Escape from anywhere in the header closes it
  await page.keyboard.press('Escape');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'menu-toggle', 'focus goes back to the button');
}

test('the public site\'s header is compact on a phone on every page, in Vietnamese and English', async () => {
  const { trackingCode } = await submitReport('Đèn đường tắt cả dãy trên đường Lê Duẩn');
  const page = await newPage(browser, PHONE);
  await page.route('**/tiles/**', (route) => route.abort());
  const routes = ['#/', '#/cases', '#/map', '#/agencies', '#/api', '#/report', `#/case/${trackingCode}`];
  await visit(page, '#/');
  await screenshot(page, 'header-site-closed-vi-390');
  await menuByKeyboard(page, 'nav a[data-route="cases"]');
  for (const route of routes) { await visit(page, route); await compact(page, `${route} (vi)`); }
  await page.click('#menu-toggle');
  assert.match(await page.textContent('#menu-toggle'), /Danh mục/);
  await screenshot(page, 'header-site-open-vi-390');
  // A link followed closes the menu.
  await page.click('nav a[data-route="agencies"]');
  assert.equal(await page.getAttribute('#menu-toggle', 'aria-expanded'), 'false');
  await switchLanguage(page);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(await page.textContent('#menu-toggle'), /Menu/);
  for (const route of routes) { await visit(page, route); await compact(page, `${route} (en)`); }
  await screenshot(page, 'header-site-closed-en-390');
  assert.deepEqual(page.pageErrors, []);
});

test('the console\'s header is compact on a phone for an operator and an agency, and the menu holds who is signed in', async () => {
  const { trackingCode } = await submitReport('Cây đổ chắn ngang đường Nguyễn Huệ');
  const op = await newPage(browser, PHONE);
  await op.route('**/tiles/**', (route) => route.abort());
  await signIn(op, USERS.operator);
  await compact(op, 'the inbox');
  await screenshot(op, 'header-console-closed-vi-390');
  await menuByKeyboard(op, '#who');
  await op.click('#menu-toggle');
  assert.ok(await op.locator('#who-name').isVisible(), 'the signed-in user is in the menu');
  await screenshot(op, 'header-console-open-vi-390');
  await openConsole(op, `#/case/${trackingCode}`);
  await compact(op, 'the staff case page');
  await switchLanguage(op);
  await op.waitForFunction(() => document.documentElement.lang === 'en');
  await compact(op, 'the staff case page (en)');
  await screenshot(op, 'header-console-closed-en-390');
  const agency = await newPage(browser, PHONE);
  await signIn(agency, USERS.agency);
  await compact(agency, 'the queue');
  for (const p of [op, agency]) assert.deepEqual(p.pageErrors, []);
});

test('on a desktop the menu button is not shown and the header keeps everything in view', async () => {
  const page = await newPage(browser, DESKTOP);
  await visit(page, '#/');
  assert.equal(await page.locator('#menu-toggle').isVisible(), false);
  for (const s of ['#lang-switch', '#track-form', 'nav a[data-route="cases"]']) assert.ok(await page.locator(s).isVisible(), s);
  await screenshot(page, 'header-site-desktop');
});
