import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, launch, newPage, SITE_URL, TIMEOUT, visit } from './helpers.mjs';

// The case page is live (issue 12): a change made through the API while the page is open shows up in place,
// without a reload, once the projection has it.

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function asOperator(query, variables) {
  const response = await fetch(`${SITE_URL}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${process.env.OPERATOR_KEY}` },
    body: JSON.stringify({ query, variables }),
    signal: AbortSignal.timeout(TIMEOUT),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

test("the case page shows a status change without a reload", async () => {
  const submitted = await gql(`mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment",
    description: "Rác thải ven sông (kiểm thử trực tiếp)", ward: "Phú Xuân", location: { latitude: 16.4759, longitude: 107.5676 } }) { trackingCode } }`);
  const code = submitted.submitCase.trackingCode;
  // The case is on the read side once the API finds it.
  for (let tries = 0; !(await gql('query($c: String!) { case(trackingCode: $c) { trackingCode } }', { c: code })).case; tries++) {
    assert.ok(tries < 100, 'the new case reaches the read side');
    await new Promise((r) => setTimeout(r, 100));
  }
  const page = await newPage(browser);
  await visit(page, `#/case/${code}`);
  assert.match(await page.innerText('main .case-status'), /Đã tiếp nhận/);
  // Wait until the page has subscribed and the server counts the subscription.
  await page.waitForFunction((c) => document.querySelector('main').dataset.live === c, code);
  for (let tries = 0; ; tries++) {
    const health = await (await fetch(`${SITE_URL}/health/ready`)).json();
    if (health.subscriptions.watchers >= 1) break;
    assert.ok(tries < 100, 'the server counts the page\'s subscription');
    await new Promise((r) => setTimeout(r, 100));
  }
  await page.evaluate(() => { window.notReloaded = true; });

  await asOperator('mutation($c: String!) { verifyCase(input: { trackingCode: $c }) { case { trackingCode } } }', { c: code });

  await page.waitForFunction(() => /Đã xác minh/.test(document.querySelector('main .case-status')?.textContent ?? ''));
  assert.equal(await page.evaluate(() => window.notReloaded), true, 'the page was not reloaded');
  assert.equal(await page.locator('#timeline > li').count(), 2, 'the new step is on the timeline');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('a case page opened the moment its report is sent shows it, then updates live when it is verified', async () => {
  for (const [viewport, name] of [[undefined, 'desktop'], [{ width: 390, height: 844 }, 'phone']]) {
    const page = await newPage(browser, viewport);
    // Opened before the case is read back: the write side has it, the public view may not yet.
    const submitted = await gql(`mutation { submitCase(input: { kind: FIELD_REPORT, category: "sanitation_environment",
      description: "Rác thải ven sông (mở trang ngay, ${name})", ward: "Phú Xuân", location: { latitude: 16.4759, longitude: 107.5676 } }) { trackingCode } }`);
    const code = submitted.submitCase.trackingCode;
    await page.goto(`${SITE_URL}/#/case/${code}`);
    // Never "not found": the page shows the case (or, for a moment, that it is being published), then the case.
    await page.waitForFunction(() => /Đã tiếp nhận/.test(document.querySelector('main .case-status')?.textContent ?? ''), null, { timeout: TIMEOUT });
    assert.equal(await page.locator('#not-found').count(), 0);
    await page.waitForFunction((c) => document.querySelector('main').dataset.live === c, code, { timeout: TIMEOUT });
    for (let tries = 0; ; tries++) {
      const health = await (await fetch(`${SITE_URL}/health/ready`)).json();
      if (health.subscriptions.watchers >= 1) break;
      assert.ok(tries < 100, 'the server counts the page\'s subscription');
      await new Promise((r) => setTimeout(r, 100));
    }
    await asOperator('mutation($c: String!) { verifyCase(input: { trackingCode: $c }) { case { trackingCode } } }', { c: code });
    await page.waitForFunction(() => /Đã xác minh/.test(document.querySelector('main .case-status')?.textContent ?? ''), null, { timeout: TIMEOUT });
    assert.equal(await page.locator('#not-found').count(), 0);
    assert.equal(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth), true, `no horizontal overflow (${name})`);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  }
});

test('a tracking code that exists nowhere still ends on "not found"', async () => {
  const page = await newPage(browser);
  await page.goto(`${SITE_URL}/#/case/HUE-1999-000001`);
  await page.waitForSelector('#not-found', { timeout: TIMEOUT });
  await page.context().close();
});
