import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, launch, newPage, PHONE, screenshot, visit, waitReady } from './helpers.mjs';

let browser;
let sample;
before(async () => {
  browser = await launch();
  const list = await gql('{ cases(where: { status: RESOLVED }, first: 5) { nodes { trackingCode } } }');
  assert.ok(list.cases.nodes.length > 0, 'the seed has resolved cases');
  const code = list.cases.nodes[0].trackingCode;
  sample = (await gql(`query($c: String!) { case(trackingCode: $c) { trackingCode status agency onTime rating publicAnswer
    timeline { step } } agencies { id name } }`, { c: code }));
});
after(async () => { await browser?.close(); });

test('a case page shows its status, agency, on-time badge and public timeline', async () => {
  const c = sample.case;
  assert.ok(c.timeline.length >= 2, 'a resolved case has several steps');
  const page = await newPage(browser);
  await visit(page, `#/case/${c.trackingCode}`);
  assert.match(await page.textContent('main h1'), new RegExp(c.trackingCode));
  assert.equal(await page.locator('#timeline > li').count(), c.timeline.length, 'every public step is listed');
  const main = await page.innerText('main');
  assert.match(main, /Đã xử lý/, 'the status is shown in words');
  assert.match(main, c.onTime ? /Đúng hạn/ : /Trễ hạn/);
  const agencyName = sample.agencies.find((a) => a.id === c.agency)?.name;
  assert.ok(agencyName && main.includes(agencyName), 'the agency is shown by name');
  if (c.publicAnswer) assert.ok(main.includes(c.publicAnswer), 'the public answer is shown');
  if (c.rating) assert.ok(main.includes(`${c.rating}/5`), 'the rating is shown');
  assert.match(main, /\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}/, 'times are readable local times');
  assert.doesNotMatch(main, /\+07:00|T\d{2}:\d{2}:\d{2}/, 'no raw ISO timestamps');
  assert.deepEqual(page.pageErrors, []);
  await screenshot(page, 'case-desktop');
  const phone = await newPage(browser, PHONE);
  await visit(phone, `#/case/${c.trackingCode}`);
  await screenshot(phone, 'case-phone');
});

test('an unknown tracking code shows a clear "not found" page', async () => {
  const page = await newPage(browser);
  await visit(page, '#/case/HUE-1999-999999');
  assert.equal(await page.textContent('main h1'), 'Không tìm thấy');
  assert.match(await page.innerText('main'), /HUE-1999-999999/);
  assert.equal(await page.locator('#timeline').count(), 0);
  await screenshot(page, 'case-not-found-desktop');
});

test('keyboard: Tab reaches the tracking-code box and Enter opens the case', async () => {
  const page = await newPage(browser);
  await visit(page, '#/');
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => document.activeElement?.id === 'track-input');
  }
  assert.ok(reached, 'the search box is among the first ten Tab stops');
  // Typed the short way: lower case, without the leading zeros.
  await page.keyboard.type(sample.case.trackingCode.toLowerCase().replace(/-0+(\d)/, '-$1'));
  await page.keyboard.press('Enter');
  await waitReady(page, `#/case/${sample.case.trackingCode}`);
  assert.match(await page.textContent('main h1'), new RegExp(sample.case.trackingCode));
  const focusVisible = await page.evaluate(() => {
    const input = document.getElementById('track-input');
    input.focus();
    return getComputedStyle(input).outlineStyle !== 'none';
  });
  assert.ok(focusVisible, 'focus is visible on the search box');
});
