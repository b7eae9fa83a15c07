// Issue 20 end to end: a citizen on a 390 px phone reports with a photo and keeps the receipt; their own page shows
// what they sent before verification; the operator sees the photo and the map, edits the public summary and
// verifies; the agency resolves with an after photo uploaded from the form; the public page shows it; the rating
// cannot be sent without a score; the citizen reopens and the report is back in the same agency's queue with its
// badge and reason. Every page visited is checked for horizontal overflow at 390 px.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, launch, newPage, noHorizontalOverflow, PHONE, pickPhotos, publicCaseWhen, screenshot, SITE_URL, visit, waitReady } from './helpers.mjs';
import { AGENCY, openConsole, reopenUntil, signIn, staffApi, USERS } from './staff.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const noOverflow = noHorizontalOverflow;

test('a report with its evidence from the phone through the operator and the agency back to the citizen', async () => {
  // The citizen, on a phone.
  const phone = await newPage(browser, PHONE);
  await phone.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: SITE_URL });
  await phone.route('**/tiles/**', (route) => route.abort());
  await visit(phone, '#/report');
  await noOverflow(phone, 'the report form');
  await phone.selectOption('#report-category', 'sanitation_environment');
  // A word of its own (letters: a long number would be masked as a phone number in the default summary).
  const tag = [...Array(8)].map(() => 'bcdghklmnpqrstvx'[Math.floor(Math.random() * 16)]).join('');
  const description = `Rác đổ trộm ven sông Như Ý, bãi ${tag}, bốc mùi cả tuần`;
  await phone.fill('#report-description', description);
  await phone.evaluate(() => { navigator.geolocation.getCurrentPosition = (ok) => ok({ coords: { latitude: 16.4668, longitude: 107.5947 } }); });
  await phone.click('#report-locate');
  await phone.waitForFunction(() => document.querySelector('#report-ward').value === 'Thuận Hóa');
  await pickPhotos(phone, '#report-photos', ['#3a7']);
  await phone.click('#report-send');
  await phone.waitForSelector('#report-done');
  const code = (await phone.textContent('#done-code')).trim();
  const secret = (await phone.textContent('#done-secret')).trim();
  await noOverflow(phone, 'the receipt');
  const box = await phone.locator('#done-secret').boundingBox();
  assert.ok(box.x + box.width <= PHONE.width, 'the secret wraps inside the card');
  await phone.click('#copy-secret');
  await phone.waitForFunction(() => document.querySelector('#copy-secret-done').textContent.length > 0);
  assert.equal(await phone.evaluate(() => navigator.clipboard.readText()), secret);
  assert.match(await phone.textContent('#report-done'), /Ghi nhớ trên thiết bị này/);
  await screenshot(phone, 'issue20-receipt-phone');

  // Before verification, the link with the secret shows the citizen what they sent; without it nothing of it shows.
  await phone.click('#done-link');
  await phone.waitForSelector('#own-report #own-photos img');
  assert.equal(await phone.textContent('#own-description'), description);
  assert.ok(await phone.$eval('#own-photos img', (img) => img.complete ? img.naturalWidth > 0 : new Promise((r) => { img.onload = () => r(true); })));
  await noOverflow(phone, 'the own case page');
  await screenshot(phone, 'issue20-own-case-phone');
  const stranger = await newPage(browser, PHONE);
  await visit(stranger, `#/case/${code}`);
  assert.equal(await stranger.locator('#own-report').count(), 0);
  assert.ok(!(await stranger.textContent('main')).includes(description));

  // The operator, on a desktop: the photo and the map in the inbox and on the case page; the summary edited and verified.
  const op = await newPage(browser, DESKTOP);
  await op.route('**/tiles/**', (route) => route.abort());
  await signIn(op, USERS.operator);
  await reopenUntil(op, `#/inbox?stage=TO_VERIFY&q=${code}`, `[data-code="${code}"]`);
  const row = op.locator(`[data-code="${code}"]`);
  await row.locator('.thumbs img').first().waitFor();
  assert.ok(await row.locator('.thumbs img').first().evaluate((img) => img.complete ? img.naturalWidth > 0 : new Promise((r) => { img.onload = () => r(true); img.onerror = () => r(false); })),
    'the thumbnail loads for the signed-in console');
  await op.waitForSelector(`[data-code="${code}"] .mini-map[data-drawn="true"] .leaflet-marker-icon`);
  assert.equal(await op.textContent('#stage-count-TO_VERIFY'), '1', 'the tab counts what the search finds');
  await screenshot(op, 'issue20-inbox-desktop');
  await openConsole(op, `#/case/${code}`);
  await op.waitForSelector('#evidence .case-map[data-drawn="true"] .leaflet-marker-icon');
  await op.click('#photos-reported a.thumb');
  await op.waitForSelector('#photo-viewer[open] #viewer-img');
  assert.ok(await op.$eval('#viewer-img', (img) => img.complete ? img.naturalWidth > 320 : new Promise((r) => { img.onload = () => r(img.naturalWidth > 320); })), 'full size on click');
  await op.click('#viewer-close');
  const summary = op.locator('#form-verifyCase textarea[name=publicSummary]');
  assert.equal(await summary.inputValue(), description, 'the default summary is offered');
  const edited = `Rác đổ trộm ven sông Như Ý (${code})`;
  await summary.fill(edited);
  assert.equal(await op.textContent('#form-verifyCase .public-preview'), edited, 'what the public will read is previewed');
  await screenshot(op, 'issue20-verify-desktop');
  await op.click('#form-verifyCase button[type=submit]');
  await op.waitForSelector('#case-flash');
  assert.equal((await publicCaseWhen(code, 'summary', (x) => x.summary)).summary, edited);

  // Assigned to the agency, who resolves from the form with a photo taken on the device.
  const operatorApi = await staffApi(USERS.operator);
  await operatorApi('mutation($i: AssignCaseInput!) { assignCase(input: $i) { case { version } } }', { i: { trackingCode: code, leadAgency: AGENCY } });
  const agencyApi = await staffApi(USERS.agency);
  await agencyApi('mutation($i: AcceptAssignmentInput!) { acceptAssignment(input: $i) { case { version } } }', { i: { trackingCode: code } });
  const agency = await newPage(browser, DESKTOP);
  await signIn(agency, USERS.agency);
  await openConsole(agency, `#/case/${code}`);
  await agency.fill('#form-resolveCase textarea[name=publicAnswer]', 'Đã thu gom và rắc vôi khử trùng.');
  await pickPhotos(agency, '#form-resolveCase input[type=file]', ['#58c']);
  await agency.waitForSelector('#form-resolveCase .previews img');
  await agency.click('#form-resolveCase button[type=submit]');
  await agency.waitForSelector('#case-flash');
  await agency.waitForSelector('#photos-after img');
  const resolved = await publicCaseWhen(code, 'status afterPhotos { url }', (x) => x.status === 'RESOLVED' && x.afterPhotos.length === 1);
  await visit(phone, '#/'); // the same hash again would not draw the page anew
  await visit(phone, `#/case/${code}`);
  await phone.waitForSelector('#photos-after img');
  assert.equal(resolved.afterPhotos.length, 1);

  // The rating has no default; the citizen reopens instead.
  await phone.fill('#followup-secret', secret);
  assert.equal(await phone.inputValue('#followup-score'), '');
  await phone.click('#followup-rate button[type=submit]');
  await phone.waitForSelector('#score-error:not([hidden])');
  assert.match(await phone.textContent('#score-error'), /chọn số sao/);
  await phone.fill('#followup-reopen textarea[name=reason]', 'Rác lại bị đổ thêm sau hai ngày');
  await phone.click('#followup-reopen button[type=submit]');
  await phone.waitForSelector('#followup-done:not([hidden])');
  await noOverflow(phone, 'the case page with the follow-up');
  await screenshot(phone, 'issue20-case-phone');

  // Back in the same agency's queue, with its badge and reason.
  await reopenUntil(agency, `#/queue?q=${code}`, `[data-code="${code}"] .flag-reopened`);
  assert.match(await agency.textContent(`[data-code="${code}"] .flag-reason`), /Rác lại bị đổ thêm/);
  await screenshot(agency, 'issue20-queue-desktop');
  const agencyPhone = await newPage(browser, PHONE);
  await agencyPhone.route('**/tiles/**', (route) => route.abort());
  await signIn(agencyPhone, USERS.agency);
  await openConsole(agencyPhone, `#/queue?q=${code}`);
  await noOverflow(agencyPhone, 'the queue');
  await openConsole(agencyPhone, `#/case/${code}`);
  await noOverflow(agencyPhone, 'the staff case page');
  await screenshot(agencyPhone, 'issue20-staff-case-phone');
  const opPhone = await newPage(browser, PHONE);
  await opPhone.route('**/tiles/**', (route) => route.abort());
  await signIn(opPhone, USERS.operator);
  await noOverflow(opPhone, 'the inbox');
  await screenshot(opPhone, 'issue20-inbox-phone');
  for (const p of [phone, op, agency]) assert.deepEqual(p.pageErrors, []);
});

