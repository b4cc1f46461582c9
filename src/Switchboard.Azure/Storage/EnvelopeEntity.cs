using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Storage;

/// <summary>
/// The envelope row. PartitionKey = envelope id (a hash of source + idempotency key: key-safe, reveals nothing);
/// RowKey = <see cref="RowKeyValue"/>. Its audit rows share the partition, so acceptance and every state change are
/// one entity-group transaction with their audit entry, and a trace is a single-partition read.
/// </summary>
internal sealed class EnvelopeEntity : ITableEntity
{
    public const string RowKeyValue = "envelope";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = RowKeyValue;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string Source { get; set; } = string.Empty;

    public string Kind { get; set; } = string.Empty;

    public string MessageControlId { get; set; } = string.Empty;

    public string MessageType { get; set; } = string.Empty;

    public string PayloadHash { get; set; } = string.Empty;

    public string BlobName { get; set; } = string.Empty;

    public DateTimeOffset ReceivedAt { get; set; }

    public DateTimeOffset? EventTime { get; set; }

    public string? TraceParent { get; set; }

    public string? PatientKey { get; set; }

    public string State { get; set; } = string.Empty;

    public string Response { get; set; } = string.Empty;

    public string? IssueCode { get; set; }

    public string? Stage { get; set; }

    public int AuditCount { get; set; }

    public string ChainHead { get; set; } = string.Empty;
}
