using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Pipeline;
using Switchboard.Functions.Pipeline.Stages;

namespace Switchboard.Functions.Triggers;

/// <summary>The route stage. Transient failures throw so the queue retries; see <see cref="StageRunner"/>.</summary>
public sealed class RouteStageFunction(StageRunner runner, RouteStage stage)
{
    [Function(nameof(RouteStageFunction))]
    public Task RunAsync([QueueTrigger(PipelineQueues.Route, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        runner.RunAsync(stage, message, cancellationToken);
}
