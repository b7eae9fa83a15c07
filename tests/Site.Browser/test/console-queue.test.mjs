// An agency's queue in the console: the counts are the API's, every case is marked overdue / due within a
// working day / on track, nearest due first, and the status and category filters narrow the list.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage } from './helpers.mjs';
import { openConsole, publicGql, signIn, staffApi, USERS } from './staff.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const MARKS = { OVERDUE: 'Quá hạn', DUE_SOON: 'Đến hạn trong 1 ngày làm việc', ON_TRACK: 'Trong hạn' };

test('the queue shows the agency’s open cases with their marks and the counts the API gives', async () => {
  const api = await staffApi(USERS.agency);
  const expected = await api('{ myQueue(first: 200) { trackingCode urgency effectiveDueAt status category } myQueueCounts { overdue dueSoon onTrack } }');
  assert.ok(expected.myQueue.length > 0, 'the seed gives HEPCO open cases');
  const page = await newPage(browser);
  await signIn(page, USERS.agency);
  // The header and the title name the agency, not its id.
  const { name } = (await publicGql('query($id: ID!) { agency(id: $id) { name } }', { id: USERS.agency.agencyId })).agency;
  await page.waitForFunction((n) => document.getElementById('who-agency')?.textContent === n, name);
  assert.ok((await page.locator('h1').innerText()).includes(name), 'the queue’s title names the agency');
  const counts = Object.fromEntries(await Promise.all(['overdue', 'due-soon', 'on-track'].map(async (id) =>
    [id, Number(await page.locator(`#count-${id} .figure-value`).getAttribute('data-value'))])));
  assert.deepEqual(counts, { overdue: expected.myQueueCounts.overdue, 'due-soon': expected.myQueueCounts.dueSoon, 'on-track': expected.myQueueCounts.onTrack });

  const rows = await page.locator('#queue-list li[data-code]').evaluateAll((lis) => lis.map((li) => ({
    code: li.dataset.code, urgency: li.dataset.urgency, mark: li.querySelector('.urgency')?.textContent ?? '',
  })));
  assert.deepEqual(rows.map((r) => r.code), expected.myQueue.map((q) => q.trackingCode), 'the API’s order: nearest due first');
  for (const r of rows) assert.ok(r.mark.endsWith(MARKS[r.urgency]), `${r.code} is marked ${r.urgency}`);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('the status and category filters narrow the queue', async () => {
  const api = await staffApi(USERS.agency);
  const all = (await api('{ myQueue(first: 200) { trackingCode status category } }')).myQueue;
  const status = all[0].status;
  const category = all[0].category;
  const page = await newPage(browser);
  await signIn(page, USERS.agency);
  await page.getByLabel('Trạng thái').selectOption(status);
  await page.getByLabel('Lĩnh vực').selectOption(category);
  await page.getByRole('button', { name: 'Lọc' }).click();
  await page.waitForFunction(() => document.querySelector('main')?.dataset.ready?.startsWith('#/queue?status='));
  const shown = await page.locator('#queue-list li[data-code]').evaluateAll((lis) => lis.map((li) => li.dataset.code));
  const expected = all.filter((q) => q.status === status && q.category === category).map((q) => q.trackingCode);
  assert.deepEqual(shown, expected);
  assert.ok(shown.length < all.length || all.every((q) => q.status === status && q.category === category));
  // The filters survive a reload (they are in the address).
  await page.reload();
  await page.waitForFunction(() => document.querySelector('main')?.dataset.ready?.startsWith('#/queue?status='));
  assert.equal(await page.getByLabel('Trạng thái').inputValue(), status);
  await page.context().close();
});
