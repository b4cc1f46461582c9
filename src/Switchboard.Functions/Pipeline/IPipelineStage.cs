using System.Diagnostics;
using Switchboard.Core.Envelopes;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// One pipeline stage. Implementations must be idempotent: a queue may deliver the same message more than once.
/// Permanent failures throw <see cref="PipelineException"/>; anything else is retried by the queue.
/// </summary>
public interface IPipelineStage
{
    /// <summary>Stage name used in audit rows, metrics and activity names (<c>translate</c>, <c>deliver</c>…).</summary>
    string Name { get; }

    ActivitySource ActivitySource { get; }

    Task<StageResult> ProcessAsync(StageMessage message, CancellationToken cancellationToken);
}
