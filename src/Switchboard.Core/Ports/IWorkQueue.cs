using Switchboard.Core.Envelopes;

namespace Switchboard.Core.Ports;

/// <summary>Hands envelopes from one pipeline stage to the next. Messages carry ids and blob names, never payload.</summary>
public interface IWorkQueue
{
    /// <param name="queueName">One of <see cref="PipelineQueues"/>.</param>
    Task EnqueueAsync(string queueName, StageMessage message, CancellationToken cancellationToken);
}
