import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, PHONE, screenshot, visit, waitReady } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('when /graphql cannot be reached the page offers a retry, and the retry works', async () => {
  const page = await newPage(browser);
  const graphql = (url) => url.pathname === '/graphql';
  await page.route(graphql, (route) => route.abort());
  await visit(page, '#/');
  const alert = page.locator('[role=alert]');
  assert.match(await alert.innerText(), /Không kết nối được máy chủ/);
  assert.equal(await page.textContent('button.retry'), 'Thử lại');
  await screenshot(page, 'server-down-desktop');

  await page.unroute(graphql);
  await page.click('button.retry');
  await page.waitForSelector('#late-rate-value', { timeout: 15_000 });
  assert.equal(await page.locator('[role=alert]').count(), 0);
});

test('a GraphQL error is shown as a readable message, not a blank page', async () => {
  const page = await newPage(browser);
  await visit(page, '#/cases?status=NOT_A_STATUS');
  const text = await page.locator('[role=alert]').innerText();
  assert.match(text, /Không thể hiển thị dữ liệu/);
  assert.match(text, /NOT_A_STATUS/, 'the server’s message is passed on');
  await screenshot(page, 'graphql-error-desktop');
});

test('an unknown address shows a not-found page with a way back', async () => {
  const page = await newPage(browser, PHONE);
  await visit(page, '#/nowhere');
  assert.equal(await page.textContent('main h1'), 'Không tìm thấy');
  assert.equal(await page.locator('main a[href="#/"]').count(), 1);
});
