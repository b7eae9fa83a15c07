import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DATABASE, gql, launch, newPage, PHONE, publicCaseWhen, REPO, screenshot, SITE_URL, switchLanguage, visit, waitReady } from './helpers.mjs';

// Issue 22, Web Push: "notify me in this browser" on a case page reached with the secret. Headless Chromium has no
// connection to a real push service (FCM), so PushManager.subscribe cannot succeed here: the page's PushManager is
// given a synthetic subscription (a real P-256 key made by WebCrypto, an FCM-shaped endpoint) and everything else is
// real: the service worker the page registers, the server's VAPID key the page subscribes with, the mutation, the
// stored row, the error the server gives a foreign endpoint, translated. The service worker's push handler is then
// driven through the DevTools protocol (ServiceWorker.deliverPushMessage) and must show the notification.

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

function sql(query) {
  return execFileSync(path.join(REPO, 'scripts', 'db'), ['psql', '-d', DATABASE, '-tAc', query], { encoding: 'utf8', timeout: 30_000 }).trim();
}

const subscriptions = (endpoint) => Number(sql(`select count(*) from cases.push_subscriptions where endpoint = '${endpoint.replace(/'/g, "''")}'`));

async function submitted() {
  const { submitCase } = await gql(`mutation($input: SubmitCaseInput!) { submitCase(input: $input) { trackingCode secret } }`, {
    input: { kind: 'FIELD_REPORT', category: 'sanitation_environment', description: 'Rác tồn đọng (thử thông báo trình duyệt)', ward: 'Phú Xuân',
      location: { latitude: 16.4759, longitude: 107.5676 } },
  });
  await publicCaseWhen(submitCase.trackingCode, 'trackingCode', () => true);
  return submitCase;
}

/** The case page from the link that carries the secret (which the page takes out of the address at once). */
async function openWithSecret(page, code, secret) {
  await page.evaluate((hash) => { location.hash = hash; }, `#/case/${encodeURIComponent(code)}?secret=${encodeURIComponent(secret)}`);
  await waitReady(page, `#/case/${encodeURIComponent(code)}`);
}

/** The page's PushManager hands out a synthetic subscription to `endpoint`, and records how it was asked. */
async function syntheticPush(page, endpoint) {
  await page.context().grantPermissions(['notifications'], { origin: SITE_URL });
  await page.addInitScript((ep) => {
    const b64 = (b) => btoa(String.fromCharCode(...b)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const keys = (async () => {
      const pair = await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, true, ['deriveBits']);
      return { p256dh: b64(new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey))), auth: b64(crypto.getRandomValues(new Uint8Array(16))) };
    })();
    let current = null;
    PushManager.prototype.getSubscription = async function getSubscription() { return current; };
    PushManager.prototype.subscribe = async function subscribe(options) {
      window.pushAskedWith = { userVisibleOnly: options.userVisibleOnly, keyBytes: new Uint8Array(options.applicationServerKey).length };
      const k = await keys;
      current = { endpoint: ep, toJSON: () => ({ endpoint: ep, keys: k }), unsubscribe: async () => { current = null; return true; } };
      return current;
    };
  }, endpoint);
}

