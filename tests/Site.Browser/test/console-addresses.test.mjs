import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DATABASE, launch, newPage, PHONE, REPO, screenshot, switchLanguage } from './helpers.mjs';
import { openConsole, signIn, USERS } from './staff.mjs';

// Issue 22: the admin sets an agency's notification and escalation addresses in the console; a refused address is
// named beside its field in the console's language; the change is stored and audited. On a phone and a desktop.

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const stored = (agency) => execFileSync(path.join(REPO, 'scripts', 'db'),
  ['psql', '-d', DATABASE, '-tAc', `select coalesce(notify_email, '-') || ' ' || coalesce(escalation_email, '-') from cases.agencies where id = '${agency}'`],
  { encoding: 'utf8', timeout: 30_000 }).trim();

for (const [language, viewport] of [['vi', PHONE], ['en', undefined]]) {
  test(`an admin sets and clears an agency's notification addresses, and a bad one is named beside its field (${language})`, async () => {
    const page = await newPage(browser, viewport);
    await signIn(page, USERS.admin);
    if (language === 'en') { await switchLanguage(page); await page.waitForSelector('html[lang=en]'); }
    // On a phone the navigation is in the header's menu.
    if (await page.locator('#menu-toggle').isVisible()) await page.click('#menu-toggle');
    await page.click('#nav-links a[data-route=agency-addresses]');
    await page.waitForSelector('#agency-addresses form[data-agency=hepco]');
    await page.fill('#addresses-filter', 'hepco');
    const row = page.locator('#agency-addresses form[data-agency=hepco]');
    const email = row.locator('input[name=email]');
    const escalation = row.locator('input[name=escalationEmail]');

    await email.fill('sai địa chỉ');
    await row.getByRole('button').click();
    const error = row.locator('[data-field=email] .field-error');
    await error.waitFor({ state: 'visible' });
    assert.equal((await error.textContent()).trim(), language === 'en' ? 'The notification address is not valid.' : 'Địa chỉ thư nhận thông báo chưa hợp lệ.');
    await screenshot(page, `console-addresses-error-${language}`);

    const address = `dieuhanh.${language}@hepco.test`;
    await email.fill(address);
    await escalation.fill(`giamdoc.${language}@hepco.test`);
    await row.getByRole('button').click();
    await row.locator('.form-status.ok').waitFor();
    assert.equal((await row.locator('.form-status').textContent()).trim(), language === 'en' ? 'Saved.' : 'Đã lưu.');
    assert.equal(stored('hepco'), `${address} giamdoc.${language}@hepco.test`);
    await screenshot(page, `console-addresses-saved-${language}`);

    await escalation.fill('');
    await row.getByRole('button').click();
    const deadline = Date.now() + 10_000;
    while (stored('hepco') !== `${address} -` && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
    assert.equal(stored('hepco'), `${address} -`);
    assert.equal(await escalation.inputValue(), '');

    // The change is in the staff audit log, by name.
    await openConsole(page, '#/staff-audit?event=agency_notification_address');
    assert.match(await page.textContent('#staff-audit'), /hepco/);
    assert.deepEqual(page.pageErrors, []);
    await page.context().close();
  });
}

test('the page is not offered to an operator, and the server refuses it', async () => {
  const page = await newPage(browser);
  await signIn(page, USERS.operator);
  assert.equal(await page.locator('#nav-links a[data-route=agency-addresses]').count(), 0);
  await page.goto(`${page.url().split('#')[0]}#/agency-addresses`);
  await page.waitForFunction(() => (document.querySelector('main')?.dataset.ready ?? '') === '#/agency-addresses');
  assert.equal(await page.locator('#agency-addresses').count(), 0);
  await page.context().close();
});