test('the inbox pages by keyset with counts, and a merge asks for confirmation and only into an older case', async () => {
  const op = await newPage(browser, DESKTOP);
  await op.route('**/tiles/**', (route) => route.abort());
  await signIn(op, USERS.operator);
  const total = Number(await op.getAttribute('#inbox-list', 'data-total'));
  assert.equal(await op.textContent('#stage-count-TO_VERIFY'), String(total));
  const first = Number(await op.getAttribute('#inbox-list', 'data-count'));
  if (total > first) {
    await op.click('#inbox-more');
    await op.waitForFunction((n) => Number(document.querySelector('#inbox-list').dataset.count) > n, first);
    const codes = await op.locator('#inbox-list > li').evaluateAll((lis) => lis.map((li) => li.dataset.code));
    assert.equal(new Set(codes).size, codes.length, 'no item twice across pages');
  }
  const ask = op.locator('button[id^="dup-"]:not([id^="dup-yes"]):not([id^="dup-no"])').first();
  if (await ask.count()) {
    await ask.click();
    const confirm = op.locator('.merge-confirm:not([hidden])').first();
    assert.match(await confirm.textContent(), /nhận trước/);
    await confirm.locator('button[id^="dup-no"]').click();
  }
  assert.deepEqual(op.pageErrors, []);
});

