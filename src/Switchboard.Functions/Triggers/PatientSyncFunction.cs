using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary>
/// Translate-and-deliver stage for queued envelopes. A transient failure throws so the queue redelivers; after
/// maxDequeueCount the runtime moves the message to the poison queue (our dead-letter).
/// </summary>
public sealed class PatientSyncFunction(PatientSync sync)
{
    [Function(nameof(PatientSyncFunction))]
    public Task RunAsync(
        [QueueTrigger(PipelineQueues.Translate, Connection = "Storage")] MessageEnvelope envelope,
        CancellationToken cancellationToken) =>
        sync.ProcessAsync(envelope, cancellationToken);
}
