namespace Switchboard.Core.WriteBack;

/// <summary>Review items. Decisions are conditional on the version the reviewer saw (stale → <see cref="ReviewDecisionResult.Stale"/>).</summary>
public interface IReviewStore
{
    /// <summary>Creates the item, or returns the existing one with the same id (replay-safe).</summary>
    Task<ReviewItem> GetOrAddAsync(ReviewItem item, CancellationToken cancellationToken);

    Task<ReviewItem?> GetAsync(string reviewId, CancellationToken cancellationToken);

    Task<IReadOnlyList<ReviewItem>> ListAsync(ReviewStatus status, int max, CancellationToken cancellationToken);

    /// <summary>Moves a pending item to <paramref name="status"/> if <paramref name="version"/> is still current.</summary>
    Task<ReviewDecisionResult> TryDecideAsync(string reviewId, string version, ReviewStatus status, string decidedBy, DateTimeOffset at, CancellationToken cancellationToken);
}
