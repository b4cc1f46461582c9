using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Core.Propagation;

namespace Switchboard.Azure.Propagation;

/// <summary>Used when no Service Bus namespace is configured: a servicebus destination then dead-letters with PIPE021.</summary>
public sealed class UnconfiguredTopicPublisher : ITopicPublisher
{
    public Task PublishAsync(TopicMessage message, CancellationToken cancellationToken) =>
        throw new PipelineException(PipelineIssues.DestinationNotConfigured, "No Service Bus namespace is configured (ServiceBus__fullyQualifiedNamespace).");
}
