using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Propagation;

/// <summary>PartitionKey = source; RowKey = resource type: one watermark per searched type.</summary>
internal sealed class WatermarkEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset LastUpdated { get; set; }

    public DateTimeOffset CheckedAt { get; set; }
}
