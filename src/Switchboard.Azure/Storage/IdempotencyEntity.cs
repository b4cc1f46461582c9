using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Storage;

/// <summary>
/// One accepted idempotency key. PartitionKey = source (keys of one source sit together and a source's
/// history can be listed or purged at once); RowKey = envelope id (hash of source + control id, so it is
/// key-safe and reveals nothing).
/// </summary>
internal sealed class IdempotencyEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    public string PayloadHash { get; set; } = string.Empty;

    public string BlobName { get; set; } = string.Empty;

    public string Response { get; set; } = string.Empty;

    public bool Enqueued { get; set; }
}
