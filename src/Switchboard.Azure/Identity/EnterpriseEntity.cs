using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Identity;

/// <summary>
/// PartitionKey = enterprise id, RowKey = <see cref="RowKeyValue"/>: every identity is its own partition, so merges
/// of unrelated people never contend. <see cref="MergedInto"/> points a retired id at its survivor (ADT^A40).
/// </summary>
internal sealed class EnterpriseEntity : ITableEntity
{
    public const string RowKeyValue = "enterprise";

    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = RowKeyValue;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string? MergedInto { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
