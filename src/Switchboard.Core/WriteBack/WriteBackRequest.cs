namespace Switchboard.Core.WriteBack;

/// <summary>
/// A proposal to change a resource in a target system. It holds field values (possibly PHI), so it is stored as a
/// document and only its id travels through orchestration history, logs and audit.
/// </summary>
/// <param name="TargetSystem">The configured target system to write to.</param>
/// <param name="ResourceType">FHIR resource type, e.g. <c>Patient</c>.</param>
/// <param name="ResourceId">Logical id in the target; null for a create (create-only targets).</param>
/// <param name="BaseVersion">The version the proposer saw; null for a create.</param>
/// <param name="Changes">The field-level changes.</param>
/// <param name="ProposerSystem">The system the change comes from (its ownership role is checked).</param>
/// <param name="ProposerId">The person or service account behind the change (Provenance "on behalf of").</param>
/// <param name="Reason">Why the change is proposed (free text, kept in the document, never logged).</param>
/// <param name="IdempotencyKey">The proposer's key: the same key never writes twice.</param>
public sealed record WriteBackRequest(
    string TargetSystem,
    string ResourceType,
    string? ResourceId,
    string? BaseVersion,
    IReadOnlyList<FieldChange> Changes,
    string ProposerSystem,
    string ProposerId,
    string? Reason,
    string IdempotencyKey)
{
    public bool IsCreate => ResourceId is null;
}