for (const [language, viewport] of [['vi', PHONE], ['en', undefined]]) {
  test(`the case page's button turns push on and off in this browser, through the site's service worker (${language})`, async () => {
    const { trackingCode: code, secret } = await submitted();
    const endpoint = `https://fcm.googleapis.com/fcm/send/browser-test-${language}-${Date.now()}`;
    const page = await newPage(browser, viewport);
    await page.route('**/tiles/**', (route) => route.abort());
    await syntheticPush(page, endpoint);
    await visit(page, '#/');
    if (language === 'en') { await switchLanguage(page); await page.waitForSelector('html[lang=en]'); }
    await openWithSecret(page, code, secret);
    const toggle = page.locator('#push-toggle');
    assert.equal((await toggle.textContent()).trim(), language === 'en' ? 'Notify me in this browser' : 'Nhận thông báo trên trình duyệt này');
    await screenshot(page, `push-off-${language}`);

    await toggle.click();
    await page.waitForSelector('#push-toggle[aria-pressed=true]');
    assert.match(await page.textContent('#push-state'), language === 'en' ? /^On: this browser will be told/ : /^Đang bật/);
    assert.equal(subscriptions(endpoint), 1);
    assert.equal(sql(`select language from cases.push_subscriptions where endpoint = '${endpoint}'`), language);
    // Subscribed with the server's VAPID public key (65 bytes), for messages the user sees.
    assert.deepEqual(await page.evaluate(() => window.pushAskedWith), { userVisibleOnly: true, keyBytes: 65 });
    const worker = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration('/'))?.active?.scriptURL ?? null);
    assert.equal(worker, `${SITE_URL}/sw.js`);
    await screenshot(page, `push-on-${language}`);

    // The service worker shows what the server pushes (delivered here through the DevTools protocol).
    const cdp = await page.context().newCDPSession(page);
    const registrations = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e) => registrations.push(...e.registrations));
    await cdp.send('ServiceWorker.enable');
    const deadline = Date.now() + 10_000;
    while (!registrations.some((r) => r.scopeURL === `${SITE_URL}/`) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const registration = registrations.find((r) => r.scopeURL === `${SITE_URL}/`);
    assert.ok(registration, 'the service worker is registered for the whole site');
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin: SITE_URL, registrationId: registration.registrationId,
      data: JSON.stringify({ title: `Phản ánh ${code} đã được xác minh`, body: 'Sẽ được giao cho cơ quan xử lý.', url: `/#/case/${code}`, tag: code }),
    });
    const shown = await page.waitForFunction(async (tag) => {
      const list = await (await navigator.serviceWorker.getRegistration('/')).getNotifications({ tag });
      return list.length ? { title: list[0].title, body: list[0].body, url: list[0].data?.url } : null;
    }, code, { timeout: 10_000 });
    assert.deepEqual(await shown.jsonValue(), { title: `Phản ánh ${code} đã được xác minh`, body: 'Sẽ được giao cho cơ quan xử lý.', url: `${SITE_URL}/#/case/${code}` });

    await toggle.click();
    await page.waitForSelector('#push-toggle[aria-pressed=false]');
    assert.equal(subscriptions(endpoint), 0);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
}

test('a browser whose push service is not a known one is told so in its language, and nothing is stored', async () => {
  const { trackingCode: code, secret } = await submitted();
  const endpoint = `https://push.evil.example/browser-test-${Date.now()}`;
  for (const language of ['vi', 'en']) {
    const page = await newPage(browser, PHONE);
    await page.route('**/tiles/**', (route) => route.abort());
    await syntheticPush(page, endpoint);
    await visit(page, '#/');
    if (language === 'en') { await switchLanguage(page); await page.waitForSelector('html[lang=en]'); }
    await openWithSecret(page, code, secret);
    await page.click('#push-toggle');
    await page.waitForSelector('#push-error:not([hidden])');
    assert.equal((await page.textContent('#push-error')).trim(), language === 'en'
      ? 'This browser uses a notification service that is not supported.' : 'Trình duyệt này dùng một dịch vụ thông báo không được hỗ trợ.');
    assert.equal(await page.getAttribute('#push-toggle', 'aria-pressed'), 'false');
    await screenshot(page, `push-foreign-${language}`);
    await page.context().close();
  }
  assert.equal(subscriptions(endpoint), 0);
});

test('the button is not offered without Push support, nor without the secret', async () => {
  const { trackingCode: code, secret } = await submitted();
  const page = await newPage(browser);
  await page.route('**/tiles/**', (route) => route.abort());
  await page.addInitScript(() => { delete window.PushManager; });
  await visit(page, '#/');
  await openWithSecret(page, code, secret);
  await page.waitForSelector('#followup');
  assert.equal(await page.locator('#push').count(), 0);
  await page.context().close();

  const plain = await newPage(browser);
  await plain.route('**/tiles/**', (route) => route.abort());
  await visit(plain, `#/case/${encodeURIComponent(code)}`);
  assert.equal(await plain.locator('#push').count(), 0);
  await plain.context().close();
});
