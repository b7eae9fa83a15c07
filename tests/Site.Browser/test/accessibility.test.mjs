import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, launch, newPage, visit } from './helpers.mjs';

let browser;
let routes;
before(async () => {
  browser = await launch();
  const c = (await gql('{ cases(where: { status: RESOLVED }, first: 1) { nodes { trackingCode agency } } }')).cases.nodes[0];
  routes = ['#/', '#/cases', `#/case/${c.trackingCode}`, '#/agencies', `#/agency/${c.agency}`, '#/api'];
});
after(async () => { await browser?.close(); });

test('every page has landmarks, one h1, labelled controls and a Vietnamese lang', async () => {
  for (const route of routes) {
    const page = await newPage(browser);
    await visit(page, route);
    const report = await page.evaluate(() => {
      const unlabelled = [...document.querySelectorAll('input, select, textarea, button')].filter((el) => {
        if (el.labels?.length || el.getAttribute('aria-label') || el.getAttribute('aria-labelledby')) return false;
        return el.tagName !== 'BUTTON' || !el.textContent.trim();
      }).map((el) => el.outerHTML.slice(0, 80));
      return {
        lang: document.documentElement.lang,
        banner: document.querySelectorAll('header').length,
        nav: document.querySelectorAll('nav').length,
        main: document.querySelectorAll('main').length,
        footer: document.querySelectorAll('footer').length,
        h1: document.querySelectorAll('main h1').length,
        title: document.title,
        unlabelled,
      };
    });
    assert.equal(report.lang, 'vi', route);
    assert.deepEqual([report.banner, report.nav, report.main, report.footer], [1, 1, 1, 1], `${route}: header, nav, main, footer`);
    assert.equal(report.h1, 1, `${route}: one h1`);
    assert.ok(report.title.length > 0, `${route}: a title`);
    assert.deepEqual(report.unlabelled, [], `${route}: every control has a label`);
    await page.context().close();
  }
});

test('each page is one request to /graphql on a fresh load: a GET of a persisted document id, cacheable publicly', async () => {
  for (const route of routes) {
    const page = await newPage(browser);
    const requests = [];
    page.on('response', (r) => { if (new URL(r.url()).pathname === '/graphql') requests.push(r); });
    await visit(page, route);
    assert.ok(requests.length <= 1, `${route} made ${requests.length} requests`);
    for (const r of requests) {
      const url = new URL(r.url());
      assert.equal(r.request().method(), 'GET', route);
      assert.match(url.searchParams.get('documentId') ?? '', /^sha256:[0-9a-f]{64}$/, route);
      assert.equal(url.searchParams.get('query'), null, `${route} sends no document text`);
      assert.equal(r.status(), 200, route);
      assert.equal(r.headers()['cache-control'], 'public, max-age=30', route);
    }
    if (route !== '#/api') assert.equal(requests.length, 1, `${route} asks the API once`);
    await page.context().close();
  }
});

test('nothing is fetched from outside this server', async () => {
  const page = await newPage(browser);
  const outside = [];
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (!['127.0.0.1', 'localhost'].includes(url.hostname) && url.protocol !== 'data:') outside.push(r.url());
  });
  for (const route of routes) await visit(page, route);
  assert.deepEqual(outside, []);
});
