using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.WriteBack;

/// <summary>
/// One review item. PartitionKey = <c>review</c> (one partition: review volume is small and the list query
/// filters by status across all targets); RowKey = review id. Decisions update with the ETag the reviewer saw.
/// </summary>
internal sealed class ReviewItemEntity : ITableEntity
{
    public const string Partition = "review";

    public string PartitionKey { get; set; } = Partition;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string InstanceId { get; set; } = string.Empty;

    public string TargetSystem { get; set; } = string.Empty;

    public string ResourceType { get; set; } = string.Empty;

    public string? ResourceId { get; set; }

    public string Reason { get; set; } = string.Empty;

    public string Status { get; set; } = string.Empty;

    public string? DiffDocument { get; set; }

    /// <summary>Field paths, comma-separated (paths contain no commas).</summary>
    public string Paths { get; set; } = string.Empty;

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedBy { get; set; }
}
