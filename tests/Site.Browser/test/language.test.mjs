import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, PHONE, screenshot, visit, waitReady } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the language switch turns the site into English, sets lang, and is remembered', async () => {
  const page = await newPage(browser);
  await visit(page, '#/cases');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.textContent('main h1'), 'Tra cứu phản ánh, hồ sơ');
  assert.equal(await page.textContent('label[for=track-input]'), 'Mã tra cứu');

  await page.click('#lang-switch');
  await waitReady(page, '#/cases');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.textContent('main h1'), 'Browse cases');
  assert.equal(await page.textContent('label[for=track-input]'), 'Tracking code');
  assert.equal(await page.textContent('nav a[data-route=agencies]'), 'Agencies');
  const categories = await page.locator('#f-category option').allTextContents();
  assert.ok(categories.includes('Sanitation & environment'), 'category names are translated');
  await screenshot(page, 'cases-english-desktop');

  await page.reload();
  await waitReady(page, '#/cases');
  assert.equal(await page.getAttribute('html', 'lang'), 'en', 'the choice survives a reload');
  assert.equal(await page.textContent('main h1'), 'Browse cases');

  await visit(page, '#/');
  assert.match(await page.innerText('main'), /Late rate[\s\S]*Target: below 3\.0\s%/);
  await screenshot(page, 'overview-english-desktop');

  await page.click('#lang-switch');
  await waitReady(page, '#/');
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.equal(await page.textContent('main h1'), 'Tổng quan 12 tháng gần nhất');
});

test('the API page shows the endpoint and example queries with copy buttons', async () => {
  const page = await newPage(browser);
  await visit(page, '#/api');
  assert.match(await page.textContent('#endpoint'), /\/graphql$/);
  assert.ok(await page.locator('pre').count() >= 3);
  assert.equal(await page.locator('button.copy').count(), await page.locator('pre').count());
  await page.locator('button.copy').first().click();
  await page.waitForFunction(() => document.querySelector('.copy-status')?.textContent === 'Đã sao chép', null, { timeout: 15_000 });
  await screenshot(page, 'api-desktop');
  const phone = await newPage(browser, PHONE);
  await visit(phone, '#/api');
  await screenshot(phone, 'api-phone');
});
