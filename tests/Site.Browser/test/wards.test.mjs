import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, last12Months, launch, newPage, noHorizontalOverflow, PHONE, screenshot, switchLanguage, visit } from './helpers.mjs';

// Issue 24: today's Huế on the site, statistics by ward as the units are now and as they were, and a ward the 2025
// reform abolished refused in the report form with the name of its successor.

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const rowsOf = (page) => page.locator('#ward-table tbody tr').evaluateAll((trs) => trs.map((tr) => tr.dataset.ward));

test('results by ward show the units as they are now and as they were, with the definition and the map in force', async () => {
  const page = await newPage(browser);
  await visit(page, '#/agencies');
  await page.click('#wards-link');
  await page.waitForSelector('#ward-table');
  const { from, to } = last12Months();
  const query = 'query($f: YearMonth!, $t: YearMonth!, $u: StatisticsUnits!) { statistics(from: $f, to: $t) { lateRate(by: WARD, units: $u) { rows { group } definition } } }';
  const current = (await gql(query, { f: from, t: to, u: 'CURRENT' })).statistics.lateRate;
  assert.deepEqual(await rowsOf(page), current.rows.map((r) => r.group).filter((g) => g !== ''));
  assert.ok((await rowsOf(page)).includes('Phú Xuân'), 'a ward of 1 July 2025 is listed');
  assert.match(await page.textContent('#units-note'), /đơn vị kế thừa/);
  assert.match(await page.textContent('main'), /1675\/NQ-UBTVQH15/, 'the legal basis of the map in force is shown');
  assert.match(await page.textContent('main'), /CURRENT/, 'the definition says which units');
  await screenshot(page, 'wards-desktop');

  // As the units were, over a period spanning the reform: the form's choice reaches the query.
  await page.selectOption('#units', 'historical');
  await page.fill('#from', '2025-05');
  await page.click('form.sort-form button[type=submit]');
  await page.waitForFunction(() => location.hash.includes('units=historical') && document.querySelector('#ward-table, main p'));
  await page.waitForSelector('#units-note');
  assert.match(await page.textContent('#units-note'), /tại thời điểm phát sinh/);
  const historical = (await gql(query, { f: '2025-05', t: to, u: 'HISTORICAL' })).statistics.lateRate;
  if (historical.rows.length > 0) assert.deepEqual(await rowsOf(page), historical.rows.map((r) => r.group).filter((g) => g !== ''));

  const phone = await newPage(browser, PHONE);
  await visit(phone, '#/wards');
  await phone.waitForSelector('#ward-table');
  await switchLanguage(phone);
  await phone.waitForFunction(() => document.documentElement.lang === 'en');
  await phone.waitForSelector('#ward-table');
  assert.match(await phone.textContent('h1'), /Results by ward and commune/);
  assert.match(await phone.textContent('header'), /Huế City Intelligent Operations Center/, 'the province is named as configured, in English');
  await noHorizontalOverflow(phone, 'the results by ward on a phone');
  await screenshot(phone, 'wards-phone-en');
});

test('a ward abolished on 1 July 2025 is refused beside the field, naming its successor in Vietnamese and in English', async () => {
  for (const [lang, expected] of [['vi', /nay thuộc phường Phú Xuân/], ['en', /now part of Phú Xuân Ward/]]) {
    const page = await newPage(browser, lang === 'vi' ? PHONE : undefined);
    await visit(page, '#/report');
    if (lang === 'en') { await switchLanguage(page); await page.waitForFunction(() => document.documentElement.lang === 'en'); await page.waitForSelector('#report-ward'); }
    assert.match(await page.textContent('header'), lang === 'vi' ? /thành phố Huế/ : /Huế City/);
    await page.selectOption('#report-category', 'urban_infrastructure');
    await page.fill('#report-description', 'Đèn đường không sáng cả dãy');
    await page.evaluate(() => { navigator.geolocation.getCurrentPosition = (ok) => ok({ coords: { latitude: 16.4755, longitude: 107.5855 } }); });
    await page.click('#report-locate');
    await page.waitForFunction(() => document.querySelector('#report-ward').value !== '');
    await page.fill('#report-ward', 'Đông Ba');
    await page.click('#report-send');
    await page.waitForSelector('#ward-error:not([hidden])');
    assert.match(await page.textContent('#ward-error'), expected);
    assert.equal(await page.locator('#report-done').count(), 0);
    await noHorizontalOverflow(page, `the refused report form (${lang})`);
    await screenshot(page, `report-former-ward-${lang}`);
  }
});
