namespace Switchboard.Core.Audit;

/// <summary>One hop of one envelope through the pipeline. Ids and hashes only: audit rows are shown to operators.</summary>
/// <param name="Stage">Pipeline stage, e.g. <c>intake</c>, <c>translate</c>, <c>deliver</c>.</param>
/// <param name="Outcome">Stable outcome code, e.g. <c>accepted</c>, <c>duplicate</c>, <c>created</c>, <c>updated</c>.</param>
/// <param name="Rule">The mapping, routing or ownership rule that decided the outcome.</param>
/// <param name="Actor">Who acted: the system or person and the authority it acted under.</param>
/// <param name="Target">What was affected, e.g. <c>Patient/123/_history/2</c>.</param>
public sealed record AuditEntry(
    string EnvelopeId,
    string Stage,
    DateTimeOffset At,
    string Source,
    string? TraceId,
    string? InputHash,
    string? OutputHash,
    string Outcome,
    string? Rule,
    string Actor,
    string? Target);
