#!/usr/bin/env node
// Switchboard local FHIR R4 server for development and tests.
//
// A small node:http adapter in front of medplum's FhirRouter and an in-memory repository (repository.mjs).
// The router does CRUD, conditional operations, JSON Patch, search matching and Bundle processing; this file
// adds what an HTTP FHIR server needs on top: JSON parsing and content types, ETag/Last-Modified/Location
// headers, paging links, history, transactions without medplum's size caps, a CapabilityStatement, error
// statuses, and the test-only admin API (fault switch, request log, reset) under /$admin.
//
// Usage: node tools/fhir-server/server.mjs [--port 8080] [--host 127.0.0.1] [--verbose]
// Prints exactly one line on stdout when ready: "FHIR server listening on http://<host>:<port>/fhir".

import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import {
  allOk,
  getResourceTypes,
  getSearchParameters,
  getStatus,
  isOk,
  isResourceType,
  preconditionFailed,
} from '@medplum/core';
import { FhirRouter } from '@medplum/fhir-router';
import { FaultSwitch } from './faults.mjs';
import { DevRepository } from './repository.mjs';

const FHIR_JSON = 'application/fhir+json; charset=utf-8';
const JSON_CONTENT_TYPES = new Set([
  'application/fhir+json',
  'application/json+fhir',
  'application/json',
  'application/json-patch+json',
  'text/json',
]);
const DEFAULT_PAGE_SIZE = 20;
const MAX_PAGE_SIZE = 1000;
const MAX_BODY_BYTES = 64 * 1024 * 1024;
const REQUEST_LOG_SIZE = 500;
// Search parameter types medplum's in-memory matcher implements; others would silently match nothing.
const MATCHABLE_PARAM_TYPES = new Set(['reference', 'string', 'uri', 'token', 'date']);
const SUPPORTED_MODIFIERS = new Set(['missing', 'not', 'contains']);
const SEARCH_CONTROL_PARAMS = new Set(['_count', '_offset', '_sort', '_total', '_summary', '_format', '_pretty']);
const HISTORY_PARAMS = new Set(['_count', '_offset', '_since', '_format', '_pretty']);

/** An error that maps straight to an HTTP status with an OperationOutcome body. */
class HttpError extends Error {
  constructor(status, code, text) {
    super(text);
    this.status = status;
    this.outcome = outcome('error', code, text);
  }
}

/** Thrown inside the repository's rollback scope to abandon a transaction with a ready-made response. */
class TransactionFailed extends Error {
  constructor(result) {
    super('transaction failed');
    this.result = result;
  }
}

function outcome(severity, code, text) {
  return { resourceType: 'OperationOutcome', issue: [{ severity, code, details: { text } }] };
}

/**
 * Creates (but does not start) the server. Returns the node http.Server plus the pieces tests may poke at.
 * @param {{ host?: string, verbose?: boolean }} [options]
 */
