// End-to-end tests of the dev FHIR server: starts server.mjs as a child process on a free port and talks to it
// over HTTP, as the .NET tests will. Run with `npm run test:fhir-server`.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { after, before, beforeEach, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('./server.mjs', import.meta.url));
const READY = /^FHIR server listening on (http:\/\/127\.0\.0\.1:(\d+)\/fhir)$/;

let child;
let base; // http://127.0.0.1:<port>/fhir
let root; // http://127.0.0.1:<port>

before(async () => {
  child = spawn(process.execPath, [SERVER, '--port', '0', '--host', '127.0.0.1'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const ready = new Promise((resolve, reject) => {
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`server exited early with code ${code}`)));
  });
  const timeout = new Promise((_, reject) => {
    setTimeout(() => reject(new Error('server not ready in 20 s')), 20_000).unref();
  });
  const line = await Promise.race([ready, timeout]);
  const match = READY.exec(line);
  assert.ok(match, `unexpected ready line: ${line}`);
  base = match[1];
  root = base.slice(0, -'/fhir'.length);
});

after(async () => {
  if (child && child.exitCode === null) {
    const exited = once(child, 'exit');
    child.kill('SIGTERM');
    const [code, signal] = await exited;
    assert.equal(code, 0, `server exit code (signal ${signal})`);
  }
});

beforeEach(async () => {
  const res = await fetch(`${root}/$admin/reset`, { method: 'POST' });
  assert.equal(res.status, 200);
});

/** Sends a request to the FHIR base (or an absolute URL); returns status, headers and parsed JSON body. */
async function fhir(method, path, { body, headers = {}, contentType = 'application/fhir+json' } = {}) {
  const url = path.startsWith('http') ? path : `${base}/${path}`;
  const init = { method, headers: { Accept: 'application/fhir+json', ...headers } };
  if (body !== undefined) {
    init.body = typeof body === 'string' ? body : JSON.stringify(body);
    init.headers['Content-Type'] = contentType;
  }
  const res = await fetch(url, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, json: text ? JSON.parse(text) : undefined };
}

async function admin(method, path, body) {
  const res = await fetch(`${root}/$admin/${path}`, {
    method,
    ...(body !== undefined ? { body: JSON.stringify(body), headers: { 'Content-Type': 'application/json' } } : {}),
  });
  return { status: res.status, json: await res.json() };
}

// Observation.status is required, so this fails validation.
const observationWithoutStatus = { resourceType: 'Observation', code: { text: 'x' } };

function patient(mrn, extra = {}) {
  return { resourceType: 'Patient', identifier: [{ system: 'urn:mrn', value: String(mrn) }], ...extra };
}

async function createPatient(mrn, extra) {
  const res = await fhir('POST', 'Patient', { body: patient(mrn, extra) });
  assert.equal(res.status, 201);
  return res.json;
}

function assertOutcome(res, status) {
  assert.equal(res.status, status);
  assert.equal(res.json?.resourceType, 'OperationOutcome');
  assert.ok(res.json.issue?.length > 0);
}

/** Follows next links from a searchset/history Bundle, returning all entries in order. */
async function collectPages(first) {
  const entries = [];
  let page = first;
  for (let i = 0; i < 50; i++) {
    assert.equal(page.status, 200);
    entries.push(...(page.json.entry ?? []));
    const next = page.json.link?.find((l) => l.relation === 'next')?.url;
    if (!next) {
      return entries;
    }
    assert.ok(next.startsWith(`${base}/`), `next link ${next} should be absolute on this server`);
    page = await fhir('GET', next);
  }
  throw new Error('too many pages');
}

