using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Storage;

/// <summary>
/// One audit hop, in the envelope's partition. RowKey = <c>audit-</c> + zero-padded sequence, so rows read back
/// in chain order and a second writer of the same sequence fails instead of forking the chain.
/// </summary>
internal sealed class AuditEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public int Sequence { get; set; }

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

    public string PreviousHash { get; set; } = string.Empty;

    public string Hash { get; set; } = string.Empty;

    public static string RowKeyFor(int sequence) => $"audit-{sequence:D6}";
}
