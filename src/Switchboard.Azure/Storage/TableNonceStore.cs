using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

/// <summary>
/// Nonces as rows: PartitionKey = source, RowKey = the nonce (its characters are checked by the caller: Table keys
/// forbid <c>/ \ # ?</c>, so the nonce is hashed). Insert-if-absent makes "used twice" a 409. Rows older than the
/// signature window are useless and are removed by the retention timer.
/// </summary>
public sealed class TableNonceStore(StorageClients clients, IOptions<StorageOptions> options) : INonceStore
{
    private readonly TableClient _table = clients.Tables.GetTableClient(options.Value.NonceTable);

    public async Task<bool> TryUseAsync(string source, string nonce, DateTimeOffset usedAt, CancellationToken cancellationToken)
    {
        var key = Core.Hashing.PayloadHash.Of(System.Text.Encoding.UTF8.GetBytes(nonce));
        try
        {
            await _table.AddEntityAsync(new TableEntity(source, key) { ["UsedAt"] = usedAt }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }

    public async Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken)
    {
        var deleted = 0;
        await foreach (var row in _table.QueryAsync<TableEntity>(TableClient.CreateQueryFilter($"UsedAt lt {cutoff}"), select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            await _table.DeleteEntityAsync(row.PartitionKey, row.RowKey, ETag.All, cancellationToken);
            deleted++;
        }

        return deleted;
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);
}