describe('CRUD', () => {
  test('create returns 201 with Location, ETag, Last-Modified and FHIR content type; client id ignored', async () => {
    const res = await fhir('POST', 'Patient', { body: { ...patient(1), id: 'client-chosen' } });
    assert.equal(res.status, 201);
    const { id, meta } = res.json;
    assert.notEqual(id, 'client-chosen');
    assert.equal(meta.versionId, '1');
    assert.equal(res.headers.get('location'), `${base}/Patient/${id}/_history/1`);
    assert.equal(res.headers.get('etag'), 'W/"1"');
    assert.equal(res.headers.get('last-modified'), new Date(meta.lastUpdated).toUTCString());
    assert.equal(res.headers.get('content-type'), 'application/fhir+json; charset=utf-8');
  });

  test('read, vread, 404 and If-None-Match; application/json accepted', async () => {
    const created = await fhir('POST', 'Patient', { body: patient(2), contentType: 'application/json' });
    assert.equal(created.status, 201);
    const { id } = created.json;

    const read = await fhir('GET', `Patient/${id}`);
    assert.equal(read.status, 200);
    assert.deepEqual(read.json, created.json);
    assert.equal(read.headers.get('etag'), 'W/"1"');

    const vread = await fhir('GET', `Patient/${id}/_history/1`);
    assert.equal(vread.status, 200);
    assert.equal(vread.json.meta.versionId, '1');

    assertOutcome(await fhir('GET', 'Patient/does-not-exist'), 404);
    assertOutcome(await fhir('GET', `Patient/${id}/_history/9`), 404);
    assert.equal((await fhir('GET', `Patient/${id}`, { headers: { 'If-None-Match': 'W/"1"' } })).status, 304);
  });

  test('update with If-Match: match -> 200 new version, stale -> 412 OperationOutcome', async () => {
    const { id } = await createPatient(3);
    const body = { ...patient(3), id, active: true };
    const ok = await fhir('PUT', `Patient/${id}`, { body, headers: { 'If-Match': 'W/"1"' } });
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('etag'), 'W/"2"');
    assert.equal(ok.json.active, true);

    const stale = await fhir('PUT', `Patient/${id}`, { body, headers: { 'If-Match': 'W/"1"' } });
    assertOutcome(stale, 412);
    assert.equal((await fhir('GET', `Patient/${id}`)).json.meta.versionId, '2');

    const missing = await fhir('PUT', 'Patient/nobody', {
      body: { resourceType: 'Patient', id: 'nobody' },
      headers: { 'If-Match': 'W/"1"' },
    });
    assertOutcome(missing, 412);
  });

  test('update of a new id creates it (201 + Location)', async () => {
    const res = await fhir('PUT', 'Patient/chosen-id', { body: { resourceType: 'Patient', id: 'chosen-id' } });
    assert.equal(res.status, 201);
    assert.equal(res.headers.get('location'), `${base}/Patient/chosen-id/_history/1`);
  });

  test('delete -> 200, then read -> 410, delete again -> 200, history shows the delete', async () => {
    const { id } = await createPatient(4);
    assert.equal((await fhir('DELETE', `Patient/${id}`)).status, 200);
    assertOutcome(await fhir('GET', `Patient/${id}`), 410);
    assert.equal((await fhir('DELETE', `Patient/${id}`)).status, 200);
    assertOutcome(await fhir('DELETE', 'Patient/never-existed'), 404);
    const history = await fhir('GET', `Patient/${id}/_history`);
    assert.deepEqual(
      history.json.entry.map((e) => e.request.method),
      ['DELETE', 'POST']
    );
    assert.equal((await fhir('GET', `Patient?identifier=urn:mrn|4`)).json.total, 0);
  });

  test('JSON Patch, with If-Match honoured', async () => {
    const { id } = await createPatient(5);
    const ops = [{ op: 'add', path: '/active', value: true }];
    const res = await fhir('PATCH', `Patient/${id}`, {
      body: ops,
      contentType: 'application/json-patch+json',
      headers: { 'If-Match': 'W/"1"' },
    });
    assert.equal(res.status, 200);
    assert.equal(res.json.active, true);
    assert.equal(res.headers.get('etag'), 'W/"2"');
    const stale = await fhir('PATCH', `Patient/${id}`, {
      body: ops,
      contentType: 'application/json-patch+json',
      headers: { 'If-Match': 'W/"1"' },
    });
    assertOutcome(stale, 412);
  });

  test('paths without the /fhir prefix work too', async () => {
    const res = await fhir('POST', `${root}/Patient`, { body: patient(6) });
    assert.equal(res.status, 201);
    assert.equal((await fhir('GET', `${root}/Patient/${res.json.id}`)).status, 200);
  });
});

describe('conditional operations', () => {
  test('If-None-Exist: 201 when new, 200 with the existing one when one matches, 412 when several do', async () => {
    const headers = { 'If-None-Exist': 'identifier=urn:mrn|10' };
    const first = await fhir('POST', 'Patient', { body: patient(10), headers });
    assert.equal(first.status, 201);
    const second = await fhir('POST', 'Patient', { body: patient(10, { active: true }), headers });
    assert.equal(second.status, 200);
    assert.equal(second.json.id, first.json.id);
    assert.equal(second.json.meta.versionId, '1');

    await createPatient(11);
    await createPatient(11);
    const ambiguous = await fhir('POST', 'Patient', {
      body: patient(11),
      headers: { 'If-None-Exist': 'identifier=urn:mrn|11' },
    });
    assertOutcome(ambiguous, 412);
    assert.equal((await fhir('GET', 'Patient?identifier=urn:mrn|11')).json.total, 2);
  });

  test('conditional update by identifier creates, then updates the same resource', async () => {
    const url = `Patient?identifier=${encodeURIComponent('urn:mrn|12')}`;
    const created = await fhir('PUT', url, { body: patient(12) });
    assert.equal(created.status, 201);
    const updated = await fhir('PUT', url, { body: patient(12, { active: false }) });
    assert.equal(updated.status, 200);
    assert.equal(updated.json.id, created.json.id);
    assert.equal(updated.json.meta.versionId, '2');
  });
});

