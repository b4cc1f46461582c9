using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

public sealed class TableIdempotencyStore(StorageClients clients, IOptions<StorageOptions> options) : IIdempotencyStore
{
    private readonly TableClient _table = clients.Tables.GetTableClient(options.Value.IdempotencyTable);

    public async Task<IdempotencyRecord?> TryInsertAsync(IdempotencyRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            // AddEntity is insert-if-absent: exactly one concurrent caller wins the key.
            await _table.AddEntityAsync(ToEntity(record), cancellationToken);
            return null;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            var existing = await _table.GetEntityAsync<IdempotencyEntity>(record.Source, record.EnvelopeId, cancellationToken: cancellationToken);
            return ToRecord(existing.Value);
        }
    }

    public async Task MarkEnqueuedAsync(string source, string envelopeId, CancellationToken cancellationToken)
    {
        var entity = new TableEntity(source, envelopeId) { [nameof(IdempotencyEntity.Enqueued)] = true };
        await _table.UpdateEntityAsync(entity, ETag.All, TableUpdateMode.Merge, cancellationToken);
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);

    private static IdempotencyEntity ToEntity(IdempotencyRecord record) => new()
    {
        PartitionKey = record.Source,
        RowKey = record.EnvelopeId,
        PayloadHash = record.PayloadHash,
        BlobName = record.BlobName,
        Response = record.Response,
        Enqueued = record.Enqueued,
    };

    private static IdempotencyRecord ToRecord(IdempotencyEntity entity) =>
        new(entity.PartitionKey, entity.RowKey, entity.PayloadHash, entity.BlobName, entity.Response, entity.Enqueued);
}
