namespace Switchboard.Core.WriteBack;

/// <summary>
/// A write-back waiting for a person. Ids and names only: the base/theirs/ours diff is a document
/// (<see cref="DiffDocument"/>) read by the review UI, never logged.
/// </summary>
/// <param name="Version">Opaque concurrency token (the table ETag): a decision must name the version it saw.</param>
public sealed record ReviewItem(
    string ReviewId,
    string InstanceId,
    string TargetSystem,
    string ResourceType,
    string? ResourceId,
    ReviewReason Reason,
    ReviewStatus Status,
    string? DiffDocument,
    IReadOnlyList<string> Paths,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DecidedAt,
    string? DecidedBy,
    string? Version);
