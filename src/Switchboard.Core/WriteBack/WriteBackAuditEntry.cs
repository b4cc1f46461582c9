namespace Switchboard.Core.WriteBack;

/// <summary>One state change of a write-back. Ids, versions, paths and codes only: audit rows are shown to operators.</summary>
/// <param name="State">The state entered, e.g. <c>authorized</c>, <c>written</c>, <c>awaiting-review</c>.</param>
/// <param name="Code">Outcome or issue code (e.g. <c>WB001</c>), when there is one.</param>
/// <param name="Rule">The ownership rule that decided it, e.g. <c>Patient.telecom</c>.</param>
/// <param name="Target">What was affected, e.g. <c>Patient/1/_history/3</c>.</param>
public sealed record WriteBackAuditEntry(
    string InstanceId,
    DateTimeOffset At,
    string State,
    string? Code,
    string? Rule,
    string Actor,
    string? Target);
