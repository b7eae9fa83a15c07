import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, gql, noHorizontalOverflow, launch, newPage, PHONE as PHONE_VIEWPORT, pickPhotos, publicCaseWhen, screenshot, SITE_URL, staffGql, staffKey, visit, waitReady } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = '0905 771 234';
const EMAIL = 'zqx.citizen@example.vn';
// A name and a house address typed into the description: the default summary masks them as it does contacts.
const NAME = 'Phạm Thị Hoa', ADDRESS = 'số 5 Lê Lợi';

test('a citizen reports with two photos and a place, the center verifies, the public sees it, the citizen rates it', async () => {
  const page = await newPage(browser);
  await page.route('**/tiles/**', (route) => route.abort());
  await visit(page, '#/report');
  await page.selectOption('#report-category', 'urban_infrastructure');
  await page.fill('#report-description', `Nắp cống bị vỡ trước ${ADDRESS}, rất nguy hiểm. Tôi là chị ${NAME}, liên hệ ${PHONE} hoặc ${EMAIL}`);
  await page.fill('#report-ward', 'Thuận Hóa');
  await page.click('#report-map', { position: { x: 220, y: 140 } });
  await page.waitForSelector('#report-map[data-place]');
  await pickPhotos(page, '#report-photos', ['#2a6', '#a62']);
  await page.fill('input[name=phone]', PHONE);
  await screenshot(page, 'report-form');
  await page.click('#report-send');
  await page.waitForSelector('#report-done');
  const code = (await page.textContent('#done-code')).trim();
  const secret = (await page.textContent('#done-secret')).trim();
  assert.match(code, /^HUE-\d{4}-\d{6}$/);
  assert.match(secret, /^cs_/);
  assert.match(await page.textContent('#report-done'), /mã bí mật/i);
  await screenshot(page, 'report-done');
  const doneLink = await page.getAttribute('#done-link', 'href');

  // The center verifies and resolves it through the API.
  const operator = staffKey('operator');
  await staffGql(operator, 'mutation($i: VerifyCaseInput!) { verifyCase(input: $i) { case { version } } }', { i: { trackingCode: code } });
  const c = await publicCaseWhen(code, 'summary photos { url thumbnailUrl } location { latitude longitude }', (x) => x.summary);
  assert.equal(c.photos.length, 2);
  for (const s of ['0905', EMAIL, NAME, ADDRESS, '5 Lê Lợi']) assert.ok(!c.summary.includes(s), `summary keeps ${s}: ${c.summary}`);

  await visit(page, `#/case/${code}`);
  await page.waitForSelector('#case-place[data-markers="1"] .leaflet-marker-icon');
  assert.match(await page.textContent('#case-summary'), /Nắp cống bị vỡ trước \[…\], rất nguy hiểm\. Tôi là chị \[…\]/);
  const loaded = await page.$$eval('#photos-before img', (imgs) => Promise.all(imgs.map((img) =>
    img.complete ? img.naturalWidth : new Promise((r) => { img.onload = () => r(img.naturalWidth); img.onerror = () => r(0); }))));
  assert.deepEqual(loaded.map((w) => w > 0), [true, true]);
  const text = await page.evaluate(() => document.body.innerText + document.body.innerHTML);
  for (const s of [PHONE, '0905771234', EMAIL, NAME, ADDRESS]) assert.ok(!text.includes(s), `the public page shows ${s}`);
  await screenshot(page, 'report-public');

  // The photos as served: JPEG without EXIF (no APP1 segment, no GPS), cacheable for a year.
  for (const p of c.photos) {
    const response = await fetch(`${SITE_URL}${p.url}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('cache-control'), /max-age=31536000/);
    const bytes = Buffer.from(await response.arrayBuffer());
    assert.equal(bytes.readUInt16BE(0), 0xffd8);
    assert.ok(!bytes.includes(Buffer.from('Exif\0')) && !bytes.includes(Buffer.from('GPS')), 'a served photo carries EXIF');
  }

  // An agency resolves it; the citizen opens the link with the secret and rates.
  const agency = (await gql('{ agencies { id } }')).agencies[0].id;
  await staffGql(operator, 'mutation($i: AssignCaseInput!) { assignCase(input: $i) { case { version } } }', { i: { trackingCode: code, leadAgency: agency } });
  const agencyKey = staffKey('agency', agency);
  await staffGql(agencyKey, 'mutation($i: AcceptAssignmentInput!) { acceptAssignment(input: $i) { case { version } } }', { i: { trackingCode: code } });
  await staffGql(agencyKey, 'mutation($i: ResolveCaseInput!) { resolveCase(input: $i) { case { version } } }', { i: { trackingCode: code, publicAnswer: 'Đã thay nắp cống mới.' } });
  await publicCaseWhen(code, 'status', (x) => x.status === 'RESOLVED');

  // The link carries the secret; the page takes it out of the address bar as it opens, so wait for the form.
  await page.evaluate((h) => { location.hash = h; }, doneLink);
  await page.waitForSelector('#followup-rate');
  assert.ok(!page.url().includes('secret='), 'the secret stays in the address bar');
  assert.equal(await page.inputValue('#followup-secret'), secret);
  await page.selectOption('#followup-rate select[name=score]', '4');
  await page.fill('#followup-rate textarea[name=comment]', 'Sửa nhanh, cảm ơn');
  await page.click('#followup-rate button[type=submit]');
  await page.waitForSelector('#followup-done:not([hidden])');
  assert.equal((await publicCaseWhen(code, 'rating', (x) => x.rating)).rating, 4);
  // Not asked to remember: nothing kept in the browser.
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), `cases.secret.${code}`), null);
  assert.deepEqual(page.pageErrors, []);
});

test('a wrong secret, a place outside the province, no place, an unknown ward and bad photos are refused in Vietnamese beside their fields', async () => {
  for (const viewport of [DESKTOP, PHONE_VIEWPORT]) {
    const page = await newPage(browser, viewport);
    await page.route('**/tiles/**', (route) => route.abort());
    const open = (await gql('{ cases(first: 50, where: { status: IN_PROGRESS }) { nodes { trackingCode } } }')).cases.nodes[0].trackingCode;
    await visit(page, `#/case/${open}`);
    await page.fill('#followup-secret', 'cs_not-the-secret');
    await page.fill('#followup-withdraw textarea[name=reason]', 'Không cần nữa');
    await page.click('#followup-withdraw button[type=submit]');
    await page.waitForSelector('#followup-error:not([hidden])');
    assert.match(await page.textContent('#followup-error'), /Mã bí mật không đúng/);
    assert.doesNotMatch(await page.textContent('main'), /FORBIDDEN|VALIDATION_FAILED/, 'no raw code is shown');

    await visit(page, '#/report');
    assert.equal(await page.inputValue('#report-category'), '', 'no category is preselected');
    // Far to the north-west of the map's centre: outside the province's box. Refused beside the place, not dropped.
    await page.evaluate(() => { navigator.geolocation.getCurrentPosition = (ok) => ok({ coords: { latitude: 21.0285, longitude: 105.8542 } }); });
    await page.click('#report-locate');
    await page.waitForSelector('#location-error:not([hidden])');
    assert.match(await page.textContent('#location-error'), /ngoài thành phố Huế/);
    assert.equal(await page.getAttribute('#report-map', 'data-place'), null, 'the outside point is not kept');

    // Sent with no category and no place: each refused beside its field, nothing sent.
    await page.fill('#report-description', 'Đèn đường không sáng');
    await page.fill('#report-ward', 'Phường Không Có');
    await page.click('#report-send');
    await page.waitForSelector('#category-error:not([hidden])');
    assert.match(await page.textContent('#category-error'), /Vui lòng nhập lĩnh vực/);
    assert.match(await page.textContent('#location-error'), /chọn vị trí trên bản đồ/);
    assert.match(await page.textContent('#ward-error'), /Không có phường, xã này/);
    assert.equal(await page.locator('#report-done').count(), 0);
    await screenshot(page, `report-refused-${viewport.width}`);
    await noHorizontalOverflow(page, 'the refused report form');

    // A point inside fills in the ward (nearest ward centre); a sixth photo, and a file that is not a photo.
    await page.selectOption('#report-category', 'urban_infrastructure');
    await page.evaluate(() => { navigator.geolocation.getCurrentPosition = (ok) => ok({ coords: { latitude: 16.4785, longitude: 107.5740 } }); });
    await page.click('#report-locate');
    await page.waitForFunction(() => document.querySelector('#report-ward').value === 'Phú Xuân');
    assert.equal(await page.isHidden('#location-error'), true);
    await pickPhotos(page, '#report-photos', ['#111', '#222', '#333', '#444', '#555', '#666']);
    await page.click('#report-send');
    await page.waitForSelector('#photos-error:not([hidden])');
    assert.match(await page.textContent('#photos-error'), /tối đa 5 ảnh/);
    await page.setInputFiles('#report-photos', { name: 'photo.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('%PDF-1.4 not a photo') });
    await page.click('#report-send');
    await page.waitForFunction(() => /photo\.jpg/.test(document.querySelector('#photos-error')?.textContent ?? ''));
    assert.match(await page.textContent('#photos-error'), /Không đọc được ảnh này|Chỉ nhận ảnh/);
    assert.doesNotMatch(await page.textContent('main'), /MEDIA_|VALIDATION_FAILED/, 'no raw code is shown');
    await page.close();
  }
});
