using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>Resolves an outcome-unknown create by searching the target for our business identifier (never by re-sending).</summary>
public sealed class ResolveCreateActivity(WriteBackWork work, IWriteLedger ledger, ILogger<ResolveCreateActivity> logger)
{
    [Function(nameof(ResolveCreateActivity))]
    public async Task<WriteOutcome> RunAsync([ActivityTrigger] string instanceId, CancellationToken cancellationToken)
    {
        var entry = await ledger.GetAsync(instanceId, cancellationToken)
            ?? throw new InvalidOperationException($"Write-back {instanceId} has no ledger entry.");
        if (entry.State == LedgerState.Confirmed)
        {
            return new WriteOutcome(WriteStatus.Written, null, entry.Location, null, null, [], []);
        }

        var target = work.Targets.Find(entry.TargetSystem)!;
        // Transient search failures throw: the Durable retry policy retries the search.
        var ids = await target.FindByIdentifierAsync(entry.ResourceType, WriteBackIds.IdentifierSystem, instanceId, cancellationToken);
        switch (ids.Count)
        {
            case 1:
                var location = $"{entry.ResourceType}/{ids[0]}";
                await ledger.TryUpdateAsync(entry, LedgerState.Confirmed, location, entry.Attempts, cancellationToken);
                await work.AuditAsync(instanceId, "confirmed-by-search", null, null, WriteBackWork.Actor, location, cancellationToken);
                WriteBackLog.Resolved(logger, instanceId, "confirmed", 1);
                return new WriteOutcome(WriteStatus.Written, null, location, null, null, [], []);
            case 0:
                WriteBackLog.Resolved(logger, instanceId, "not-found", 0);
                return new WriteOutcome(WriteStatus.OutcomeUnknown, null, null, null, null, [], []);
            default:
                await work.AuditAsync(instanceId, "ambiguous", null, null, WriteBackWork.Actor, entry.ResourceType, cancellationToken);
                WriteBackLog.Resolved(logger, instanceId, "ambiguous", ids.Count);
                return new WriteOutcome(WriteStatus.Ambiguous, null, null, null, null, [], []);
        }
    }
}
