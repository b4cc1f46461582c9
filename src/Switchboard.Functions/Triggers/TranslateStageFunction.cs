using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Envelopes;
using Switchboard.Functions.Pipeline;
using Switchboard.Functions.Pipeline.Stages;

namespace Switchboard.Functions.Triggers;

/// <summary>The translate stage. Transient failures throw so the queue retries; see <see cref="StageRunner"/>.</summary>
public sealed class TranslateStageFunction(StageRunner runner, TranslateStage stage)
{
    [Function(nameof(TranslateStageFunction))]
    public Task RunAsync([QueueTrigger(PipelineQueues.Translate, Connection = "Storage")] string message, CancellationToken cancellationToken) =>
        runner.RunAsync(stage, message, cancellationToken);
}
