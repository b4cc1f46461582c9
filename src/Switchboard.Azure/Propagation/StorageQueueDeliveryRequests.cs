using System.Text.Json;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Propagation;

/// <summary>Delivery requests on the <see cref="PropagationStorageOptions.WebhookQueue"/> Storage queue: <c>{"subscriber":"…"}</c>.</summary>
public sealed class StorageQueueDeliveryRequests(Storage.StorageClients clients) : IDeliveryRequests
{
    public Task RequestAsync(string subscriber, CancellationToken cancellationToken) =>
        clients.Queues.GetQueueClient(PropagationStorageOptions.WebhookQueue).SendMessageAsync(Serialize(subscriber), cancellationToken);

    public static string Serialize(string subscriber) => JsonSerializer.Serialize(new DeliveryRequest(subscriber), JsonSerializerOptions.Web);

    /// <summary>The subscriber named by a queue message, or null when the message is not a delivery request.</summary>
    public static string? Parse(string message)
    {
        try
        {
            return JsonSerializer.Deserialize<DeliveryRequest>(message, JsonSerializerOptions.Web)?.Subscriber;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private sealed record DeliveryRequest(string Subscriber);
}
