using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.WriteBack;

/// <summary>
/// One state change of a write-back. PartitionKey = instance id (the status endpoint reads one partition);
/// RowKey = zero-padded UTC ticks + state, so rows sort by time and a replayed activity rewrites its own row.
/// </summary>
internal sealed class WriteBackAuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset At { get; set; }

    public string State { get; set; } = string.Empty;

    public string? Code { get; set; }

    public string? Rule { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string? Target { get; set; }
}