describe('history and search', () => {
  test('instance and type history, newest first, with working next links', async () => {
    const { id } = await createPatient(20);
    await fhir('PUT', `Patient/${id}`, { body: { ...patient(20), id, active: true } });
    await createPatient(21);

    const instance = await fhir('GET', `Patient/${id}/_history`);
    assert.equal(instance.json.type, 'history');
    assert.deepEqual(
      instance.json.entry.map((e) => e.resource.meta.versionId),
      ['2', '1']
    );
    assert.equal(instance.json.entry[0].fullUrl, `${base}/Patient/${id}`);

    const typeLevel = await collectPages(await fhir('GET', 'Patient/_history?_count=2'));
    assert.equal(typeLevel.length, 3);
    assert.deepEqual(
      typeLevel.map((e) => e.request.method),
      ['POST', 'PUT', 'POST']
    );
  });

  test('search by identifier system|value', async () => {
    await createPatient(30);
    await createPatient(31);
    const res = await fhir('GET', `Patient?identifier=${encodeURIComponent('urn:mrn|31')}`);
    assert.equal(res.json.type, 'searchset');
    assert.equal(res.json.total, 1);
    assert.equal(res.json.entry[0].resource.identifier[0].value, '31');
    assert.equal(res.json.entry[0].fullUrl, `${base}/Patient/${res.json.entry[0].resource.id}`);
    assert.equal((await fhir('GET', 'Patient?identifier=other|31')).json.total, 0);
  });

  test('_lastUpdated gt/ge/lt, _sort and _count paging through next links', async () => {
    const created = [];
    for (let i = 0; i < 7; i++) {
      created.push(await createPatient(40 + i));
    }
    const pivot = created[3].meta.lastUpdated;
    const q = (s) => encodeURIComponent(s);

    const gt = await collectPages(await fhir('GET', `Patient?_lastUpdated=gt${q(pivot)}&_count=2`));
    assert.deepEqual(
      gt.map((e) => e.resource.id).sort(),
      created.slice(4).map((p) => p.id).sort()
    );
    const ge = await fhir('GET', `Patient?_lastUpdated=ge${q(pivot)}`);
    assert.equal(ge.json.total, 4);
    const lt = await fhir('GET', `Patient?_lastUpdated=lt${q(pivot)}`);
    assert.equal(lt.json.total, 3);

    const first = await fhir('GET', 'Patient?_sort=-_lastUpdated&_count=3');
    assert.equal(first.json.total, 7);
    assert.equal(first.json.entry.length, 3);
    const all = await collectPages(first);
    assert.deepEqual(
      all.map((e) => e.resource.id),
      created.map((p) => p.id).reverse()
    );
  });

  test('unsupported search parameters are rejected, not silently unmatched', async () => {
    assertOutcome(await fhir('GET', 'Patient?no-such-param=1'), 400);
  });
});

