using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.WriteBack;

/// <summary>
/// One create on a create-only target. PartitionKey = instance id (one create per write-back, read by id);
/// RowKey = <c>create</c>. Every update is conditional on the ETag.
/// </summary>
internal sealed class WriteLedgerEntity : ITableEntity
{
    public const string Row = "create";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = Row;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string TargetSystem { get; set; } = string.Empty;

    public string ResourceType { get; set; } = string.Empty;

    public string State { get; set; } = string.Empty;

    public string? Location { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
