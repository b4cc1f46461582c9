using Azure;
using Switchboard.Core.WriteBack;

namespace Switchboard.Azure.WriteBack;

public sealed class TableWriteLedger(WriteBackStorage storage, TimeProvider time) : IWriteLedger
{
    public async Task<LedgerEntry> GetOrAddPendingAsync(string instanceId, string targetSystem, string resourceType, CancellationToken cancellationToken)
    {
        var entity = new WriteLedgerEntity
        {
            PartitionKey = instanceId,
            TargetSystem = targetSystem,
            ResourceType = resourceType,
            State = nameof(LedgerState.Pending),
            UpdatedAt = time.GetUtcNow(),
        };
        try
        {
            await storage.Ledger.AddEntityAsync(entity, cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Already there: a replayed activity must see what the first attempt did.
        }

        return (await GetAsync(instanceId, cancellationToken))!;
    }

    public async Task<bool> TryUpdateAsync(LedgerEntry expected, LedgerState state, string? location, int attempts, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var entity = new WriteLedgerEntity
        {
            PartitionKey = expected.InstanceId,
            TargetSystem = expected.TargetSystem,
            ResourceType = expected.ResourceType,
            State = state.ToString(),
            Location = location,
            Attempts = attempts,
            UpdatedAt = time.GetUtcNow(),
        };
        try
        {
            await storage.Ledger.UpdateEntityAsync(entity, new ETag(expected.Version!), cancellationToken: cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 412)
        {
            return false;
        }
    }

    public async Task<LedgerEntry?> GetAsync(string instanceId, CancellationToken cancellationToken)
    {
        var found = await storage.Ledger.GetEntityIfExistsAsync<WriteLedgerEntity>(instanceId, WriteLedgerEntity.Row, cancellationToken: cancellationToken);
        if (!found.HasValue || found.Value is not { } e)
        {
            return null;
        }

        return new LedgerEntry(e.PartitionKey, e.TargetSystem, e.ResourceType, Enum.Parse<LedgerState>(e.State), e.Location, e.Attempts, e.UpdatedAt, e.ETag.ToString());
    }
}
