using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Storage;

/// <summary>
/// One audit hop. PartitionKey = envelope id (a trace reads one partition); RowKey = zero-padded UTC ticks
/// plus stage, so rows sort by time and two stages in the same tick stay distinct.
/// </summary>
internal sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Stage { get; set; } = string.Empty;

    public DateTimeOffset At { get; set; }

    public string Source { get; set; } = string.Empty;

    public string? TraceId { get; set; }

    public string? InputHash { get; set; }

    public string? OutputHash { get; set; }

    public string Outcome { get; set; } = string.Empty;

    public string? Rule { get; set; }

    public string Actor { get; set; } = string.Empty;

    public string? Target { get; set; }
}
