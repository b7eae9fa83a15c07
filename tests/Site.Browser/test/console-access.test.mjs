// Signing in and out of the staff console, and what a person sees when the server refuses: a wrong
// password, a locked or disabled account, a forged CSRF token, a page the role may not use; sign-out
// revokes the session (the old cookie no longer opens the console).

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { DATABASE, launch, newPage, REPO, screenshot } from './helpers.mjs';
import { CONSOLE, openConsole, publicGql, signIn, USERS, waitConsole } from './staff.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

async function trySignIn(page, login, password) {
  await page.getByLabel('Tên đăng nhập').fill(login);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.locator('#sign-in-error').waitFor();
  return page.locator('#sign-in-error').innerText();
}

test('the console without a session shows the sign-in page, its fields labelled', async () => {
  const page = await newPage(browser);
  await page.goto(`${CONSOLE}#/inbox`);
  await waitConsole(page, '#/sign-in');
  assert.equal(await page.locator('h1').innerText(), 'Đăng nhập');
  assert.equal(await page.getByLabel('Tên đăng nhập').count(), 1);
  assert.equal(await page.getByLabel('Mật khẩu').getAttribute('type'), 'password');
  await screenshot(page, 'console-sign-in');
  await page.context().close();
});

test('a wrong password, an unknown login and a disabled account each say so', async () => {
  const page = await newPage(browser);
  await page.goto(`${CONSOLE}#/sign-in`);
  await waitConsole(page, '#/sign-in');
  assert.equal(await trySignIn(page, USERS.operator.login, 'not-the-password'), 'Sai tên đăng nhập hoặc mật khẩu.');
  assert.equal(await page.getByLabel('Mật khẩu').inputValue(), '', 'the password field is cleared');
  assert.equal(await trySignIn(page, 'nobody-by-this-name', 'whatever-123'), 'Sai tên đăng nhập hoặc mật khẩu.');
  assert.match(await trySignIn(page, USERS.disabled.login, process.env.CONSOLE_PASSWORD ?? 'console-test-password-7'), /vô hiệu hóa/);
  await page.context().close();
});

test('repeated wrong passwords lock the account, and the page says until when', async () => {
  const page = await newPage(browser);
  await page.goto(`${CONSOLE}#/sign-in`);
  await waitConsole(page, '#/sign-in');
  let text = '';
  for (let i = 0; i < 8 && !/khóa/.test(text); i++) text = await trySignIn(page, USERS.lockable.login, `wrong-${i}`);
  assert.match(text, /Tài khoản tạm khóa do nhập sai mật khẩu nhiều lần/);
  assert.equal(await page.locator('#sign-in-error').getAttribute('data-code'), 'ACCOUNT_LOCKED');
  await screenshot(page, 'console-locked');
  await page.context().close();
});

test('sign-out revokes the session: a reload, even with the old cookie, shows the sign-in page', async () => {
  const page = await newPage(browser);
  await signIn(page, USERS.operator);
  const cookies = await page.context().cookies();
  assert.ok(cookies.some((c) => c.name === 'cases_session' && c.httpOnly), 'the session is an HTTP-only cookie');
  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await waitConsole(page, '#/sign-in');
  assert.equal(await page.locator('#sign-in-reason').innerText(), 'Bạn đã đăng xuất.');
  await page.context().addCookies(cookies); // the cookie from before signing out
  await page.goto(`${CONSOLE}#/inbox`);
  await waitConsole(page, '#/sign-in');
  assert.equal(await page.locator('#who-name').count(), 0, 'nobody is shown as signed in');
  await page.context().close();
});

test('a session that expires while the inbox is open sends the page back to sign-in, saying why', async () => {
  const page = await newPage(browser);
  await signIn(page, USERS.expiring);
  // The server's clock is real: end this user's session in the database, as eight hours would.
  execFileSync(path.join(REPO, 'scripts', 'db'), ['psql', '-d', DATABASE, '-qtAc',
    `update cases.staff_sessions set expires_at = now() - interval '1 second' where login = '${USERS.expiring.login}'`], { timeout: 30_000 });
  // The inbox's live connection checks its session (every 2 s here, run.sh), ends with SESSION_EXPIRED, and the
  // page goes to sign-in (the poll, once an hour here, is not what notices).
  await page.waitForFunction(() => (document.querySelector('main')?.dataset.ready ?? '').startsWith('#/sign-in'), null, { timeout: 30_000 });
  assert.equal(await page.locator('#sign-in-reason').innerText(), 'Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.');
  assert.equal(await page.locator('#who-name').count(), 0);
  // Signing in again returns to the page the reader was on.
  await page.getByLabel('Tên đăng nhập').fill(USERS.expiring.login);
  await page.getByLabel('Mật khẩu').fill(process.env.CONSOLE_PASSWORD ?? 'console-test-password-7');
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await waitConsole(page, '#/inbox');
  await page.context().close();
});

