namespace Switchboard.Functions.Operations;

/// <summary>
/// <c>POST /api/admin/replay</c>. Select envelopes by id, by time range (received in [from, to)), or the whole
/// dead-letter set. <c>replay</c> re-runs them under their own idempotency key (no duplicate effects);
/// <c>backfill</c> re-accepts their raw payloads under a new key (after a mapping fix). <c>dryRun</c> changes nothing
/// and reports, per envelope, what would be done and which resource fields would change.
/// </summary>
public sealed record ReplayRequest(
    IReadOnlyList<string>? EnvelopeIds,
    DateTimeOffset? From,
    DateTimeOffset? To,
    bool DeadLetters,
    string Mode,
    bool DryRun,
    string Actor,
    string? Reason);

/// <param name="Action">What was (or would be) done: <c>requeued:translate</c>, <c>backfilled:{newEnvelopeId}</c>, <c>would-update</c> …</param>
/// <param name="Changes">For dry runs: the FHIR element paths whose values would change (paths only: values may be PHI).</param>
public sealed record ReplayItemResult(string EnvelopeId, string Action, IReadOnlyList<string>? Changes = null);

public sealed record ReplayResult(string Mode, bool DryRun, IReadOnlyList<ReplayItemResult> Items);