export function createFhirServer({ host = '127.0.0.1', verbose = false } = {}) {
  const repo = new DevRepository();
  const router = new FhirRouter();
  const faults = new FaultSwitch();
  const requestLog = [];
  const capabilityStatement = buildCapabilityStatement();
  let seq = 0;
  // Every FHIR request runs alone: MemoryRepository has no isolation, and serialising makes conditional
  // creates and transactions atomic (a rollback can never undo another request's write).
  let queue = Promise.resolve();
  const exclusive = (fn) => {
    const run = queue.then(fn);
    queue = run.catch(() => undefined);
    return run;
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err) => {
      // Last resort: never let a bug crash the process or leave the client hanging.
      console.error('fhir-server: unhandled error', err);
      if (!res.headersSent && !res.destroyed) {
        sendJson(res, req.method, 500, outcome('error', 'exception', String(err?.message ?? err)), FHIR_JSON);
      }
    });
  });
  // Outlive client connection pools (.NET's SocketsHttpHandler keeps idle connections for 60 s), so a client
  // never reuses a socket the server is closing at the same moment.
  server.keepAliveTimeout = 75_000;
  server.headersTimeout = 80_000;

  async function handle(req, res) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const path = safeDecode(url.pathname);
    if (path === '/$admin' || path.startsWith('/$admin/')) {
      return handleAdmin(req, res, path, await readBody(req));
    }

    const method = req.method ?? 'GET';
    const logEntry = {
      seq: ++seq,
      time: new Date().toISOString(),
      method,
      path: url.pathname,
      url: url.pathname + url.search,
      status: null, // The status the server produced; null when the request was dropped unprocessed.
      responded: false, // False for drop and drop-after faults: the client never got a response.
      ifMatch: req.headers['if-match'] ?? null,
      ifNoneExist: req.headers['if-none-exist'] ?? null,
      fault: null,
    };
    requestLog.push(logEntry);
    if (requestLog.length > REQUEST_LOG_SIZE) {
      requestLog.shift();
    }

    const body = await readBody(req);
    const rel = path === '/fhir' || path.startsWith('/fhir/') ? path.slice('/fhir'.length) : path;
    const fault = faults.take(method, [path, '/fhir' + rel]);
    if (fault) {
      logEntry.fault = fault.kind;
      if (fault.kind === 'drop') {
        return req.socket.destroy(); // Never processed, never answered.
      }
      if (fault.kind === 'delay') {
        await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
      } else if (fault.kind !== 'drop-after') {
        const status = Number(fault.kind);
        const headers = fault.retryAfter !== undefined ? { 'Retry-After': String(fault.retryAfter) } : {};
        const code = status === 429 ? 'throttled' : status >= 500 ? 'transient' : 'processing';
        Object.assign(logEntry, { status, responded: true });
        const body = outcome('error', code, `Injected fault: HTTP ${status}`);
        return sendJson(res, method, status, body, FHIR_JSON, headers);
      }
    }

    const base = `http://${req.headers.host ?? `${host}:${server.address()?.port}`}/fhir`;
    const pretty = url.searchParams.get('_pretty') === 'true';
    let result;
    if (body === null) {
      result = errorResult(new HttpError(413, 'too-costly', `Request body larger than ${MAX_BODY_BYTES} bytes`));
    } else {
      const segs = rel.split('/').filter(Boolean);
      result = await exclusive(() =>
        handleFhir({ method, segs, params: url.searchParams, headers: req.headers, body, base })
      );
    }

    logEntry.status = result.status;
    if (fault?.kind === 'drop-after') {
      return req.socket.destroy(); // Processed (and stored), but the response is lost.
    }
    logEntry.responded = true;
    if (verbose) {
      console.error(`${method} ${url.pathname}${url.search} -> ${result.status}`);
    }
    sendJson(res, method, result.status, result.body, FHIR_JSON, result.headers, pretty);
  }

  async function handleFhir({ method, segs, params, headers, body, base }) {
    try {
      const isRead = method === 'GET' || method === 'HEAD';
      const [type, id] = segs;
      if (isRead && segs.length === 1 && type === 'metadata') {
        const implementation = { description: 'Switchboard dev FHIR server', url: base };
        return { status: 200, body: { ...capabilityStatement, implementation } };
      }
      if (isRead && segs.at(-1) === '_history' && segs.length <= 3) {
        return history(segs.slice(0, -1), params, base);
      }
      if (type && !isResourceType(type) && !type.startsWith('$')) {
        throw new HttpError(404, 'not-supported', `Unknown resource type: ${type}`);
      }
      if (isRead && segs.length === 1) {
        return await search(type, new URLSearchParams(params), base);
      }

      const parsed = parseBody(method, headers, body);
      if (method === 'POST' && segs.length === 2 && id === '_search') {
        // Search by POST: form parameters and URL parameters together, answered like a GET search.
        const merged = new URLSearchParams(params);
        for (const [k, v] of parsed?.form ?? []) {
          merged.append(k, v);
        }
        return await search(type, merged, base);
      }
      if (parsed?.form) {
        throw new HttpError(415, 'not-supported', 'Form bodies are only accepted by POST [type]/_search');
      }
      if ((method === 'POST' || method === 'PUT') && (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))) {
        throw new HttpError(400, 'structure', 'Request body must be a FHIR resource (a JSON object)');
      }

      if (method === 'POST' && !segs.length && parsed?.resourceType === 'Bundle' && parsed.type === 'transaction') {
        return await transaction(parsed, headers, base);
      }

      const fhirHeaders = { ...headers };
      const instance = segs.length === 2 && type && !id.startsWith('$');
      const currentVersion = instance ? repo.currentVersion(type, id) : undefined;
      if (headers['if-match'] !== undefined) {
        const wanted = parseEtag(headers['if-match']);
        fhirHeaders['if-match'] = `W/"${wanted}"`; // The router only reads a quoted value.
        // The router checks If-Match on PUT only; check PATCH and DELETE here.
        if (instance && (method === 'PATCH' || method === 'DELETE') && currentVersion !== wanted) {
          return { status: 412, body: preconditionFailed };
        }
      }

      const routerUrl = segs.join('/') + (params.size ? `?${params}` : '');
      const [result, resource] = await router.handleRequest(
        fhirRequest(isRead ? 'GET' : method, routerUrl, parsed, fhirHeaders),
        repo
      );
      if (!isOk(result)) {
        return { status: statusOf(result), body: result };
      }

      let status = getStatus(result);
      if (method === 'PUT' && instance && currentVersion === undefined) {
        status = 201; // Update-as-create; the router reports 200 for every successful update.
      }
      const responseHeaders = {};
      if (resource?.resourceType === 'Bundle') {
        decorateBundle(resource, base);
      } else if (resource?.meta?.versionId && resource.id) {
        const etag = `W/"${resource.meta.versionId}"`;
        if (isRead && headers['if-none-match'] && parseEtag(headers['if-none-match']) === resource.meta.versionId) {
          return { status: 304, headers: { ETag: etag } };
        }
        responseHeaders.ETag = etag;
        responseHeaders['Last-Modified'] = new Date(resource.meta.lastUpdated).toUTCString();
        if (status === 201 || (method === 'POST' && segs.length === 1)) {
          const { resourceType, id: resourceId, meta } = resource;
          responseHeaders.Location = `${base}/${resourceType}/${resourceId}/_history/${meta.versionId}`;
        }
      }

      let responseBody = resource ?? result;
      if (!isRead && resource && resource.resourceType !== 'Bundle') {
        // Prefer: return=minimal | return=OperationOutcome (default: representation).
        const prefer = String(headers.prefer ?? '');
        if (/return=minimal/i.test(prefer)) {
          responseBody = undefined;
        } else if (/return=OperationOutcome/i.test(prefer)) {
          responseBody = status === 201 ? outcome('information', 'informational', 'Created') : allOk;
        }
      }
      return { status, headers: responseHeaders, body: responseBody };
    } catch (err) {
      return errorResult(err);
    }
  }

  /**
   * Runs a transaction Bundle as a batch inside the repository's rollback scope, and undoes everything if any
   * entry fails. medplum's own transaction mode would reject realistic bundles: more than 8 entries when any is
   * conditional (If-None-Exist, conditional update/delete), or more than 50 updates. Requests are serialised,
   * so the batch runs in isolation; urn:uuid references are resolved by the router either way.
   */
  async function transaction(bundle, headers, base) {
    try {
      return await repo.withTransaction(async () => {
        const batch = fhirRequest('POST', '', { ...bundle, type: 'batch' }, headers);
        const [result, response] = await router.handleRequest(batch, repo);
        if (!isOk(result)) {
          throw new TransactionFailed({ status: statusOf(result), body: result });
        }
        const failed = response.entry.find((e) => !e.response?.status?.startsWith('2'));
        if (failed) {
          const entryOutcome = failed.response?.outcome ?? outcome('error', 'processing', 'Transaction entry failed');
          throw new TransactionFailed({ status: statusOf(entryOutcome), body: entryOutcome });
        }
        response.type = 'transaction-response';
        decorateBundle(response, base);
        return { status: 200, body: response };
      });
    } catch (err) {
      if (err instanceof TransactionFailed) {
        return err.result;
      }
      throw err;
    }
  }

  async function search(type, params, base) {
    checkSearchParams(type, params);
    // _summary=count asks for the total only; otherwise page with a default size so next links get exercised.
    const count =
      params.get('_summary') === 'count' ? 0 : integerParam(params, '_count', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const offset = integerParam(params, '_offset', 0);
    params.set('_count', String(count));
    params.delete('_offset');
    const request = fhirRequest('GET', `${type}?${params}&_offset=${offset}`);
    const [result, bundle] = await router.handleRequest(request, repo);
    if (!isOk(result)) {
      return { status: statusOf(result), body: result };
    }
    for (const entry of bundle.entry ?? []) {
      entry.fullUrl = `${base}/${type}/${entry.resource.id}`;
      entry.search = { mode: 'match' };
    }
    bundle.link = pageLinks(`${base}/${type}`, params, offset, count, bundle.total);
    return { status: 200, body: bundle };
  }

  function history(target, params, base) {
    const [type, id] = target;
    if (type && !isResourceType(type)) {
      throw new HttpError(404, 'not-supported', `Unknown resource type: ${type}`);
    }
    for (const key of params.keys()) {
      if (!HISTORY_PARAMS.has(key)) {
        throw new HttpError(400, 'not-supported', `Unsupported history parameter: ${key}`);
      }
    }
    const count = integerParam(params, '_count', DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE);
    const offset = integerParam(params, '_offset', 0);
    let since;
    if (params.has('_since')) {
      const date = new Date(params.get('_since'));
      if (Number.isNaN(date.getTime())) {
        throw new HttpError(400, 'invalid', `Invalid _since: ${params.get('_since')}`);
      }
      since = date.toISOString();
    }
    const bundle = repo.historyBundle({ type, id, since, offset, count });
    decorateBundle(bundle, base);
    const links = new URLSearchParams(params);
    links.set('_count', String(count));
    links.delete('_offset');
    bundle.link = pageLinks([base, ...target, '_history'].join('/'), links, offset, count, bundle.total);
    return { status: 200, body: bundle };
  }

  function handleAdmin(req, res, path, body) {
    const reply = (status, value) => sendJson(res, req.method, status, value, 'application/json; charset=utf-8');
    const route = `${req.method} ${path.replace(/\/+$/, '')}`;
    switch (route) {
      case 'GET /$admin/faults':
        return reply(200, { faults: faults.list() });
      case 'POST /$admin/faults': {
        try {
          faults.add(JSON.parse(body?.toString('utf8') || 'null'));
        } catch (err) {
          return reply(400, { error: err.message });
        }
        return reply(201, { faults: faults.list() });
      }
      case 'DELETE /$admin/faults':
        faults.clear();
        return reply(200, { faults: [] });
      case 'GET /$admin/requests':
        return reply(200, { requests: requestLog });
      case 'DELETE /$admin/requests':
        requestLog.length = 0;
        return reply(200, { requests: [] });
      case 'POST /$admin/reset':
        // Queued behind in-flight FHIR requests so a reset never lands in the middle of a transaction.
        return exclusive(() => {
          repo.reset();
          faults.clear();
          requestLog.length = 0;
          reply(200, { reset: true });
        });
      default:
        return reply(404, {
          error: `Unknown admin endpoint: ${route}`,
          endpoints: ['GET|POST|DELETE /$admin/faults', 'GET|DELETE /$admin/requests', 'POST /$admin/reset'],
        });
    }
  }

  return { server, repo, faults, requestLog };
}

