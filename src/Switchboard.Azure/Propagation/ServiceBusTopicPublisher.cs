using System.Collections.Concurrent;
using Azure.Messaging.ServiceBus;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;

namespace Switchboard.Azure.Propagation;

/// <summary>Publishes through one <see cref="ServiceBusSender"/> per topic (senders are thread-safe and reused).</summary>
public sealed class ServiceBusTopicPublisher(Func<string, ServiceBusSender> senderFactory) : ITopicPublisher
{
    private readonly ConcurrentDictionary<string, ServiceBusSender> _senders = new(StringComparer.Ordinal);

    public Task PublishAsync(TopicMessage message, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        var sender = _senders.GetOrAdd(message.Topic, senderFactory);
        return sender.SendMessageAsync(ServiceBusMessages.Create(message), cancellationToken);
    }
}
