using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary>Records messages the runtime moved to the deliver stage's poison queue after maxDequeueCount attempts.</summary>
public sealed class DeliverDeadLetterFunction(StageRunner runner)
{
    [Function(nameof(DeliverDeadLetterFunction))]
    public Task RunAsync([QueueTrigger(PipelineQueues.Deliver + PipelineQueues.PoisonSuffix, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        runner.DeadLetterAsync(message, "deliver", cancellationToken);
}
