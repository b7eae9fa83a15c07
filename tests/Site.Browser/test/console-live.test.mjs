// The console's live pages (issue 13, part 6): an agency's open queue shows a case assigned to it, and the operator's
// inbox a new report, without a reload and without the poll (run.sh sets it to once an hour), over the WebSocket the
// session cookie signs in; without a live connection the page says it polls instead.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, SITE_URL, staffGql, TIMEOUT } from './helpers.mjs';
import { signIn, submitReport, USERS } from './staff.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const operatorKey = () => process.env.OPERATOR_KEY;

async function activeSubscriptions() {
  return (await (await fetch(`${SITE_URL}/health/ready`, { signal: AbortSignal.timeout(TIMEOUT) })).json()).subscriptions.active;
}

/**
 * Waits until the page's subscription is registered, so a change made next cannot slip in before it: the server
 * counts more live subscriptions than `before`. The count is global, so another page's socket closing meanwhile
 * (the previous test's, or another file's) can hide the rise: a count that stays put for a second after the page
 * went live counts as registered too (the subscribe message follows the connection's ack at once).
 */
async function subscribedBeyond(before) {
  const deadline = Date.now() + TIMEOUT;
  let last = await activeSubscriptions();
  let steadySince = Date.now();
  while (last <= before && Date.now() - steadySince < 1000) {
    assert.ok(Date.now() < deadline, 'the server counts the page’s subscription');
    await new Promise((r) => setTimeout(r, 100));
    const now = await activeSubscriptions();
    if (now !== last) { last = now; steadySince = Date.now(); }
  }
}

async function livePage(user) {
  const before = await activeSubscriptions();
  const page = await newPage(browser);
  await signIn(page, user);
  await page.waitForFunction(() => document.getElementById('live-mode')?.dataset.mode === 'live');
  assert.match(await page.locator('#live-mode').innerText(), /Trực tiếp/);
  await subscribedBeyond(before);
  await page.evaluate(() => { window.notReloaded = true; });
  return page;
}

test('an agency user’s open queue shows a case assigned to the agency without a reload or a poll', async () => {
  const { trackingCode: code } = await submitReport('Đèn đường hỏng cả dãy (kiểm thử hàng đợi trực tiếp)');
  await staffGql(operatorKey(), 'mutation($c: String!) { verifyCase(input: { trackingCode: $c }) { case { trackingCode } } }', { c: code });
  const page = await livePage(USERS.agency);
  assert.equal(await page.locator(`#queue-list li[data-code="${code}"]`).count(), 0, 'not in the queue before it is assigned');

  await staffGql(operatorKey(), 'mutation($c: String!, $a: ID!) { assignCase(input: { trackingCode: $c, leadAgency: $a }) { case { trackingCode } } }',
    { c: code, a: USERS.agency.agencyId });

  await page.locator(`#queue-list li[data-code="${code}"]`).waitFor({ timeout: TIMEOUT });
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  assert.equal(await page.locator('#live-mode').getAttribute('data-mode'), 'live');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('the operator’s inbox shows a new report without a reload or a poll', async () => {
  const page = await livePage(USERS.operator);
  const { trackingCode: code } = await submitReport('Cống thoát nước bị tắc (kiểm thử hộp thư trực tiếp)');
  await page.locator(`#inbox-list li[data-code="${code}"]`).waitFor({ timeout: TIMEOUT });
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('without a live connection the queue says it polls, and how often', async () => {
  const page = await newPage(browser);
  // The WebSocket is cut as soon as it opens, as a proxy that does not pass upgrades would.
  await page.routeWebSocket(/\/graphql$/, (ws) => ws.close({ code: 1011, reason: 'no upgrades here' }));
  await signIn(page, USERS.agency);
  await page.waitForFunction(() => document.getElementById('live-mode')?.dataset.mode === 'polling');
  assert.match(await page.locator('#live-mode').innerText(), /mỗi 3\.?600 giây/);
  await page.context().close();
});
