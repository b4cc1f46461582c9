using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary>Records messages the runtime moved to the translate stage's poison queue after maxDequeueCount attempts.</summary>
public sealed class TranslateDeadLetterFunction(StageRunner runner)
{
    [Function(nameof(TranslateDeadLetterFunction))]
    public Task RunAsync([QueueTrigger(PipelineQueues.Translate + PipelineQueues.PoisonSuffix, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        runner.DeadLetterAsync(message, "translate", cancellationToken);
}
