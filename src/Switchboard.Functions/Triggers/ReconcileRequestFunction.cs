using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Options;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Functions.Propagation;

namespace Switchboard.Functions.Triggers;

/// <summary>
/// Reconciles one source as soon as a subscription shows lost events, then marks its recorded gaps closed.
/// A source without a reconciliation configuration keeps its gaps on record for operators.
/// </summary>
public sealed class ReconcileRequestFunction(ReconciliationService reconciliation, IOptions<ReconciliationOptions> options, ISubscriptionStateStore subscriptions, TimeProvider time)
{
    [Function(nameof(ReconcileRequestFunction))]
    public async Task RunAsync([QueueTrigger(PipelineQueues.Reconcile, Connection = "Storage")] string source, CancellationToken cancellationToken)
    {
        if (!options.Value.Sources.ContainsKey(source))
        {
            return;
        }

        var started = time.GetUtcNow();
        await reconciliation.RunSourceAsync(source, cancellationToken);
        await subscriptions.ClearGapsAsync(source, started, cancellationToken);
    }
}