/** A request for FhirRouter.handleRequest; the router fills in pathname, params and query from the url. */
function fhirRequest(method, url, body, headers = {}) {
  return { method, url, pathname: '', body, params: {}, query: {}, headers };
}

/** Parses a request body: a JSON value, { form } for urlencoded bodies, or undefined when empty. */
function parseBody(method, headers, raw) {
  if (!['POST', 'PUT', 'PATCH'].includes(method) || raw.length === 0) {
    return undefined;
  }
  const contentType = String(headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType === 'application/x-www-form-urlencoded') {
    return { form: new URLSearchParams(raw.toString('utf8')) };
  }
  if (contentType && !JSON_CONTENT_TYPES.has(contentType)) {
    throw new HttpError(415, 'not-supported', `Unsupported Content-Type: ${contentType} (JSON only)`);
  }
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch (err) {
    throw new HttpError(400, 'structure', `Malformed JSON body: ${err.message}`);
  }
}

/** Rejects search parameters the in-memory matcher cannot evaluate, instead of silently matching nothing. */
function checkSearchParams(type, params) {
  const known = getSearchParameters(type) ?? {};
  for (const [key, value] of params) {
    const [code, modifier] = key.split(':');
    if (code === '_summary') {
      if (value !== 'count' && value !== 'false') {
        throw new HttpError(400, 'not-supported', `_summary=${value} is not supported (only count and false)`);
      }
    } else if (code === '_sort') {
      for (const field of value.split(',')) {
        if (!known[field.replace(/^-/, '')]?.expression) {
          throw new HttpError(400, 'not-supported', `Cannot sort ${type} by ${field}`);
        }
      }
    } else if (!SEARCH_CONTROL_PARAMS.has(code)) {
      const param = known[code];
      if (!param) {
        throw new HttpError(400, 'not-supported', `Unknown or unsupported search parameter for ${type}: ${key}`);
      }
      if (!MATCHABLE_PARAM_TYPES.has(param.type) || !param.expression) {
        const text = `Search parameter ${code} (type ${param.type}) is not supported by this dev server`;
        throw new HttpError(400, 'not-supported', text);
      }
      if (modifier !== undefined && !SUPPORTED_MODIFIERS.has(modifier)) {
        throw new HttpError(400, 'not-supported', `Search modifier :${modifier} is not supported by this dev server`);
      }
    }
  }
}

