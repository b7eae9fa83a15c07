import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { SITE_URL, gql, launch, newPage, reporterData, visit } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('no reporter name, phone or e-mail appears on any page', async () => {
  const secrets = reporterData(50);
  assert.ok(secrets.length >= 20, 'the test database has reporters to look for');

  const cases = (await gql('{ cases(first: 20) { nodes { trackingCode agency } } }')).cases.nodes;
  const agencies = [...new Set(cases.map((c) => c.agency).filter(Boolean))].slice(0, 3);
  // The map and the report form too; case pages now carry summaries and photos (issue 14).
  const routes = ['#/', '#/cases', '#/agencies', '#/api', '#/map', '#/report',
    ...cases.slice(0, 8).map((c) => `#/case/${c.trackingCode}`),
    ...agencies.map((a) => `#/agency/${a}`)];

  const page = await newPage(browser);
  await page.route('**/tiles/**', (route) => route.abort());
  for (const lang of ['vi', 'en']) {
    for (const route of routes) {
      await visit(page, route);
      const text = await page.evaluate(() => `${document.title}\n${document.body.innerText}\n${document.body.innerHTML}`);
      for (const s of secrets) assert.ok(!text.includes(s), `${route} (${lang}) shows reporter data: ${s}`);
    }
    if (lang === 'vi') {
      await page.click('#lang-switch');
      await waitEnglish(page);
    }
  }
});

test('no reporter name, phone or e-mail appears in any Open311 or open-data response', async () => {
  const secrets = reporterData(50);
  assert.ok(secrets.length >= 20, 'the test database has reporters to look for');
  const codes = (await gql('{ cases(first: 10) { nodes { trackingCode } } }')).cases.nodes.map((c) => c.trackingCode);
  const urls = ['/open-data/cases.csv', '/open-data/cases.geojson', '/open-data/statistics.csv?from=2020-01'];
  for (const format of ['xml', 'json']) {
    for (const route of ['discovery', 'services', 'requests', 'requests?extensions=true', 'servicerequestupdates',
      ...codes.map((c) => `requests/${c}?extensions=true`)]) {
      const [path, query] = route.split('?');
      urls.push(`/open311/v2/${path}.${format}${query ? `?${query}` : ''}`);
    }
  }
  let seen = 0;
  for (const url of urls) {
    const response = await fetch(new URL(url, SITE_URL));
    const text = await response.text();
    // A demo case whose ward has no public row yet answers 404; everything else is data to scan.
    assert.ok(response.status === 200 || (response.status === 404 && url.includes('/requests/')), `${url}: ${response.status} ${text.slice(0, 200)}`);
    if (response.status === 200) seen++;
    for (const s of secrets) assert.ok(!text.includes(s), `${url} shows reporter data: ${s}`);
  }
  assert.ok(seen >= urls.length - codes.length * 2, `${seen} of ${urls.length} answered`);
});

async function waitEnglish(page) {
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 15_000 });
}
