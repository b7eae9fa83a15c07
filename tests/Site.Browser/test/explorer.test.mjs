// The GraphQL explorer: a browser opening /graphql (from the API page's link) gets GraphiQL, bundled from npm and
// served by this server. It loads the schema, runs a public query and shows the result; anonymously it shows the
// public schema, and an operator's key typed into its headers shows the rest.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { gql, launch, newPage, screenshot, SITE_URL, TIMEOUT, visit } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/** The root Query type's fields as GraphiQL's documentation explorer lists them. */
async function docsQueryFields(page) {
  await page.locator('.graphiql-doc-explorer a.graphiql-doc-explorer-type-name', { hasText: /^Query$/ }).first().click();
  await page.locator('.graphiql-doc-explorer-title', { hasText: 'Query' }).waitFor();
  return page.locator('.graphiql-doc-explorer-field-name').allInnerTexts();
}

test('the API page links to GraphiQL, which loads the schema, runs a public query and shows the result', async () => {
  const page = await newPage(browser);
  const outside = [];
  page.on('request', (r) => { if (!r.url().startsWith(SITE_URL) && !r.url().startsWith('data:') && !r.url().startsWith('blob:')) outside.push(r.url()); });
  await visit(page, '#/api');
  await page.click('#explorer-link');
  await page.waitForURL(`${SITE_URL}/graphql`);
  await page.locator('.graphiql-container').waitFor({ timeout: TIMEOUT });

  // The schema: the documentation explorer shows the root type and the public fields, not the staff's.
  await page.getByRole('button', { name: /documentation explorer/i }).click();
  const fields = await docsQueryFields(page);
  for (const name of ['cases', 'case', 'agencies', 'statistics']) assert.ok(fields.includes(name), `docs list ${name}: ${fields}`);
  assert.ok(!fields.includes('myQueue') && !fields.includes('audit'), `anonymous docs hide the staff's fields: ${fields}`);

  // The first example tab is a public query; run it and read the answer in the result pane.
  await page.locator('.graphiql-execute-button').click();
  const expected = (await gql('{ agencies { id } }')).agencies[0].id;
  const result = page.locator('.graphiql-response');
  await result.getByText(`"${expected}"`).first().waitFor({ timeout: TIMEOUT });
  assert.match(await result.innerText(), /"agencies"/);
  await screenshot(page, 'explorer-desktop');
  assert.deepEqual(outside, [], 'nothing is fetched from elsewhere (no CDN)');
  assert.deepEqual(page.pageErrors.map(String), []);
  await page.context().close();
});

test('a key typed into the headers shows the rest of the schema', async () => {
  const key = process.env.SITE_OPERATOR_KEY;
  assert.ok(key, 'run.sh creates an operator key (SITE_OPERATOR_KEY)');
  const page = await newPage(browser);
  await page.goto(`${SITE_URL}/graphql`);
  await page.locator('.graphiql-container').waitFor({ timeout: TIMEOUT });
  // The headers editor is open (the explorer starts with it shown); type the key as a person would paste it.
  await page.locator('.graphiql-editor-tool .graphiql-editor').last().click();
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.insertText(JSON.stringify({ Authorization: `Bearer ${key}` }));
  // Re-fetch the schema with these headers, then read the documentation explorer again.
  await page.getByRole('button', { name: /re-fetch graphql schema/i }).click();
  await page.getByRole('button', { name: /documentation explorer/i }).click();
  let fields = [];
  const deadline = Date.now() + TIMEOUT;
  while (Date.now() < deadline && !fields.includes('myQueue')) {
    fields = await docsQueryFields(page);
    if (!fields.includes('myQueue')) await page.waitForTimeout(200);
  }
  assert.ok(fields.includes('myQueue') && fields.includes('audit'), `with a key the docs list the staff's fields: ${fields}`);
  await page.context().close();
});
