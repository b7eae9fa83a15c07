import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, launch, newPage, reporterData, visit } from './helpers.mjs';

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

async function waitEnglish(page) {
  await page.waitForFunction(() => document.documentElement.lang === 'en', null, { timeout: 15_000 });
}
