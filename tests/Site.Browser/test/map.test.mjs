import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, launch, newPage, screenshot, visit } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the map shows every case from the API as clustered markers with the tile server unreachable, and a marker opens its case', async () => {
  const page = await newPage(browser);
  const tiles = [];
  await page.route('**/tiles/**', (route) => { tiles.push(route.request().url()); return route.abort(); });
  const expected = (await gql('{ caseMap { trackingCode } }')).caseMap.length;
  assert.ok(expected > 50, 'the demo data has cases with places');

  await visit(page, '#/map?period=all');
  await page.waitForSelector('#case-map[data-markers]');
  assert.equal(Number(await page.getAttribute('#case-map', 'data-markers')), expected);
  assert.ok(tiles.length > 0, 'the map asked for tiles (and got none)');
  assert.equal(await page.locator('.leaflet-tile-loaded').count(), 0);
  assert.ok(await page.locator('.marker-cluster').count() > 0, 'markers are clustered');
  await screenshot(page, 'map-offline');

  // Zoom in through clusters until a single case's marker shows, then open it.
  for (let i = 0; i < 10 && await page.locator('.leaflet-marker-icon.case-marker').count() === 0; i++) {
    await page.locator('.marker-cluster').first().click();
    await page.waitForTimeout(700);
  }
  await page.locator('.leaflet-marker-icon.case-marker').first().click();
  await page.waitForFunction(() => location.hash.startsWith('#/case/HUE-'));
  assert.deepEqual(page.pageErrors, []);
});

test('the map filters by category, status and period', async () => {
  const page = await newPage(browser);
  await page.route('**/tiles/**', (route) => route.abort());
  const resolved = (await gql('{ caseMap(status: RESOLVED) { status } }')).caseMap.length;
  await visit(page, '#/map?status=RESOLVED&period=all');
  await page.waitForSelector('#case-map[data-markers]');
  assert.equal(Number(await page.getAttribute('#case-map', 'data-markers')), resolved);
  await page.selectOption('#map-category', 'sanitation_environment');
  await page.waitForFunction(() => location.hash.includes('category=sanitation_environment'));
  await page.waitForSelector('#case-map[data-markers]');
  const both = (await gql('{ caseMap(status: RESOLVED, category: "sanitation_environment") { status } }')).caseMap.length;
  assert.equal(Number(await page.getAttribute('#case-map', 'data-markers')), both);
});

test('the overview maps open and overdue cases by ward', async () => {
  const page = await newPage(browser);
  await page.route('**/tiles/**', (route) => route.abort());
  const wards = (await gql('{ wardMap { ward open overdue } }')).wardMap;
  assert.ok(wards.length > 0);
  await visit(page, '#/');
  await page.waitForSelector('#ward-map[data-wards]');
  assert.equal(Number(await page.getAttribute('#ward-map', 'data-wards')), wards.length);
  assert.equal(await page.locator('#ward-map path.ward-overdue').count(), wards.filter((w) => w.overdue > 0).length);
});
