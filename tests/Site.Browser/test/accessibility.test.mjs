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

test('each page is one request to /graphql on a fresh load', async () => {
  for (const route of routes) {
    const page = await newPage(browser);
    let requests = 0;
    page.on('request', (r) => { if (r.url().endsWith('/graphql')) requests++; });
    await visit(page, route);
    assert.ok(requests <= 1, `${route} made ${requests} requests`);
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
