// The staff console's main journey (issue 13): an operator verifies and assigns a new report, the
// agency accepts it and asks the citizen for more, the citizen's answer (through the API, with the
// case's secret) shows in the console, the agency resolves, and the public site shows it resolved.
// The same agency user cannot open another agency's case.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { launch, newPage, screenshot, visit } from './helpers.mjs';
import { AGENCY, openConsole, publicGql, reopenUntil, signIn, submitReport, USERS } from './staff.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('a report goes from the operator to the agency, the citizen answers, the agency resolves, and the public sees it resolved', async () => {
  const report = await submitReport('Rác thải đổ trộm ở đầu kiệt 12 Nguyễn Huệ, thử nghiệm bàn làm việc.');
  const code = report.trackingCode;

  // The operator: the report waits in the inbox; verify it, then assign it to HEPCO with a supporting agency.
  const op = await newPage(browser);
  await signIn(op, USERS.operator);
  await reopenUntil(op, '#/inbox?stage=TO_VERIFY', `#open-${code}`);
  const item = op.locator(`li[data-code="${code}"]`);
  assert.match(await item.innerText(), /Hạn xác minh/, 'the inbox shows the verification due time');
  await screenshot(op, 'console-inbox');
  await op.locator(`#open-${code}`).click();
  await op.waitForFunction((c) => document.querySelector('main')?.dataset.ready === `#/case/${c}`, code);
  await op.locator('#form-verifyCase button[type=submit]').click();
  await op.locator('#case-flash[data-action="verifyCase"]').waitFor();
  assert.ok(await op.locator('#staff-timeline tr[data-type="case_verified"]').count(), 'the timeline holds the verification');

  const assign = op.locator('#form-assignCase');
  await assign.getByLabel('Tìm cơ quan (Cơ quan chủ trì)').fill('HEPCO');
  await assign.getByRole('listbox', { name: /Cơ quan chủ trì/ }).selectOption(AGENCY);
  // The server's refusal (a supporting agency equal to the lead) lands beside the field it names.
  await assign.getByLabel('Tìm cơ quan (Cơ quan phối hợp)').fill('HEPCO');
  await assign.getByLabel(/\(hepco\)$/).check();
  await assign.locator('button[type=submit]').click();
  const refusal = assign.locator('fieldset[data-field="supportingAgencies"] .field-error:not([hidden])');
  await refusal.waitFor();
  assert.match(await refusal.innerText(), /khác cơ quan chủ trì/);
  assert.equal(await op.locator('#staff-timeline tr[data-type="case_assigned"]').count(), 0, 'nothing was assigned');
  await assign.getByLabel(/\(hepco\)$/).uncheck();
  await assign.getByLabel('Tìm cơ quan (Cơ quan phối hợp)').fill('cây xanh');
  await assign.getByLabel(/Trung tâm Công viên cây xanh Huế/).check();
  await assign.locator('button[type=submit]').click();
  await op.locator('#case-flash[data-action="assignCase"]').waitFor();
  const facts = await op.locator('#case-facts').innerText();
  assert.match(facts, /HEPCO/, 'the lead agency is shown');
  assert.match(facts, /cong-vien-cay-xanh-hue/, 'the supporting agency is shown');
  assert.ok(await op.locator('#reporter').count(), 'the operator sees the reporter’s contact');
  await screenshot(op, 'console-case-operator');

  // The agency: the case is in its queue; accept, then ask the citizen for a photo.
  const ag = await newPage(browser);
  await signIn(ag, USERS.agency);
  await reopenUntil(ag, '#/queue', `#open-${code}`);
  assert.match(await ag.locator(`li[data-code="${code}"]`).innerText(), /Trong hạn|Đến hạn|Quá hạn/, 'the queue marks the case’s urgency');
  await screenshot(ag, 'console-queue');
  await ag.locator(`#open-${code}`).click();
  await ag.waitForFunction((c) => document.querySelector('main')?.dataset.ready === `#/case/${c}`, code);
  await ag.locator('#form-acceptAssignment button[type=submit]').click();
  await ag.locator('#case-flash[data-action="acceptAssignment"]').waitFor();
  assert.ok(await ag.locator('#staff-timeline tr[data-type="assignment_accepted"]').count());
  await ag.locator('#form-requestInformation').getByLabel('Nội dung cần bổ sung').fill('Xin gửi thêm ảnh chụp vị trí rác.');
  await ag.locator('#form-requestInformation button[type=submit]').click();
  await ag.locator('#case-flash[data-action="requestInformation"]').waitFor();
  assert.equal(await ag.locator('#form-resolveCase').count(), 0, 'no resolving while the citizen is asked');

  // The citizen answers through the API with the case's secret; the agency sees the answer.
  const answer = 'Em đã gửi ảnh qua ứng dụng, rác ở ngay cột điện số 7.';
  await publicGql(`mutation P($input: ProvideInformationInput!) { provideInformation(input: $input) { case { status } } }`,
    { input: { trackingCode: code, text: answer, secret: report.secret } });
  await ag.reload();
  await ag.waitForFunction((c) => document.querySelector('main')?.dataset.ready === `#/case/${c}`, code);
  const provided = ag.locator('#staff-timeline tr[data-type="information_provided"]');
  assert.match(await provided.innerText(), /cột điện số 7/, 'the citizen’s answer is in the timeline');

  // Resolve with a public answer and document references (photos are uploaded from the device: evidence-journey).
  const resolve = ag.locator('#form-resolveCase');
  await resolve.getByLabel('Kết quả trả lời').fill('Đã thu gom rác và lắp biển cấm đổ rác.');
  await resolve.getByLabel('Mã tài liệu minh chứng (không phải ảnh)').fill('BB-2026/114\nQĐ-77');
  await resolve.locator('button[type=submit]').click();
  await ag.locator('#case-flash[data-action="resolveCase"]').waitFor();
  assert.ok(await ag.locator('#staff-timeline tr[data-type="case_resolved"]').count());
  await screenshot(ag, 'console-case-resolved');

  // The public site shows it resolved once the projection has caught up.
  const pub = await newPage(browser);
  let status = '';
  for (let i = 0; i < 30 && !/Đã xử lý/.test(status); i++) {
    await visit(pub, `#/case/${code}`);
    status = await pub.locator('.case-status').innerText().catch(() => '');
    if (!/Đã xử lý/.test(status)) { await pub.waitForTimeout(1000); await pub.goto('about:blank'); } // the projection's lag, bounded
  }
  assert.match(status, /Đã xử lý/, 'the public page says resolved');
  assert.match(await pub.locator('main').innerText(), /Đã thu gom rác/, 'with the public answer');
  for (const p of [op, ag, pub]) { assert.deepEqual(p.pageErrors, []); await p.context().close(); }
});

test('an agency user opening another agency’s case gets a clear message, not the case', async () => {
  const other = (await publicGql(`{ cases(where: { status: IN_PROGRESS }, first: 50) { nodes { trackingCode agency } } }`))
    .cases.nodes.find((c) => c.agency && c.agency !== AGENCY);
  assert.ok(other, 'the seed has a case of another agency');
  const ag = await newPage(browser);
  await signIn(ag, USERS.agency);
  await openConsole(ag, `#/case/${other.trackingCode}`);
  const problem = await ag.locator('#problem').innerText();
  assert.match(problem, /Không có quyền truy cập/);
  assert.match(problem, new RegExp(`không có quyền xem phản ánh, hồ sơ ${other.trackingCode}`));
  assert.equal(await ag.locator('#staff-timeline').count(), 0);
  await screenshot(ag, 'console-forbidden-case');
  await ag.context().close();
});

test('an unknown tracking code says not found', async () => {
  const op = await newPage(browser);
  await signIn(op, USERS.operator);
  await openConsole(op, '#/case/HUE-2000-999999');
  assert.match(await op.locator('#problem').innerText(), /Không tìm thấy phản ánh, hồ sơ có mã “HUE-2000-999999”/);
  await op.context().close();
});

