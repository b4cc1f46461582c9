using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary>Records messages the runtime moved to the route stage's poison queue after maxDequeueCount attempts.</summary>
public sealed class RouteDeadLetterFunction(StageRunner runner)
{
    [Function(nameof(RouteDeadLetterFunction))]
    public Task RunAsync([QueueTrigger(PipelineQueues.Route + PipelineQueues.PoisonSuffix, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        runner.DeadLetterAsync(message, "route", cancellationToken);
}
