using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Propagation;

/// <summary>
/// The subscriber's bookkeeping rows, in the same partition as its events: RowKey <c>~counter</c> (last sequence
/// number given), <c>~lease</c> (who delivers now, until when) and <c>i{envelopeId}</c> (the sequence an envelope
/// got, so a retry finds it instead of taking a new number).
/// </summary>
internal sealed class SubscriberRowEntity : ITableEntity
{
    public const string Counter = "~counter";
    public const string Lease = "~lease";
    public const string IndexPrefix = "i";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public long Sequence { get; set; }

    public string? Holder { get; set; }

    public DateTimeOffset? Until { get; set; }
}