describe('batch and transaction', () => {
  test('transaction resolves urn:uuid references and reports status, location and etag per entry', async () => {
    const patientUrn = 'urn:uuid:6f1c8e58-2f5d-4c43-9d0a-3f0b8c1f7a10';
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: patientUrn, resource: patient(50), request: { method: 'POST', url: 'Patient' } },
        {
          resource: {
            resourceType: 'Observation',
            status: 'final',
            code: { text: 'heart rate' },
            subject: { reference: patientUrn },
          },
          request: { method: 'POST', url: 'Observation' },
        },
      ],
    };
    const res = await fhir('POST', '', { body: bundle });
    assert.equal(res.status, 200);
    assert.equal(res.json.type, 'transaction-response');
    const [p, o] = res.json.entry;
    assert.equal(p.response.status, '201');
    assert.match(p.response.location, /^Patient\/[^/]+\/_history\/1$/);
    assert.equal(p.response.etag, 'W/"1"');
    assert.equal(o.resource.subject.reference, `Patient/${p.resource.id}`);
    assert.equal((await fhir('GET', `Patient/${p.resource.id}`)).status, 200);
  });

  test('a failing transaction stores nothing', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: patient(51), request: { method: 'POST', url: 'Patient' } },
        { resource: observationWithoutStatus, request: { method: 'POST', url: 'Observation' } },
      ],
    };
    assertOutcome(await fhir('POST', '', { body: bundle }), 400);
    assert.equal((await fhir('GET', 'Patient?identifier=urn:mrn|51')).json.total, 0);
  });

  test('large transactions with conditional creates are idempotent (no 8-entry or 50-update cap)', async () => {
    const conditional = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: Array.from({ length: 12 }, (_, i) => ({
        resource: patient(100 + i),
        request: { method: 'POST', url: 'Patient', ifNoneExist: `identifier=urn:mrn|${100 + i}` },
      })),
    };
    const first = await fhir('POST', '', { body: conditional });
    assert.equal(first.status, 200, JSON.stringify(first.json));
    assert.ok(first.json.entry.every((e) => e.response.status === '201'));
    const again = await fhir('POST', '', { body: conditional });
    assert.ok(again.json.entry.every((e) => e.response.status === '200'));
    assert.deepEqual(
      again.json.entry.map((e) => e.resource.id),
      first.json.entry.map((e) => e.resource.id)
    );
    assert.equal((await fhir('GET', 'Patient?_summary=count')).json.total, 12);

    const updates = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: Array.from({ length: 60 }, (_, i) => ({
        resource: { resourceType: 'Patient', id: `bulk-${i}` },
        request: { method: 'PUT', url: `Patient/bulk-${i}` },
      })),
    };
    const bulk = await fhir('POST', '', { body: updates });
    assert.equal(bulk.status, 200, JSON.stringify(bulk.json));
    assert.equal(bulk.json.entry.length, 60);
  });

  test('a transaction whose conditional create matches several resources fails with 412', async () => {
    await createPatient(120);
    await createPatient(120);
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { resource: patient(121), request: { method: 'POST', url: 'Patient' } },
        { resource: patient(120), request: { method: 'POST', url: 'Patient', ifNoneExist: 'identifier=urn:mrn|120' } },
      ],
    };
    assertOutcome(await fhir('POST', '', { body: bundle }), 412);
    assert.equal((await fhir('GET', 'Patient?identifier=urn:mrn|121')).json.total, 0);
  });

  test('a batch processes entries independently', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: patient(52), request: { method: 'POST', url: 'Patient' } },
        { resource: observationWithoutStatus, request: { method: 'POST', url: 'Observation' } },
      ],
    };
    const res = await fhir('POST', '', { body: bundle });
    assert.equal(res.status, 200);
    assert.equal(res.json.type, 'batch-response');
    assert.deepEqual(
      res.json.entry.map((e) => e.response.status),
      ['201', '400']
    );
    assert.equal(res.json.entry[1].response.outcome.resourceType, 'OperationOutcome');
    assert.equal((await fhir('GET', 'Patient?identifier=urn:mrn|52')).json.total, 1);
  });
});

describe('metadata and errors', () => {
  test('GET /metadata returns a CapabilityStatement', async () => {
    const res = await fhir('GET', 'metadata');
    assert.equal(res.status, 200);
    assert.equal(res.json.resourceType, 'CapabilityStatement');
    assert.equal(res.json.fhirVersion, '4.0.1');
    const patientEntry = res.json.rest[0].resource.find((r) => r.type === 'Patient');
    assert.ok(patientEntry.interaction.some((i) => i.code === 'create'));
    assert.ok(patientEntry.searchParam.some((p) => p.name === 'identifier'));
    assert.ok(res.json.rest[0].interaction.some((i) => i.code === 'transaction'));
  });

  test('malformed JSON -> 400 OperationOutcome, and the server keeps working', async () => {
    assertOutcome(await fhir('POST', 'Patient', { body: '{"resourceType": "Patient",' }), 400);
    assertOutcome(await fhir('POST', '', { body: 'not json at all' }), 400);
    assert.equal((await fhir('GET', 'metadata')).status, 200);
  });

  test('invalid resources: 400 for structure errors, 422 for constraint violations', async () => {
    assertOutcome(await fhir('POST', 'Patient', { body: { resourceType: 'Patient', bogus: 1 } }), 400);
    assertOutcome(await fhir('POST', 'Patient', { body: { resourceType: 'Patient', birthDate: 'yesterday' } }), 400);
    const wrongType = { resourceType: 'Observation', status: 'final', code: { text: 'x' } };
    assertOutcome(await fhir('POST', 'Patient', { body: wrongType }), 400);
    // pat-1: a contact needs some details.
    const contactWithoutDetails = { resourceType: 'Patient', contact: [{ gender: 'male' }] };
    assertOutcome(await fhir('POST', 'Patient', { body: contactWithoutDetails }), 422);
  });

  test('unknown resource type -> 404; XML -> 415', async () => {
    assertOutcome(await fhir('GET', 'NotAResource/1'), 404);
    assertOutcome(await fhir('POST', 'Patient', { body: '<Patient/>', contentType: 'application/fhir+xml' }), 415);
  });
});

