namespace Switchboard.Functions.Propagation;

/// <summary>Another worker holds the subscriber's delivery lease: the queue retries this request later.</summary>
public sealed class WebhookBusyException(string subscriber) : Exception($"Delivery to {subscriber} is in progress elsewhere.");
