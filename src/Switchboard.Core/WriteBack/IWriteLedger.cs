namespace Switchboard.Core.WriteBack;

/// <summary>The create ledger for create-only targets. Updates are conditional on the entry's version.</summary>
public interface IWriteLedger
{
    /// <summary>Inserts a pending entry, or returns the existing one (a replayed activity sees what happened before).</summary>
    Task<LedgerEntry> GetOrAddPendingAsync(string instanceId, string targetSystem, string resourceType, CancellationToken cancellationToken);

    /// <summary>Moves the entry to a new state if it is still at <paramref name="expected"/>'s version; false when it moved on.</summary>
    Task<bool> TryUpdateAsync(LedgerEntry expected, LedgerState state, string? location, int attempts, CancellationToken cancellationToken);

    Task<LedgerEntry?> GetAsync(string instanceId, CancellationToken cancellationToken);
}
