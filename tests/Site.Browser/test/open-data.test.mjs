import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { DESKTOP, PHONE, SITE_URL, launch, newPage, screenshot, switchLanguage, visit } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

// Issue 23: the API page documents Open311 GeoReport v2 with examples in both formats, and links the open-data
// downloads with their dictionary and licence, in Vietnamese and English, on a phone and a desktop.
for (const [name, viewport] of [['desktop', DESKTOP], ['phone', PHONE]]) {
  test(`the API page documents Open311 and links the open data (${name})`, async () => {
    const page = await newPage(browser, viewport);
    await visit(page, '#/api');
    await page.locator('#open311').waitFor();
    assert.equal(await page.locator('#open311-endpoint').innerText(), `${SITE_URL}/open311/v2/`);
    const examples = await page.locator('pre[id^="o311-"]').allInnerTexts();
    assert.ok(examples.some((e) => e.includes('services.xml') && e.includes('<?xml')), 'an XML example');
    assert.ok(examples.some((e) => e.includes('requests.json') && e.includes('service_request_id')), 'a JSON example');
    assert.match(await page.locator('#licence').innerText(), /CC BY 4\.0/);
    assert.match(await page.locator('#open-data').innerText(), /Tải dữ liệu mở/);
    assert.ok(await page.locator('table code', { hasText: 'tracking_code' }).count() >= 1, 'the dictionary names tracking_code');
    // Nothing overflows the phone's width.
    assert.ok(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1), 'no horizontal scroll');
    await screenshot(page, `api-open-data-vi-${name}`);

    await switchLanguage(page);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await page.locator('#open311', { hasText: 'Open311 GeoReport v2 for other systems' }).waitFor();
    assert.match(await page.locator('#licence').innerText(), /Creative Commons Attribution 4\.0/);
    await page.locator('#open311').scrollIntoViewIfNeeded();
    await screenshot(page, `api-open-data-en-${name}`);

    // The links lead to the files themselves.
    for (const id of ['download-cases-csv', 'download-cases-geojson', 'download-statistics']) {
      const href = await page.locator(`#${id}`).getAttribute('href');
      const response = await fetch(new URL(href, SITE_URL));
      assert.equal(response.status, 200, href);
      const text = await response.text();
      if (id === 'download-cases-csv') assert.ok(text.startsWith('tracking_code,'), text.slice(0, 80));
      if (id === 'download-cases-geojson') assert.equal(JSON.parse(text).type, 'FeatureCollection');
      if (id === 'download-statistics') assert.ok(text.startsWith('dimension,group,'), text.slice(0, 80));
    }
    assert.deepEqual(page.pageErrors, []);
  });
}
