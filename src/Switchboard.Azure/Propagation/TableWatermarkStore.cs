using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Switchboard.Azure.Storage;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;

namespace Switchboard.Azure.Propagation;

public sealed class TableWatermarkStore(Storage.StorageClients clients, IOptions<PropagationStorageOptions> options) : IWatermarkStore
{
    private readonly TableClient _table = clients.Tables.GetTableClient(options.Value.WatermarkTable);

    public async Task<Watermark?> GetAsync(string source, string resourceType, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<WatermarkEntity>(source, resourceType, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e ? new Watermark(e.PartitionKey, e.RowKey, e.LastUpdated, e.CheckedAt, e.ETag.ToString()) : null;
    }

    public async Task<bool> TrySaveAsync(Watermark watermark, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(watermark);
        var entity = new WatermarkEntity
        {
            PartitionKey = watermark.Source,
            RowKey = watermark.ResourceType,
            LastUpdated = watermark.LastUpdated,
            CheckedAt = watermark.CheckedAt,
        };
        return await _table.TryWriteAsync(entity, watermark.ETag, cancellationToken);
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);
}
