using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Storage;

/// <summary>
/// PartitionKey = patient key (a keyed hash, so the table holds no identifiers); RowKey = destination name.
/// One patient's rows sit together; writers race on the row's ETag.
/// </summary>
internal sealed class PatientOrderEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public DateTimeOffset EventTime { get; set; }

    public string EnvelopeId { get; set; } = string.Empty;
}
