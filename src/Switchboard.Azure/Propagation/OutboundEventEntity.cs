using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Propagation;

/// <summary>
/// PartitionKey = subscriber, so a subscriber's counter, index and events change together in one transaction.
/// RowKey = <c>e</c> + the sequence zero-padded to 19 digits, so row order is sequence order (the feed's cursor).
/// </summary>
internal sealed class OutboundEventEntity : ITableEntity
{
    public const string Prefix = "e";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public long Sequence { get; set; }

    public string EventId { get; set; } = string.Empty;

    public string Source { get; set; } = string.Empty;

    public string MessageType { get; set; } = string.Empty;

    public DateTimeOffset OccurredAt { get; set; }

    public string? PatientKey { get; set; }

    public string? Patient { get; set; }

    public string DataBlob { get; set; } = string.Empty;

    public string? TraceParent { get; set; }

    public string State { get; set; } = string.Empty;

    public int Attempts { get; set; }

    public string? IssueCode { get; set; }

    public static string Key(long sequence) => Prefix + sequence.ToString("D19", System.Globalization.CultureInfo.InvariantCulture);
}
