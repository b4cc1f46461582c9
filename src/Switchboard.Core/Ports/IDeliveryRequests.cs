namespace Switchboard.Core.Ports;

/// <summary>Asks for a subscriber's pending webhook events to be delivered (a queue message naming the subscriber only).</summary>
public interface IDeliveryRequests
{
    Task RequestAsync(string subscriber, CancellationToken cancellationToken);
}
