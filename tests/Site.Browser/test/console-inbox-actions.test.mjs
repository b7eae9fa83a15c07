// The operator's inbox acts from the row (issue 13, 2), with the keyboard alone: verify a new report, reject one
// with a reason (an empty reason is named beside its field first), and assign a verified one to a lead agency
// found by typing in the row's agency picker. Each case leaves the stage at once and the API shows the change.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, screenshot } from './helpers.mjs';
import { AGENCY, reopenUntil, signIn, staffApi, submitReport, tabTo, USERS } from './staff.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const STATUS = 'query($c: String!) { staffCase(trackingCode: $c) { case { status leadAgency } timeline { type data } } }';

async function gone(page, code) {
  await page.locator(`#inbox-list li[data-code="${code}"]`).waitFor({ state: 'detached' });
}

test('an operator verifies, rejects with a reason and assigns from inbox rows, by keyboard', async () => {
  const api = await staffApi(USERS.operator);
  const toVerify = (await submitReport('Ổ gà lớn giữa đường (kiểm thử thao tác trong hộp thư)')).trackingCode;
  const toReject = (await submitReport('Phản ánh thử không đúng sự thật (kiểm thử từ chối trong hộp thư)')).trackingCode;
  const page = await newPage(browser);
  await signIn(page, USERS.operator);
  await reopenUntil(page, '#/inbox?stage=TO_VERIFY', `li[data-code="${toReject}"]`);
  await reopenUntil(page, '#/inbox?stage=TO_VERIFY', `li[data-code="${toVerify}"]`);

  // Verify: Tab to the row's button, Enter.
  await tabTo(page, `#verify-${toVerify}`);
  await page.keyboard.press('Enter');
  await gone(page, toVerify);
  assert.match(await page.locator('#inbox-status').innerText(), new RegExp(`Xác minh cho ${toVerify}`));
  assert.equal((await api(STATUS, { c: toVerify })).staffCase.case.status, 'VERIFIED');

  // Reject: open the row's form, send it empty (the error is beside the reason, which takes focus), then with a reason.
  await tabTo(page, `#reject-${toReject} > summary`);
  await page.keyboard.press('Enter');
  await tabTo(page, `#reject-submit-${toReject}`);
  await page.keyboard.press('Enter');
  const error = page.locator(`#reject-form-${toReject} .field-error:not([hidden])`);
  await error.waitFor();
  assert.equal(await error.innerText(), 'Vui lòng nhập mục này.');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'reason', 'the empty field has the focus');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), 'true');
  await screenshot(page, 'console-inbox-reject-error');
  await page.keyboard.type('Không có sự việc tại địa điểm nêu trong phản ánh.');
  await tabTo(page, `#reject-submit-${toReject}`);
  await page.keyboard.press('Enter');
  await gone(page, toReject);
  const rejected = (await api(STATUS, { c: toReject })).staffCase;
  assert.equal(rejected.case.status, 'REJECTED');
  const rejection = rejected.timeline.find((e) => /reject/i.test(e.type));
  assert.ok(rejection, `a rejection in the timeline: ${rejected.timeline.map((e) => e.type).join(', ')}`);
  assert.match(JSON.stringify(JSON.parse(rejection.data)), /Không có sự việc tại địa điểm/, 'the reason is recorded');

  // Assign: the verified report waits in "to assign"; the row's picker finds HEPCO by typing, Enter takes it.
  await reopenUntil(page, '#/inbox?stage=TO_ASSIGN', `li[data-code="${toVerify}"]`);
  await tabTo(page, `#assign-${toVerify} > summary`);
  await page.keyboard.press('Enter');
  // Sent with no agency chosen: the picker says so beside itself.
  await tabTo(page, `#assign-submit-${toVerify}`);
  await page.keyboard.press('Enter');
  await page.locator(`#assign-form-${toVerify} .field-error:not([hidden])`).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'leadAgency', 'the agency list has the focus');
  await page.keyboard.press('Shift+Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.type), 'search', 'its search box is just before it');
  await page.keyboard.type('HEPCO');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.value), AGENCY, 'Enter took the first match');
  await tabTo(page, `#assign-submit-${toVerify}`);
  await page.keyboard.press('Enter');
  await gone(page, toVerify);
  const assigned = (await api(STATUS, { c: toVerify })).staffCase.case;
  assert.equal(assigned.status, 'ASSIGNED');
  assert.equal(assigned.leadAgency, AGENCY);
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});
