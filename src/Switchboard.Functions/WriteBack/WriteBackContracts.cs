using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

// Orchestration inputs, outputs, events and custom status: ids, versions, codes, field paths and document names
// only. They are stored in the task hub history, which operators can read; values and resources never go here.

/// <summary>What the authorization activity decided, with the limits the orchestrator needs (it reads no configuration itself).</summary>
public sealed record WriteBackPlan(
    string Decision,
    string? Code,
    bool IsCreate,
    bool CreateOnly,
    IReadOnlyList<string> Paths,
    TimeSpan ReviewTimeout,
    int MaxPreconditionAttempts,
    int MaxTransientAttempts,
    TimeSpan FirstRetryDelay,
    TimeSpan MaxRetryDelay,
    int MaxResolveAttempts,
    TimeSpan ResolveDelay);

/// <summary>Input of <see cref="ApplyWriteBackActivity"/>.</summary>
/// <param name="ChangesDocument">The change set to apply: the request, or a reviewer's edit.</param>
/// <param name="ForceOurs">A reviewer approved our values over the target's for overlapping fields.</param>
public sealed record ApplyInput(string InstanceId, string ChangesDocument, bool ForceOurs, int Attempt);

/// <summary>Result of one write attempt.</summary>
/// <param name="Status">One of <see cref="WriteStatus"/>.</param>
/// <param name="Location">Versioned location written, e.g. <c>Patient/1/_history/4</c>.</param>
/// <param name="RetryAfter">The target's Retry-After, when it sent one.</param>
/// <param name="DiffDocument">The base/theirs/ours diff, for review.</param>
/// <param name="MaybeLanded">A transient outcome of a write that got no response: it may have been applied.</param>
public sealed record WriteOutcome(string Status, string? Code, string? Location, TimeSpan? RetryAfter, string? DiffDocument, IReadOnlyList<string> Paths, IReadOnlyList<string> Rules, bool MaybeLanded = false);

/// <summary>Statuses of <see cref="WriteOutcome"/>.</summary>
public static class WriteStatus
{
    public const string Written = "written";
    public const string NothingToWrite = "nothing-to-write";
    public const string Stale = "stale";
    public const string Transient = "transient";
    public const string Conflict = "conflict";
    public const string ConflictRejected = "conflict-rejected";
    public const string Invalid = "invalid";
    public const string NotFound = "not-found";
    public const string OutcomeUnknown = "outcome-unknown";
    public const string Ambiguous = "ambiguous";
    public const string Refused = "refused";
}

/// <summary>Input of <see cref="SendCreateActivity"/>.</summary>
/// <param name="Resend">A reviewer confirmed an outcome-unknown create is absent from the target: send it again.</param>
public sealed record CreateInput(string InstanceId, string ChangesDocument, bool Resend);

/// <summary>Input of <see cref="OpenReviewActivity"/>.</summary>
public sealed record OpenReviewInput(string InstanceId, string ReviewId, ReviewReason Reason, string? DiffDocument, IReadOnlyList<string> Paths);

/// <summary>Raised by the review decision endpoint.</summary>
/// <param name="ChangesDocument">For edit-and-approve: the edited change set.</param>
public sealed record ReviewDecisionEvent(string ReviewId, ReviewVerdict Verdict, string DecidedBy, string? ChangesDocument);

/// <summary>Input of <see cref="RecordWriteBackStateActivity"/>.</summary>
public sealed record StateInput(string InstanceId, string State, string? Code, string? Rule, string? Target);

/// <summary>Input of <see cref="RecordProvenanceActivity"/>.</summary>
public sealed record ProvenanceInput(string InstanceId, string Location, IReadOnlyList<string> Rules);

/// <summary>Custom status shown by <c>GET /api/writeback/{id}</c>.</summary>
public sealed record WriteBackStatus(string State, int Attempt, string? ReviewId, string? Code);

/// <summary>The orchestration's output.</summary>
/// <param name="Outcome">written, unchanged, rejected, escalated or failed.</param>
public sealed record WriteBackResult(string Outcome, string? Code, string? Location);
