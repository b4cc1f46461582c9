using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary>Records messages the runtime moved to the identity stage's poison queue after maxDequeueCount attempts.</summary>
public sealed class IdentityDeadLetterFunction(StageRunner runner)
{
    [Function(nameof(IdentityDeadLetterFunction))]
    public Task RunAsync([QueueTrigger(PipelineQueues.Identity + PipelineQueues.PoisonSuffix, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        runner.DeadLetterAsync(message, "identity", cancellationToken);
}
