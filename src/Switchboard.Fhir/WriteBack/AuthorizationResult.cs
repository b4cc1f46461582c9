namespace Switchboard.Fhir.WriteBack;

/// <summary>The ownership check of a whole request: one rejected field rejects the request (no partial write-backs).</summary>
/// <param name="Code">The first rejection code (<see cref="WriteBackCodes"/>), when rejected.</param>
/// <param name="Reason">A reason naming the path and rule, never a value.</param>
public sealed record AuthorizationResult(AuthorizationDecision Decision, string? Code, string? Reason, IReadOnlyList<AuthorizedChange> Changes);
