import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, PHONE, screenshot, SITE_URL, visit } from './helpers.mjs';

// Issue 22: a citizen opts in on the report form, receives the receipt at the SMTP server run.sh starts (smtp4dev),
// follows the unsubscribe link in it, and the page confirms. On a phone's viewport, in Vietnamese and English.
const SMTP4DEV = process.env.SMTP4DEV_URL;

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function mailTo(address) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const page = await (await fetch(`${SMTP4DEV}/api/messages?pageSize=1000`)).json();
    const found = page.results.find((m) => m.to.some((t) => t.toLowerCase().includes(address)));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no message to ${address} within 60 s`);
}

for (const [language, viewport] of [['vi', PHONE], ['en', undefined]]) {
  test(`a citizen opts in on the form, unsubscribes from the link in the e-mail, and the page confirms (${language})`, async () => {
    const email = `notify.${language}.${Date.now()}@example.vn`;
    const page = await newPage(browser, viewport);
    await page.route('**/tiles/**', (route) => route.abort());
    await visit(page, '#/report');
    if (language === 'en') { await page.click('#lang-switch'); await page.waitForSelector('html[lang=en] #report-category'); }
    await page.selectOption('#report-category', 'sanitation_environment');
    await page.fill('#report-description', 'Rác tồn đọng ở đầu kiệt');
    await page.fill('#report-ward', 'Thuận Hóa');
    // A field report needs its place (issue 20): a point on the map.
    await page.click('#report-map', { position: { x: 220, y: 140 } });
    await page.waitForSelector('#report-map[data-place]');
    await page.fill('input[name=email]', email);
    await page.check('#notify-email');
    await page.selectOption('#report-language', language === 'en' ? 'EN' : 'VI');
    await screenshot(page, `notifications-form-${language}`);
    await page.click('#report-send');
    await page.waitForSelector('#report-done');
    const code = (await page.textContent('#done-code')).trim();

    const mail = await mailTo(email);
    assert.equal(mail.subject, language === 'en' ? `Report ${code} received` : `Đã nhận phản ánh ${code}`);
    const text = await (await fetch(`${SMTP4DEV}/api/messages/${mail.id}/plaintext`)).text();
    const link = new URL(text.match(/https?:\/\/\S+\/notifications\/unsubscribe\?\S+/)[0]);
    await page.goto(`${SITE_URL}${link.pathname}${link.search}`);
    await page.click('#confirm-unsubscribe');
    await page.waitForSelector('#unsubscribe-message');
    const confirmed = await page.textContent('#unsubscribe-message');
    assert.match(confirmed, language === 'en' ? new RegExp(`no more messages about report ${code}`) : new RegExp(`không nhận thêm thông báo nào về phản ánh ${code}`));
    await screenshot(page, `notifications-unsubscribed-${language}`);
  });
}
