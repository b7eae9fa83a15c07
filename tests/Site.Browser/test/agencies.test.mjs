import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, last12Months, launch, newPage, PHONE, screenshot, visit, waitReady } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the agency ranking lists exactly the agencies with at least the threshold of resolved or open overdue cases, by late-or-overdue rate', async () => {
  const page = await newPage(browser);
  await visit(page, '#/agencies');
  const threshold = Number(await page.getAttribute('#rank-threshold', 'data-threshold'));
  assert.ok(threshold >= 1);
  assert.match(await page.textContent('#rank-threshold'), new RegExp(`ít nhất ${threshold}`), 'the threshold is stated on the page');

  const { from, to } = last12Months();
  const rows = (await gql('query($f: YearMonth!, $t: YearMonth!) { statistics(from: $f, to: $t) { lateRate(by: AGENCY) { rows { group resolved openOverdue lateRate lateOrOverdueRate } } } }',
    { f: from, t: to })).statistics.lateRate.rows;
  const resolvedOf = new Map(rows.map((r) => [r.group, r.resolved + r.openOverdue]));
  const ranked = await page.locator('#ranking tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.agency));
  for (const id of ranked) assert.ok((resolvedOf.get(id) ?? 0) >= threshold, `${id} has ≥ ${threshold} resolved`);
  const eligible = rows.filter((r) => r.resolved + r.openOverdue >= threshold).map((r) => r.group).sort();
  assert.deepEqual([...ranked].sort(), eligible, 'no eligible agency is left out');

  const rates = ranked.map((id) => rows.find((r) => r.group === id).lateOrOverdueRate ?? 1);
  for (let i = 1; i < rates.length; i++) assert.ok(rates[i - 1] <= rates[i], 'ranked by late-or-overdue rate, lowest first');
  assert.match(await page.textContent('#ranking-definition'), /quá hạn/, 'the figure is published with its definition');
  await screenshot(page, 'agencies-desktop');
  const phone = await newPage(browser, PHONE);
  await visit(phone, '#/agencies');
  await screenshot(phone, 'agencies-phone');
});

test('an agency page shows its figures and its recent cases', async () => {
  const { from, to } = last12Months();
  const rows = (await gql('query($f: YearMonth!, $t: YearMonth!) { statistics(from: $f, to: $t) { lateRate(by: AGENCY) { rows { group resolved } } } }',
    { f: from, t: to })).statistics.lateRate.rows;
  const busiest = [...rows].sort((a, b) => b.resolved - a.resolved)[0].group;
  const data = await gql('query($id: ID!) { agency(id: $id) { name } cases(where: { agency: $id }, first: 10) { totalCount nodes { trackingCode } } }', { id: busiest });

  const page = await newPage(browser);
  await visit(page, '#/agencies');
  const link = page.locator(`[data-agency="${busiest}"] a, a[href="#/agency/${busiest}"]`).first();
  await link.click();
  await waitReady(page, `#/agency/${busiest}`);
  assert.equal(await page.textContent('main h1'), data.agency.name);
  const codes = await page.locator('.case-list a.code').allTextContents();
  assert.deepEqual(codes, data.cases.nodes.map((n) => n.trackingCode));
  assert.deepEqual(page.pageErrors, []);
  await screenshot(page, 'agency-desktop');
  const phone = await newPage(browser, PHONE);
  await visit(phone, `#/agency/${busiest}`);
  await screenshot(phone, 'agency-phone');
});
