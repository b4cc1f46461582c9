using Azure;
using Switchboard.Core.WriteBack;

namespace Switchboard.Azure.WriteBack;

public sealed class TableReviewStore(WriteBackStorage storage) : IReviewStore
{
    public async Task<ReviewItem> GetOrAddAsync(ReviewItem item, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(item);
        try
        {
            await storage.Reviews.AddEntityAsync(ToEntity(item), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Same id already there: a replayed activity.
        }

        return (await GetAsync(item.ReviewId, cancellationToken))!;
    }

    public async Task<ReviewItem?> GetAsync(string reviewId, CancellationToken cancellationToken)
    {
        var found = await storage.Reviews.GetEntityIfExistsAsync<ReviewItemEntity>(ReviewItemEntity.Partition, reviewId, cancellationToken: cancellationToken);
        return found.HasValue && found.Value is { } e ? FromEntity(e) : null;
    }

    public async Task<IReadOnlyList<ReviewItem>> ListAsync(ReviewStatus status, int max, CancellationToken cancellationToken)
    {
        var items = new List<ReviewItem>();
        var name = status.ToString();
        await foreach (var e in storage.Reviews.QueryAsync<ReviewItemEntity>(r => r.PartitionKey == ReviewItemEntity.Partition && r.Status == name, cancellationToken: cancellationToken))
        {
            items.Add(FromEntity(e));
            if (items.Count >= max)
            {
                break;
            }
        }

        return items;
    }

    public async Task<ReviewDecisionResult> TryDecideAsync(string reviewId, string version, ReviewStatus status, string decidedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var current = await storage.Reviews.GetEntityIfExistsAsync<ReviewItemEntity>(ReviewItemEntity.Partition, reviewId, cancellationToken: cancellationToken);
        if (!current.HasValue || current.Value is not { } entity)
        {
            return ReviewDecisionResult.NotFound;
        }

        if (entity.ETag.ToString() != version || entity.Status != nameof(ReviewStatus.Pending))
        {
            return ReviewDecisionResult.Stale;
        }

        entity.Status = status.ToString();
        entity.DecidedAt = at;
        entity.DecidedBy = decidedBy;
        try
        {
            await storage.Reviews.UpdateEntityAsync(entity, new ETag(version), cancellationToken: cancellationToken);
            return ReviewDecisionResult.Recorded;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return ReviewDecisionResult.Stale;
        }
    }

    private static ReviewItemEntity ToEntity(ReviewItem item) => new()
    {
        RowKey = item.ReviewId,
        InstanceId = item.InstanceId,
        TargetSystem = item.TargetSystem,
        ResourceType = item.ResourceType,
        ResourceId = item.ResourceId,
        Reason = item.Reason.ToString(),
        Status = item.Status.ToString(),
        DiffDocument = item.DiffDocument,
        Paths = string.Join(',', item.Paths),
        CreatedAt = item.CreatedAt,
        DecidedAt = item.DecidedAt,
        DecidedBy = item.DecidedBy,
    };

    private static ReviewItem FromEntity(ReviewItemEntity e) => new(
        e.RowKey,
        e.InstanceId,
        e.TargetSystem,
        e.ResourceType,
        e.ResourceId,
        Enum.Parse<ReviewReason>(e.Reason),
        Enum.Parse<ReviewStatus>(e.Status),
        e.DiffDocument,
        e.Paths.Length == 0 ? [] : e.Paths.Split(','),
        e.CreatedAt,
        e.DecidedAt,
        e.DecidedBy,
        e.ETag.ToString());
}
