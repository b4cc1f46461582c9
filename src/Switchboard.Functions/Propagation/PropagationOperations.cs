using Microsoft.Extensions.Logging;
using Switchboard.Core.Ports;
using Switchboard.Fhir.Routing;

namespace Switchboard.Functions.Propagation;

/// <summary>Operator levers of propagation: redelivery of a subscriber's dead letters.</summary>
public sealed class PropagationOperations(RoutingRules rules, WebhookDispatcher dispatcher, IDeliveryRequests deliveries, ILogger<PropagationOperations> logger)
{
    /// <returns>How many events go back to pending, or null when no webhook destination has that name.</returns>
    public async Task<int?> RedeliverAsync(string subscriber, CancellationToken cancellationToken)
    {
        if (rules.Find(subscriber) is not { Type: DestinationTypes.Webhook })
        {
            return null;
        }

        var count = await dispatcher.RedeliverAsync(subscriber, cancellationToken);
        await deliveries.RequestAsync(subscriber, cancellationToken);
        PropagationLog.Redeliver(logger, subscriber, count);
        return count;
    }
}