function integerParam(params, name, fallback, max = Number.MAX_SAFE_INTEGER) {
  const raw = params.get(name);
  if (raw === null) {
    return fallback;
  }
  if (!/^\d+$/.test(raw)) {
    throw new HttpError(400, 'invalid', `${name} must be a non-negative integer`);
  }
  return Math.min(Number(raw), max);
}

/** self/previous/next links with absolute URLs, so clients can follow them straight back to this server. */
function pageLinks(url, params, offset, count, total) {
  const at = (o) => `${url}?${params}${o ? `&_offset=${o}` : ''}`;
  const links = [{ relation: 'self', url: at(offset) }];
  if (offset > 0) {
    links.push({ relation: 'previous', url: at(Math.max(0, offset - count)) });
  }
  if (count > 0 && offset + count < total) {
    links.push({ relation: 'next', url: at(offset + count) });
  }
  return links;
}

/** Adds fullUrls, and etag/lastModified/versioned location to batch/transaction responses. */
function decorateBundle(bundle, base) {
  for (const entry of bundle.entry ?? []) {
    const resource = entry.resource;
    if (resource?.resourceType === 'Bundle') {
      decorateBundle(resource, base);
    }
    if (entry.fullUrl && !/^[a-z]+:/i.test(entry.fullUrl)) {
      entry.fullUrl = `${base}/${entry.fullUrl}`; // History entries carry a relative fullUrl.
    } else if (!entry.fullUrl && resource?.id && resource.resourceType !== 'Bundle') {
      entry.fullUrl = `${base}/${resource.resourceType}/${resource.id}`;
    }
    const response = entry.response;
    if (response && bundle.type?.endsWith('-response')) {
      if (response.outcome && isOk(response.outcome)) {
        delete response.outcome; // medplum attaches an "All OK" outcome to every entry; drop the noise.
      }
      if (response.status?.startsWith('2') && resource?.meta?.versionId && resource.id) {
        response.etag = `W/"${resource.meta.versionId}"`;
        response.lastModified = resource.meta.lastUpdated;
        if (response.location) {
          response.location = `${resource.resourceType}/${resource.id}/_history/${resource.meta.versionId}`;
        }
      }
    }
  }
}

