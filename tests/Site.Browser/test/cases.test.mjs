import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, launch, newPage, PHONE, screenshot, visit, waitReady } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const countOf = (text) => Number(text.replace(/\D/g, ''));

test('filtering by category narrows the list to cases of that category', async () => {
  const all = (await gql('{ cases(first: 1) { totalCount } }')).cases.totalCount;
  const category = 'sanitation_environment';
  const expected = (await gql('query($c: String) { cases(where: { category: $c }, first: 1) { totalCount } }', { c: category })).cases.totalCount;
  assert.ok(expected > 0 && expected < all, `the seed has some but not all cases in ${category}`);

  const page = await newPage(browser);
  await visit(page, '#/cases');
  assert.equal(countOf(await page.textContent('#result-count')), all);
  assert.equal(await page.locator('#case-list > li').count(), Math.min(20, all), 'newest 20 first');

  await page.selectOption('#f-category', category);
  await page.click('#filters button[type=submit]');
  await waitReady(page, `#/cases?category=${category}`);
  assert.equal(countOf(await page.textContent('#result-count')), expected, 'the count is the filtered totalCount');
  const items = await page.locator('#case-list > li .case-what').allTextContents();
  assert.ok(items.length > 0 && items.length <= expected);
  for (const text of items) assert.ok(text.startsWith('Vệ sinh môi trường'), `every result is in the category: ${text}`);
  assert.deepEqual(page.pageErrors, []);
  await screenshot(page, 'cases-filtered-desktop');
});

test('a status filter from the address shows only cases with that status, and "more" pages on', async () => {
  const expected = (await gql('{ cases(where: { status: RESOLVED }, first: 1) { totalCount } }')).cases.totalCount;
  const page = await newPage(browser);
  await visit(page, '#/cases?status=RESOLVED');
  assert.equal(countOf(await page.textContent('#result-count')), expected);
  assert.equal(await page.inputValue('#f-status'), 'RESOLVED', 'the form shows the active filter');
  if (expected > 20) {
    await page.click('#more');
    await page.waitForFunction(() => document.querySelectorAll('#case-list > li').length > 20, null, { timeout: 15_000 });
    const codes = await page.locator('#case-list > li a.code').allTextContents();
    assert.equal(new Set(codes).size, codes.length, 'no case twice');
    assert.equal(codes.length, Math.min(40, expected));
  }
  const badges = await page.locator('#case-list > li .case-head .badge:first-of-type').allTextContents();
  for (const b of badges) assert.equal(b, 'Đã xử lý');

  const phone = await newPage(browser, PHONE);
  await visit(phone, '#/cases');
  await screenshot(phone, 'cases-phone');
});

test('newest cases come first', async () => {
  const data = await gql('{ cases(first: 5) { nodes { trackingCode } } }');
  const page = await newPage(browser);
  await visit(page, '#/cases');
  const codes = (await page.locator('#case-list > li a.code').allTextContents()).slice(0, 5);
  assert.deepEqual(codes, data.cases.nodes.map((n) => n.trackingCode));
});
