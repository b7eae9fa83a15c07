import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, last12Months, launch, newPage, noHorizontalOverflow, PHONE, percentText, screenshot, visit } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the overview shows the late rate and satisfaction that the statistics query returns', async () => {
  const { from, to } = last12Months();
  const data = await gql(`query($from: YearMonth!, $to: YearMonth!) { statistics(from: $from, to: $to) {
    lateRate(by: MONTH) { rows { resolved resolvedLate } definition }
    satisfaction(by: MONTH) { rows { ratings satisfied } } } }`, { from, to });
  const rows = data.statistics.lateRate.rows;
  const resolved = rows.reduce((a, r) => a + r.resolved, 0);
  const late = rows.reduce((a, r) => a + r.resolvedLate, 0);
  const ratings = data.statistics.satisfaction.rows.reduce((a, r) => a + r.ratings, 0);
  const satisfied = data.statistics.satisfaction.rows.reduce((a, r) => a + r.satisfied, 0);
  assert.ok(resolved > 0, 'the seeded data has resolved cases in the last 12 months');
  assert.ok(ratings > 0, 'the seeded data has ratings in the last 12 months');

  const page = await newPage(browser);
  await visit(page, '#/');
  assert.equal(percentText(await page.textContent('#late-rate-value')), ((late / resolved) * 100).toFixed(1));
  assert.equal(percentText(await page.textContent('#satisfaction-value')), ((satisfied / ratings) * 100).toFixed(1));
  assert.equal((await page.textContent('#resolved-value')).replace(/\D/g, ''), String(resolved));

  const main = await page.innerText('main');
  assert.match(main, /Mục tiêu: dưới 3,0\s%/, 'the late-rate target is shown');
  assert.match(main, /Mục tiêu: trên 80,0\s%/, 'the satisfaction target is shown');
  const badge = async (id) => (await page.locator('.figure', { has: page.locator(id) }).locator('.badge').textContent()).trim();
  assert.equal(await badge('#late-rate-value'), late / resolved < 0.03 ? '✓ Đạt' : '✗ Chưa đạt', 'late rate marked met/not met');
  assert.equal(await badge('#satisfaction-value'), satisfied / ratings > 0.8 ? '✓ Đạt' : '✗ Chưa đạt', 'satisfaction marked met/not met');
  const received = (await gql('query($s: DateTime) { cases(where: { receivedFrom: $s }, first: 1) { totalCount } }',
    { s: `${from}-01T00:00:00+07:00` })).cases.totalCount;
  assert.equal((await page.textContent('#received-value')).replace(/\D/g, ''), String(received), 'cases received in the 12 months');
  assert.ok(main.includes(data.statistics.lateRate.definition), 'the late-rate definition is shown');
  assert.match(await page.textContent('#freshness'), /Độ mới dữ liệu/);
  assert.equal(await page.locator('svg.chart rect.bar').count(), 12, 'one bar per month');
  assert.deepEqual(page.pageErrors, []);
  await screenshot(page, 'overview-desktop');

  const phone = await newPage(browser, PHONE);
  await visit(phone, '#/');
  // The chart scrolls sideways on a phone and opens on the latest months.
  const { scrollLeft, max } = await phone.$eval('.chart-wrap', (w) => ({ scrollLeft: w.scrollLeft, max: w.scrollWidth - w.clientWidth }));
  assert.ok(max > 0 && scrollLeft >= max - 1, `the chart opens at ${scrollLeft} of ${max}`);
  await noHorizontalOverflow(phone, 'the overview');
  await screenshot(phone, 'overview-phone');
});
