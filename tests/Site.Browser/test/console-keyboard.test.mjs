// The operator's flow with the keyboard alone (issue 13, accessibility): Tab, Enter and typing, no
// clicks: sign in, open the new report from the inbox, verify it, find an agency in the picker and
// assign it. Focus must be visible on every control reached.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, screenshot } from './helpers.mjs';
import { AGENCY, CONSOLE, PASSWORD, reopenUntil, submitReport, tabTo, USERS, waitConsole } from './staff.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const focusVisible = (page) => page.evaluate(() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  return el.matches(':focus-visible') && style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
});

test('an operator verifies and assigns a new report with the keyboard only', async () => {
  const page = await newPage(browser);
  await page.goto(`${CONSOLE}#/sign-in`);
  await waitConsole(page, '#/sign-in');

  // The sign-in page puts focus on the login field.
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'login');
  await page.keyboard.type(USERS.operator.login);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'password');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await waitConsole(page, '#/inbox');

  // A report submitted now shows up in the open inbox by itself (it asks again every 10 s).
  const { trackingCode: code } = await submitReport('Cống thoát nước bị tắc trước số 30 Lê Lợi, thử nghiệm bàn phím.');
  await page.locator(`#open-${code}`).waitFor({ timeout: 45_000 });

  // The new report's row, reached by Tab; Enter opens it.
  await page.evaluate(() => document.activeElement?.blur());
  await tabTo(page, `#open-${code}`);
  assert.ok(await focusVisible(page), 'the focused link shows its focus');
  await page.keyboard.press('Enter');
  await page.waitForFunction((c) => document.querySelector('main')?.dataset.ready === `#/case/${c}`, code);

  // Verify: Tab to the form's button, Enter.
  await tabTo(page, '#form-verifyCase button[type=submit]');
  assert.ok(await focusVisible(page));
  await page.keyboard.press('Enter');
  await page.locator('#case-flash[data-action="verifyCase"]').waitFor();

  // Assign: type in the agency search, Enter picks the first match, Tab on to the form's button.
  await tabTo(page, '#form-assignCase input[type=search]');
  assert.ok(await focusVisible(page), 'the search box shows its focus');
  await page.keyboard.type('HEPCO');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement?.value), AGENCY, 'Enter picked the matching agency');
  await tabTo(page, '#form-assignCase button[type=submit]', 20);
  await page.keyboard.press('Enter');
  await page.locator('#case-flash[data-action="assignCase"]').waitFor();
  assert.match(await page.locator('#case-facts').innerText(), /HEPCO/);
  assert.ok(await page.locator('#staff-timeline tr[data-type="case_assigned"]').count(), 'the assignment is in the timeline');
  await screenshot(page, 'console-keyboard-assigned');
  assert.deepEqual(page.pageErrors, []);
  await page.context().close();
});

test('a required field left empty is named beside the field, reached by keyboard', async () => {
  const { trackingCode: code } = await submitReport('Đèn đường hỏng ở kiệt 5 Phan Đình Phùng, thử nghiệm kiểm tra trường.', { category: 'urban_infrastructure' });
  const page = await newPage(browser);
  await page.goto(`${CONSOLE}#/sign-in`);
  await waitConsole(page, '#/sign-in');
  await page.keyboard.type(USERS.operator.login);
  await page.keyboard.press('Tab');
  await page.keyboard.type(PASSWORD);
  await page.keyboard.press('Enter');
  await waitConsole(page, '#/inbox');
  await reopenUntil(page, `#/case/${code}`, '#form-rejectCase');
  await tabTo(page, '#form-rejectCase button[type=submit]');
  await page.keyboard.press('Enter');
  const error = page.locator('#form-rejectCase .field-error:not([hidden])');
  assert.equal(await error.innerText(), 'Vui lòng nhập mục này.');
  assert.equal(await page.evaluate(() => document.activeElement?.name), 'reason', 'focus moves to the field in error');
  assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('aria-invalid')), 'true');
  await page.context().close();
});
