namespace Switchboard.Functions.Propagation;

/// <summary>A delivery attempt failed (transient): the queue retries the subscriber's delivery request. Ids only.</summary>
public sealed class WebhookDeliveryException(string subscriber, long sequence, int status)
    : Exception($"Delivery of event {sequence} to {subscriber} failed (status {status}).");
