// A client that is not ours: Code for America's node-open311 (npm open311 0.0.12) does discovery, reads the
// services, submits a request with a partner key and reads it back, against the real server (issue 23).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const Open311 = require('open311');
const url = process.env.SITE_URL;
const apiKey = process.env.PARTNER_KEY;

// The library takes node-style callbacks (err, data).
const call = (fn, ...args) => new Promise((resolve, reject) =>
  fn(...args, (err, data) => (err ? reject(Object.assign(new Error(String(data)), { status: err })) : resolve(data))));

const client = () => new Open311({ discovery: `${url}/open311/v2/discovery.json`, apiKey, jurisdiction: 'hue.gov.vn' });

test('discovery finds the GeoReport v2 endpoint and the client takes it', async () => {
  const open311 = client();
  const discovery = await call(open311.serviceDiscovery.bind(open311), { cache: true });
  assert.equal(discovery.jurisdiction_id, 'hue.gov.vn');
  assert.equal(open311.endpoint, `${url}/open311/v2/`);
  assert.equal(open311.format, 'json');
});

test('the services list and a service definition read as the library expects', async () => {
  const open311 = client();
  await call(open311.serviceDiscovery.bind(open311), { cache: true });
  const services = await call(open311.serviceList.bind(open311));
  const pothole = services.find((s) => s.service_code === 'traffic-infrastructure');
  assert.ok(pothole, JSON.stringify(services));
  assert.equal(pothole.service_name, 'Hạ tầng giao thông');
  assert.equal(pothole.metadata, false);
  const definition = await call(open311.serviceDefinition.bind(open311), 'traffic-infrastructure');
  assert.equal(definition.service_code, 'traffic-infrastructure');
  assert.deepEqual(definition.attributes, []);
});

test('a request submitted with a partner key is read back by id, without the reporter', async () => {
  const open311 = client();
  await call(open311.serviceDiscovery.bind(open311), { cache: true });
  const submitted = await call(open311.submitRequest.bind(open311), {
    service_code: 'traffic-infrastructure', lat: 16.4637, long: 107.5909,
    description: 'Ổ gà sâu trước cổng trường, xe máy dễ ngã',
    first_name: 'Zqxclient', last_name: 'Lê', email: 'zqx.client@example.vn', phone: '0905000111',
  });
  assert.equal(submitted.length, 1);
  const id = submitted[0].service_request_id;
  assert.match(id, /^HUE-\d{4}-\d{6}$/);
  assert.match(submitted[0].service_notice, /giờ làm việc/);

  // The projection catches up within a moment of the commit.
  let found = [];
  for (let i = 0; i < 100 && found.length === 0; i++) {
    found = await call(open311.serviceRequest.bind(open311), id).catch(() => []);
    if (found.length === 0) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(found.length, 1);
  assert.equal(found[0].service_request_id, id);
  assert.equal(found[0].status, 'open');
  assert.equal(found[0].service_code, 'traffic-infrastructure');
  assert.ok(found[0].requested_datetime instanceof Date && !Number.isNaN(found[0].requested_datetime.getTime()));
  assert.equal(found[0].description, undefined, 'no description before verification');
  const text = JSON.stringify(found);
  for (const personal of ['Zqxclient', 'zqx.client@example.vn', '0905000111']) assert.ok(!text.includes(personal), personal);

  const list = await call(open311.serviceRequests.bind(open311), [id, 'HUE-1999-000001']);
  assert.deepEqual(list.map((r) => r.service_request_id), [id]);
});

test('a submission without a valid key and a token are refused as the specification says', async () => {
  const open311 = client();
  await call(open311.serviceDiscovery.bind(open311), { cache: true });
  open311.apiKey = 'ck_not-a-key';
  await assert.rejects(call(open311.submitRequest.bind(open311), { service_code: 'traffic-infrastructure', lat: 16.46, long: 107.59, description: 'x' }),
    (e) => e.status === 403);
  await assert.rejects(call(open311.token.bind(open311), 'abc'), (e) => e.status === true);
});