test('a forged CSRF token is refused with a message and a way to recover', async () => {
  const page = await newPage(browser);
  await signIn(page, USERS.operator);
  await page.route('**/graphql', (route) => route.continue({ headers: { ...route.request().headers(), 'x-csrf-token': 'forged' } }));
  await openConsole(page, '#/inbox?stage=TO_ASSIGN');
  assert.match(await page.locator('#problem').innerText(), /Mã bảo mật của phiên không hợp lệ/);
  await page.unroute('**/graphql');
  await page.locator('#reload-session').click();
  await page.waitForFunction(() => document.querySelector('main')?.dataset.ready === '#/inbox?stage=TO_ASSIGN' && !document.getElementById('problem'));
  assert.equal(await page.locator('#inbox-list').count(), 1, 'the page works again with the real token');
  await page.context().close();
});

test('an operator opening an auditor page is told it is for auditors', async () => {
  const page = await newPage(browser);
  await signIn(page, USERS.operator);
  await openConsole(page, '#/audit');
  const text = await page.locator('#problem').innerText();
  assert.match(text, /Không có quyền truy cập/);
  assert.match(text, /Trang kiểm toán chỉ dành cho kiểm toán viên và quản trị/);
  await page.context().close();
});

test('an auditor sees a case’s history, its state as of a moment, and the chain verified', async () => {
  const c = (await publicGql('{ cases(where: { status: RESOLVED }, first: 1) { nodes { trackingCode receivedAt resolvedAt } } }')).cases.nodes[0];
  const page = await newPage(browser);
  await signIn(page, USERS.auditor);
  await openConsole(page, `#/audit/${c.trackingCode}`);
  const events = await page.locator('#history li').count();
  assert.ok(events >= 4, 'every event is listed');
  assert.equal(await page.locator('#history li').first().getAttribute('data-type'), 'case_received');
  assert.equal(await page.locator('#chain').getAttribute('data-valid'), 'true');
  assert.match(await page.locator('#chain').innerText(), new RegExp(`${events} sự kiện`));

  // As of one minute after receipt, the case was just received; as of now, resolved.
  const local = (iso) => new Date(new Date(iso).getTime() + 7 * 3600_000 + 60_000).toISOString().slice(0, 16);
  await page.getByLabel('Thời điểm (giờ Huế)').fill(local(c.receivedAt));
  await page.getByRole('button', { name: 'Xem trạng thái' }).click();
  await page.waitForFunction(() => document.querySelector('main')?.dataset.ready?.includes('asOf='));
  const early = await page.locator('#state-at').innerText();
  assert.match(early, /Phiên bản\s+1\b/);
  assert.match(early, /Đã tiếp nhận/);
  await screenshot(page, 'console-audit');
  await page.context().close();
});

test('every console page has its fields labelled and one h1', async () => {
  const code = (await publicGql('{ cases(where: { status: IN_PROGRESS }, first: 1) { nodes { trackingCode } } }')).cases.nodes[0].trackingCode;
  const pages = [[USERS.operator, ['#/inbox?stage=TO_VERIFY', '#/inbox?stage=TO_ASSIGN', '#/inbox?stage=TO_REVIEW', `#/case/${code}`]],
    [USERS.agency, ['#/queue']], [USERS.auditor, ['#/audit', `#/audit/${code}`]]];
  for (const [user, routes] of pages) {
    const page = await newPage(browser);
    await signIn(page, user);
    for (const route of routes) {
      await openConsole(page, route);
      const report = await page.evaluate(() => ({
        unlabelled: [...document.querySelectorAll('input, select, textarea, button')].filter((el) => {
          if (el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return false;
          return el.tagName !== 'BUTTON' || !el.textContent.trim();
        }).map((el) => el.outerHTML.slice(0, 100)),
        h1: document.querySelectorAll('main h1').length,
        problem: document.getElementById('problem')?.innerText ?? null,
      }));
      assert.equal(report.problem, null, `${route} as ${user.login}`);
      assert.deepEqual(report.unlabelled, [], `${route}: every control has a label`);
      assert.equal(report.h1, 1, `${route}: one h1`);
    }
    await page.context().close();
  }
});

test('the header shows the calendar warning exactly when the API sets it, and the language switch works', async () => {
  const { calendar } = await publicGql('{ calendar { warning message } }');
  const page = await newPage(browser);
  await signIn(page, USERS.operator);
  await page.waitForFunction(() => document.getElementById('calendar-warning')?.dataset.checked === 'true');
  const box = page.locator('#calendar-warning');
  assert.equal(await box.isVisible(), calendar.warning);
  if (calendar.warning) assert.match(await box.innerText(), new RegExp(calendar.message.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
  await page.getByRole('button', { name: 'Switch to English' }).click();
  await page.waitForFunction(() => document.documentElement.lang === 'en' && document.querySelector('main')?.dataset.ready?.startsWith('#/inbox'));
  assert.equal(await page.locator('main h1').innerText(), 'Operator inbox');
  assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 1);
  await page.context().close();
});