/** HTTP status for a medplum outcome; constraint (invariant) failures become 422 rather than medplum's 400. */
function statusOf(result) {
  const status = getStatus(result);
  const errors = (result.issue ?? []).filter((i) => i.severity === 'error' || i.severity === 'fatal');
  if (status === 400 && errors.length && errors.every((i) => i.code === 'invariant' || i.code === 'business-rule')) {
    return 422;
  }
  return status;
}

function errorResult(err) {
  if (err?.status && err.outcome) {
    return { status: err.status, body: err.outcome };
  }
  if (err?.outcome?.resourceType === 'OperationOutcome') {
    return { status: statusOf(err.outcome), body: err.outcome };
  }
  console.error('fhir-server: internal error', err);
  return { status: 500, body: outcome('error', 'exception', String(err?.message ?? err)) };
}

/** W/"3" -> 3, "3" -> 3, 3 -> 3 */
function parseEtag(value) {
  return String(value)
    .trim()
    .replace(/^W\//i, '')
    .replace(/^"(.*)"$/, '$1');
}

function safeDecode(path) {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}

/** Reads the whole body; resolves null when it exceeds MAX_BODY_BYTES. */
function readBody(req) {
  return new Promise((resolve) => {
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) {
        chunks.push(chunk);
      }
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', () => resolve(Buffer.alloc(0)));
  });
}

