using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Switchboard.Azure.Propagation;
using Switchboard.Core.Envelopes;

namespace Switchboard.Functions.Triggers;

/// <summary>
/// A delivery request that failed maxDequeueCount times. Its events are not lost: they stay pending in the
/// subscriber's log (and in the feed), and the next request or an operator's redeliver sends them.
/// </summary>
public sealed class WebhookDeadLetterFunction(ILogger<WebhookDeadLetterFunction> logger)
{
    [Function(nameof(WebhookDeadLetterFunction))]
    public Task RunAsync([QueueTrigger(PropagationStorageOptions.WebhookQueue + PipelineQueues.PoisonSuffix, Connection = "Storage")] string message, CancellationToken cancellationToken)
    {
        Propagation.PropagationLog.DeliveryRequestAbandoned(logger, StorageQueueDeliveryRequests.Parse(message) ?? "(unreadable)");
        return Task.CompletedTask;
    }
}
