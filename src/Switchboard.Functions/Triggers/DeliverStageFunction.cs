using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Pipeline;
using Switchboard.Functions.Pipeline.Stages;

namespace Switchboard.Functions.Triggers;

/// <summary>The deliver stage. Transient failures throw so the queue retries; see <see cref="StageRunner"/>.</summary>
public sealed class DeliverStageFunction(StageRunner runner, DeliverStage stage)
{
    [Function(nameof(DeliverStageFunction))]
    public Task RunAsync([QueueTrigger(PipelineQueues.Deliver, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        runner.RunAsync(stage, message, cancellationToken);
}
