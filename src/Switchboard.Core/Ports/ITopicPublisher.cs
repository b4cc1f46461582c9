using Switchboard.Core.Propagation;

namespace Switchboard.Core.Ports;

/// <summary>Publishes to a topic (Azure Service Bus in production): duplicate detection on MessageId, order per SessionId.</summary>
public interface ITopicPublisher
{
    Task PublishAsync(TopicMessage message, CancellationToken cancellationToken);
}
