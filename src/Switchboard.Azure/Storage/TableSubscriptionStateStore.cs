using Azure;
using Azure.Data.Tables;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ports;
using Switchboard.Core.Subscriptions;

namespace Switchboard.Azure.Storage;

public sealed class TableSubscriptionStateStore(StorageClients clients, IOptions<StorageOptions> options) : ISubscriptionStateStore
{
    private readonly TableClient _table = clients.Tables.GetTableClient(options.Value.SubscriptionTable);

    public async Task<SubscriptionState?> GetAsync(string source, string subscriptionKey, CancellationToken cancellationToken)
    {
        var row = await _table.GetEntityIfExistsAsync<SubscriptionStateEntity>(source, subscriptionKey, cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } e
            ? new SubscriptionState(e.PartitionKey, e.RowKey, e.Subscription, e.LastEventNumber, e.LastHeartbeatAt, e.GapFrom, e.GapTo, e.ETag.ToString())
            : null;
    }

    public async Task<bool> TrySaveAsync(SubscriptionState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(state);
        var entity = new SubscriptionStateEntity
        {
            PartitionKey = state.Source,
            RowKey = state.SubscriptionKey,
            Subscription = state.Subscription,
            LastEventNumber = state.LastEventNumber,
            LastHeartbeatAt = state.LastHeartbeatAt,
            GapFrom = state.GapFrom,
            GapTo = state.GapTo,
        };
        return await _table.TryWriteAsync(entity, state.ETag, cancellationToken);
    }

    public async Task ClearGapsAsync(string source, DateTimeOffset reconciledAt, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {source} and GapTo ge {long.MinValue}");
        await foreach (var row in _table.QueryAsync<SubscriptionStateEntity>(filter, cancellationToken: cancellationToken))
        {
            // Only gaps recorded before the reconciliation started are covered by it.
            if (row.Timestamp > reconciledAt)
            {
                continue;
            }

            row.GapFrom = null;
            row.GapTo = null;
            try
            {
                await _table.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                // A newer notification changed the row meanwhile: its gap (if any) waits for the next run.
            }
        }
    }

    internal Task EnsureCreatedAsync(CancellationToken cancellationToken) => _table.CreateIfNotExistsAsync(cancellationToken);
}
