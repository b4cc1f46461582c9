namespace Switchboard.Identity.Index;

public enum ReviewStatus
{
    Open,
    SamePerson,
    DifferentPeople,
}

/// <summary>A possible match queued for a human, decided with optimistic concurrency (stale ETag → 409).</summary>
public sealed record ReviewItem(
    string Id,
    SourceRecordKey A,
    SourceRecordKey B,
    double Score,
    string Rule,
    ReviewStatus Status,
    string? DecidedBy,
    DateTimeOffset UpdatedAt,
    string? ETag = null);
