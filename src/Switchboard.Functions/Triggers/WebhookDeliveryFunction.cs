using Microsoft.Azure.Functions.Worker;
using Switchboard.Azure.Propagation;
using Switchboard.Functions.Propagation;

namespace Switchboard.Functions.Triggers;

/// <summary>Delivers a subscriber's pending webhook events. Failures throw so the queue retries with its visibility delay.</summary>
public sealed class WebhookDeliveryFunction(WebhookDispatcher dispatcher)
{
    [Function(nameof(WebhookDeliveryFunction))]
    public async Task RunAsync([QueueTrigger(PropagationStorageOptions.WebhookQueue, Connection = "Storage")] string message, CancellationToken cancellationToken)
    {
        if (StorageQueueDeliveryRequests.Parse(message) is { } subscriber)
        {
            await dispatcher.DispatchAsync(subscriber, cancellationToken);
        }
    }
}
