using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Pipeline;
using Switchboard.Functions.Pipeline.Stages;

namespace Switchboard.Functions.Triggers;

/// <summary>The identity stage. Transient failures throw so the queue retries; see <see cref="StageRunner"/>.</summary>
public sealed class IdentityStageFunction(StageRunner runner, IdentityStage stage)
{
    [Function(nameof(IdentityStageFunction))]
    public Task RunAsync([QueueTrigger(PipelineQueues.Identity, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        runner.RunAsync(stage, message, cancellationToken);
}
