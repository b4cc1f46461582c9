using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Identity;

/// <summary>
/// PartitionKey = <see cref="PartitionKeyValue"/>, RowKey = review item id. One partition (not one per status) so a
/// decision is an ETag-guarded replace of the same row: moving a row between status partitions would be a delete
/// plus an insert, which Table storage cannot make atomic. The open queue is a filtered query on that partition.
/// </summary>
internal sealed class ReviewItemEntity : ITableEntity
{
    public const string PartitionKeyValue = "review";

    public string PartitionKey { get; set; } = PartitionKeyValue;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string SourceSystemA { get; set; } = string.Empty;

    public string MrnA { get; set; } = string.Empty;

    public string SourceSystemB { get; set; } = string.Empty;

    public string MrnB { get; set; } = string.Empty;

    public double Score { get; set; }

    public string Rule { get; set; } = string.Empty;

    /// <summary><c>Open</c>, <c>SamePerson</c> or <c>DifferentPeople</c>.</summary>
    public string Status { get; set; } = string.Empty;

    public string? DecidedBy { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