test('the auditor reads Vietnamese, hashes and names, and the exported history verifies with audit verify --file', async () => {
  const { execFileSync } = await import('node:child_process');
  const { mkdtempSync, readFileSync } = await import('node:fs');
  const os = await import('node:os');
  const pathMod = await import('node:path');
  const code = (await (await staffApi(USERS.operator))('{ inbox(stage: TO_REVIEW, first: 1) { trackingCode } }')).inbox[0]?.trackingCode
    ?? (await (await staffApi(USERS.operator))('{ inbox(stage: TO_VERIFY, first: 1) { trackingCode } }')).inbox[0].trackingCode;
  for (const viewport of [DESKTOP, PHONE]) {
    const page = await newPage(browser, viewport);
    await signIn(page, USERS.auditor);
    await openConsole(page, `#/audit/${code}`);
    const json = await page.locator('#history pre.event-json').first().textContent();
    assert.ok(!/\\u[0-9a-fA-F]{4}/.test(json), 'no \\u escapes in the event data');
    assert.match(json, /[ạảãàáâậầấẩẫăắằặẳẵđêếềểễệôốồổỗộơớờởỡợưứừửữựíìỉĩịýỳỷỹỵúùủũụóòỏõọéèẻẽẹ]/i, 'Vietnamese as written');
    assert.match(await page.locator('#history code.hash').first().textContent(), /^[0-9a-f]{64}$/);
    assert.ok((await page.locator('#history .actor-name').allTextContents()).every((n) => !n.startsWith('user:')), 'people by name');
    await noHorizontalOverflow(page, 'the audit page');
    await screenshot(page, `issue20-audit-${viewport.width}`);
    if (viewport === DESKTOP) {
      const dir = mkdtempSync(pathMod.join(os.tmpdir(), 'export-'));
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-history')]);
      const file = pathMod.join(dir, download.suggestedFilename());
      await download.saveAs(file);
      assert.match(readFileSync(file, 'utf8'), /"format": "cases-history\/1"/);
      const out = execFileSync('dotnet', [process.env.SITE_DLL, 'audit', 'verify', '--file', file], { encoding: 'utf8' });
      assert.match(out, /valid/);
      await openConsole(page, '#/staff-audit?event=sign_in');
      await page.waitForSelector('#staff-audit tbody tr[data-event="sign_in"]');
      assert.match(await page.textContent('#staff-audit'), /Kiểm toán viên thử nghiệm/);
    }
    assert.deepEqual(page.pageErrors, []);
  }
});
