// Test-only fault switch: makes the next N matching requests misbehave, so clients' retry, back-off and
// outcome-unknown handling can be tested against a real server.

const ACTION_KINDS = new Set(['delay', 'drop', 'drop-after']);

export class FaultSwitch {
  #faults = [];
  #nextId = 1;

  /**
   * Queues one fault spec or an array of them. All are validated first, so an invalid one queues nothing;
   * throws an Error with a readable message. Spec: { kind, count?, method?, pathPrefix?, retryAfter?, delayMs? }
   * where kind is 'delay', 'drop', 'drop-after' or an HTTP error status such as '429', '503', '500' or '409'.
   */
  add(specs) {
    const faults = (Array.isArray(specs) ? specs : [specs]).map((spec) => this.#validate(spec));
    this.#faults.push(...faults.map((fault) => ({ id: this.#nextId++, ...fault })));
  }

  #validate(spec) {
    if (!spec || typeof spec !== 'object' || Array.isArray(spec)) {
      throw new Error('fault must be a JSON object');
    }
    const kind = String(spec.kind ?? '');
    const isStatus = /^[45]\d\d$/.test(kind);
    if (!isStatus && !ACTION_KINDS.has(kind)) {
      throw new Error(`unknown fault kind "${kind}": use 429, 503 (or any 4xx/5xx), delay, drop or drop-after`);
    }
    const count = spec.count ?? 1;
    if (!Number.isInteger(count) || count < 1) {
      throw new Error('count must be a positive integer');
    }
    if (kind === 'delay' && !(Number.isFinite(spec.delayMs) && spec.delayMs >= 0)) {
      throw new Error('delay faults need delayMs >= 0');
    }
    if (spec.retryAfter !== undefined && !(Number.isInteger(spec.retryAfter) && spec.retryAfter >= 0)) {
      throw new Error('retryAfter must be a whole number of seconds');
    }
    for (const field of ['method', 'pathPrefix']) {
      if (spec[field] !== undefined && typeof spec[field] !== 'string') {
        throw new Error(`${field} must be a string`);
      }
    }
    return {
      kind,
      remaining: count,
      ...(spec.method ? { method: spec.method.toUpperCase() } : {}),
      ...(spec.pathPrefix ? { pathPrefix: spec.pathPrefix } : {}),
      ...(spec.retryAfter !== undefined ? { retryAfter: spec.retryAfter } : {}),
      ...(kind === 'delay' ? { delayMs: spec.delayMs } : {}),
    };
  }

  /**
   * Consumes one use of the first queued fault that matches the request, oldest first.
   * `paths` lists the spellings of the request path that a pathPrefix may match (with and without /fhir).
   */
  take(method, paths) {
    const index = this.#faults.findIndex(
      (f) => (!f.method || f.method === method) && (!f.pathPrefix || paths.some((p) => p.startsWith(f.pathPrefix)))
    );
    if (index < 0) {
      return undefined;
    }
    const fault = this.#faults[index];
    fault.remaining--;
    if (fault.remaining === 0) {
      this.#faults.splice(index, 1);
    }
    return fault;
  }

  list() {
    return this.#faults.map((f) => ({ ...f }));
  }

  clear() {
    this.#faults = [];
  }
}
