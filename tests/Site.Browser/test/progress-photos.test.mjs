// Issue 20, part 2: the agency's progress note carries photos from the device (the camera on a phone), previewed before
// sending; staff see them on the case page, and the public page shows them with the note, as it shows after photos.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, launch, newPage, noHorizontalOverflow, PHONE, pickPhotos, screenshot, SITE_URL, visit } from './helpers.mjs';
import { AGENCY, openConsole, signIn, staffApi, submitReport, USERS } from './staff.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const loaded = (img) => (img.complete ? img.naturalWidth > 0 : new Promise((r) => { img.onload = () => r(true); img.onerror = () => r(false); }));

for (const viewport of [PHONE, DESKTOP]) {
  test(`the agency notes progress with a photo from the device on ${viewport.width} px, and the public page shows it`, async () => {
    const { trackingCode: code } = await submitReport(`Cống thoát nước bị tắc trên đường Chi Lăng (${viewport.width})`);
    const operatorApi = await staffApi(USERS.operator);
    await operatorApi('mutation($i: VerifyCaseInput!) { verifyCase(input: $i) { case { version } } }', { i: { trackingCode: code } });
    await operatorApi('mutation($i: AssignCaseInput!) { assignCase(input: $i) { case { version } } }', { i: { trackingCode: code, leadAgency: AGENCY } });
    const agencyApi = await staffApi(USERS.agency);
    await agencyApi('mutation($i: AcceptAssignmentInput!) { acceptAssignment(input: $i) { case { version } } }', { i: { trackingCode: code } });

    const page = await newPage(browser, viewport);
    await page.route('**/tiles/**', (route) => route.abort());
    await signIn(page, USERS.agency);
    await openConsole(page, `#/case/${code}`);
    const input = page.locator('#form-noteProgress input[type=file]');
    assert.equal(await input.getAttribute('capture'), 'environment', 'the camera is offered on a phone');
    await page.fill('#form-noteProgress textarea[name=publicText]', 'Đội thoát nước đang nạo vét đoạn cống bị tắc.');
    await pickPhotos(page, '#form-noteProgress input[type=file]', ['#2a6', '#a62']);
    await page.waitForSelector('#form-noteProgress .previews img');
    assert.equal(await page.locator('#form-noteProgress .previews img').count(), 2, 'both photos are previewed before sending');
    await noHorizontalOverflow(page, 'the progress form with its previews');
    await screenshot(page, `progress-photos-form-${viewport.width}`);
    await page.click('#form-noteProgress button[type=submit]');
    await page.waitForSelector('#case-flash');
    await page.waitForSelector('#photos-progress img');
    const thumbs = page.locator('#photos-progress img');
    assert.equal(await thumbs.count(), 2);
    assert.ok(await thumbs.first().evaluate(loaded), 'the photo loads for the signed-in agency');
    await noHorizontalOverflow(page, 'the staff case page with progress photos');
    await screenshot(page, `progress-photos-case-${viewport.width}`);

    // The public page shows the note's photos, served to anyone.
    const data = await operatorApi('query($c: String!) { staffCase(trackingCode: $c) { timeline { type data } } }', { c: code });
    const ids = JSON.parse(data.staffCase.timeline.find((e) => e.type === 'progress_noted').data).mediaRefs;
    assert.equal(ids.length, 2);
    for (const id of ids) assert.equal((await fetch(`${SITE_URL}/media/${id}/thumbnail`)).status, 200, 'public with the note');
    const citizen = await newPage(browser, viewport);
    await citizen.route('**/tiles/**', (route) => route.abort());
    await visit(citizen, `#/case/${code}`);
    await citizen.waitForSelector('#photos-progress img');
    assert.equal(await citizen.locator('#photos-progress img').count(), 2);
    assert.ok(await citizen.locator('#photos-progress img').first().evaluate(loaded), 'the photo loads for the public');
    assert.match(await citizen.textContent('#photos-progress-h'), /Ảnh công việc đang làm/);
    await screenshot(citizen, `progress-photos-public-${viewport.width}`);
    await noHorizontalOverflow(citizen, 'the public case page');
    for (const p of [page, citizen]) assert.deepEqual(p.pageErrors, []);
  });
}
