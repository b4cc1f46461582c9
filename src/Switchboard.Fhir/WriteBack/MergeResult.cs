using System.Text.Json.Nodes;

namespace Switchboard.Fhir.WriteBack;

/// <summary>The merged resource (theirs with our changes) and what happened to each change.</summary>
public sealed record MergeResult(JsonObject Merged, IReadOnlyList<FieldMergeOutcome> Fields)
{
    public bool Rejected => Fields.Any(f => f.Status == FieldMergeStatus.ConflictRejected);

    public bool NeedsReview => !Rejected && Fields.Any(f => f.Status == FieldMergeStatus.ConflictNeedsReview);

    /// <summary>True when the merged resource differs from theirs, i.e. there is something to send.</summary>
    public bool HasWrites => !Rejected && !NeedsReview
        && Fields.Any(f => f.Status is FieldMergeStatus.Applied or FieldMergeStatus.Rebased or FieldMergeStatus.Overridden);

    public IEnumerable<string> ConflictPaths => Fields
        .Where(f => f.Status is FieldMergeStatus.ConflictRejected or FieldMergeStatus.ConflictNeedsReview)
        .Select(f => f.Path);
}
