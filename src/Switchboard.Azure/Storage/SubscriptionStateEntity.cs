using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Storage;

/// <summary>PartitionKey = source; RowKey = hash of the subscription reference (references contain '/').</summary>
internal sealed class SubscriptionStateEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Subscription { get; set; } = string.Empty;

    public long LastEventNumber { get; set; }

    public DateTimeOffset? LastHeartbeatAt { get; set; }

    public long? GapFrom { get; set; }

    public long? GapTo { get; set; }
}
