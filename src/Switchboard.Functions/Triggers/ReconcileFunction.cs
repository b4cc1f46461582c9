using Microsoft.Azure.Functions.Worker;
using Switchboard.Functions.Propagation;

namespace Switchboard.Functions.Triggers;

/// <summary>Every five minutes: search the configured FHIR sources for changes no notification brought.</summary>
public sealed class ReconcileFunction(ReconciliationService reconciliation)
{
    [Function(nameof(ReconcileFunction))]
    public Task RunAsync([TimerTrigger("0 */5 * * * *")] TimerInfo timer, CancellationToken cancellationToken) =>
        reconciliation.RunAsync(cancellationToken);
}