describe('fault switch', () => {
  test('429 with Retry-After for the next N matching requests, then normal', async () => {
    const add = await admin('POST', 'faults', { kind: '429', count: 2, retryAfter: 3, method: 'GET' });
    assert.equal(add.status, 201);
    assert.equal((await admin('GET', 'faults')).json.faults.length, 1);

    // A POST does not match the method filter.
    assert.equal((await fhir('POST', 'Patient', { body: patient(60) })).status, 201);
    for (let i = 0; i < 2; i++) {
      const res = await fhir('GET', 'Patient');
      assertOutcome(res, 429);
      assert.equal(res.headers.get('retry-after'), '3');
    }
    assert.equal((await fhir('GET', 'Patient')).status, 200);
    assert.equal((await admin('GET', 'faults')).json.faults.length, 0);
  });

  test('503, with a pathPrefix filter; DELETE clears pending faults', async () => {
    await admin('POST', 'faults', { kind: '503', count: 5, pathPrefix: '/fhir/Observation' });
    assert.equal((await fhir('GET', 'Patient')).status, 200);
    assertOutcome(await fhir('GET', 'Observation'), 503);
    assert.equal((await admin('DELETE', 'faults')).status, 200);
    assert.equal((await fhir('GET', 'Observation')).status, 200);
  });

  test('delay: the request is answered normally after the delay', async () => {
    await admin('POST', 'faults', { kind: 'delay', delayMs: 300 });
    const started = Date.now();
    const res = await fhir('POST', 'Patient', { body: patient(61) });
    assert.ok(Date.now() - started >= 290, 'response should be delayed');
    assert.equal(res.status, 201);
  });

  test('drop: connection closed without a response, nothing stored', async () => {
    await admin('POST', 'faults', { kind: 'drop', method: 'POST' });
    await assert.rejects(fhir('POST', 'Patient', { body: patient(62) }));
    assert.equal((await fhir('GET', 'Patient?identifier=urn:mrn|62')).json.total, 0);
    const log = (await admin('GET', 'requests')).json.requests;
    const post = log.find((r) => r.method === 'POST');
    assert.equal(post.fault, 'drop');
    assert.equal(post.status, null);
    assert.equal(post.responded, false);
  });

  test('drop-after: the write is stored but the response is lost', async () => {
    await admin('POST', 'faults', { kind: 'drop-after', method: 'POST', pathPrefix: '/fhir/Patient' });
    await assert.rejects(fhir('POST', 'Patient', { body: patient(63) }));
    const search = await fhir('GET', 'Patient?identifier=urn:mrn|63');
    assert.equal(search.json.total, 1);
    const post = (await admin('GET', 'requests')).json.requests.find((r) => r.method === 'POST');
    assert.deepEqual(
      { fault: post.fault, status: post.status, responded: post.responded },
      { fault: 'drop-after', status: 201, responded: false }
    );
  });

  test('invalid fault specs are rejected with 400 and nothing is queued', async () => {
    const res = await admin('POST', 'faults', [{ kind: '429' }, { kind: 'explode' }]);
    assert.equal(res.status, 400);
    assert.match(res.json.error, /explode/);
    assert.equal((await admin('GET', 'faults')).json.faults.length, 0);
  });

  test('request log records method, path, status and If-Match', async () => {
    const { id } = await createPatient(64);
    await fhir('PUT', `Patient/${id}`, { body: { ...patient(64), id }, headers: { 'If-Match': 'W/"7"' } });
    const log = (await admin('GET', 'requests')).json.requests;
    assert.deepEqual(
      log.map((r) => [r.method, r.path, r.status, r.ifMatch]),
      [
        ['POST', '/fhir/Patient', 201, null],
        ['PUT', `/fhir/Patient/${id}`, 412, 'W/"7"'],
      ]
    );
  });
});