function sendJson(res, method, status, body, contentType, headers = {}, pretty = false) {
  const text = body === undefined ? '' : JSON.stringify(body, null, pretty ? 2 : undefined);
  res.writeHead(status, {
    ...(text ? { 'Content-Type': contentType } : {}),
    'Content-Length': Buffer.byteLength(text),
    ...headers,
  });
  res.end(method === 'HEAD' ? undefined : text);
}

function buildCapabilityStatement() {
  const interaction = [
    'read',
    'vread',
    'update',
    'patch',
    'delete',
    'history-instance',
    'history-type',
    'create',
    'search-type',
  ].map((code) => ({ code }));
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date: new Date().toISOString(),
    kind: 'instance',
    software: { name: 'Switchboard dev FHIR server (@medplum/fhir-router, in-memory)' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    patchFormat: ['application/json-patch+json'],
    rest: [
      {
        mode: 'server',
        resource: getResourceTypes()
          .sort()
          .map((type) => ({
            type,
            interaction,
            versioning: 'versioned-update', // If-Match is honoured on PUT, PATCH and DELETE.
            readHistory: true,
            updateCreate: true,
            conditionalCreate: true,
            conditionalRead: 'not-match',
            conditionalUpdate: true,
            conditionalDelete: 'single',
            searchParam: Object.values(getSearchParameters(type) ?? {})
              .filter((p) => MATCHABLE_PARAM_TYPES.has(p.type) && p.expression)
              .map((p) => ({ name: p.code, definition: p.url, type: p.type })),
          })),
        interaction: [{ code: 'transaction' }, { code: 'batch' }, { code: 'history-system' }],
      },
    ],
  };
}

/** Starts listening; resolves with the base URL once the socket is bound. */
export async function startFhirServer({ port = 8080, host = '127.0.0.1', verbose = false } = {}) {
  const fhir = createFhirServer({ host, verbose });
  await new Promise((resolve, reject) => {
    fhir.server.once('error', reject);
    fhir.server.listen(port, host, resolve);
  });
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return { ...fhir, url: `http://${urlHost}:${fhir.server.address().port}/fhir` };
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      verbose: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port ?? process.env.FHIR_SERVER_PORT ?? 8080);
  const host = values.host ?? process.env.FHIR_SERVER_HOST ?? '127.0.0.1';
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`Invalid port: ${values.port ?? process.env.FHIR_SERVER_PORT}`);
  }
  const { server, url } = await startFhirServer({ port, host, verbose: values.verbose });
  const stop = () => {
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  process.stdout.write(`FHIR server listening on ${url}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((err) => {
    console.error(`fhir-server: ${err.message}`);
    process.exit(1);
  });
}
