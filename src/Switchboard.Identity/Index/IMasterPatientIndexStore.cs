namespace Switchboard.Identity.Index;

/// <summary>
/// Persistence port of the master patient index. Every record carries an opaque ETag: a save with a non-null ETag
/// replaces only that exact version, a save with a null ETag only inserts; otherwise the store throws
/// <see cref="IdentityConcurrencyException"/> (HTTP 409). The Table-storage adapter maps ETags to entity ETags:
/// links PartitionKey = source system, RowKey = MRN; enterprises PartitionKey = "E", RowKey = id; review items
/// PartitionKey = status, RowKey = id.
/// </summary>
public interface IMasterPatientIndexStore
{
    Task<SourceLink?> GetLinkAsync(SourceRecordKey key, CancellationToken cancellationToken);

    /// <summary>Links that point directly at <paramref name="enterpriseId"/> (not through merges).</summary>
    Task<IReadOnlyList<SourceLink>> GetLinksAsync(string enterpriseId, CancellationToken cancellationToken);

    /// <summary>Inserts or replaces (by ETag) a link; returns it with its new ETag.</summary>
    Task<SourceLink> SaveLinkAsync(SourceLink link, CancellationToken cancellationToken);

    Task<EnterpriseRecord?> GetEnterpriseAsync(string enterpriseId, CancellationToken cancellationToken);

    Task<EnterpriseRecord> SaveEnterpriseAsync(EnterpriseRecord enterprise, CancellationToken cancellationToken);

    Task<ReviewItem?> GetReviewItemAsync(string id, CancellationToken cancellationToken);

    Task<ReviewItem> SaveReviewItemAsync(ReviewItem item, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewItem>> GetOpenReviewItemsAsync(int max, CancellationToken cancellationToken);
}
