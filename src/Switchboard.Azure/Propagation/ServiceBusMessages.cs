using Azure.Messaging.ServiceBus;
using Switchboard.Core.Propagation;

namespace Switchboard.Azure.Propagation;

/// <summary>
/// The one mapping from <see cref="TopicMessage"/> to the SDK's message: MessageId = idempotency key (duplicate
/// detection), SessionId = patient key (per-patient order), CorrelationId = trace id. Subject and application
/// properties get only the ids and codes the caller put there (portal tools show them).
/// </summary>
public static class ServiceBusMessages
{
    public static ServiceBusMessage Create(TopicMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var result = new ServiceBusMessage(BinaryData.FromBytes(message.Body))
        {
            MessageId = message.MessageId,
            CorrelationId = message.CorrelationId,
            Subject = message.Subject,
            ContentType = message.ContentType,
        };
        if (message.SessionId is not null)
        {
            result.SessionId = message.SessionId;
        }

        foreach (var (key, value) in message.Properties)
        {
            result.ApplicationProperties[key] = value;
        }

        return result;
    }
}
