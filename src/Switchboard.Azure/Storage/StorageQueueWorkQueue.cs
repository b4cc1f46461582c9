using System.Collections.Concurrent;
using System.Text.Json;
using Azure.Storage.Queues;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

/// <summary>Stage hand-off over Azure Storage queues: the message body is the envelope (ids and hashes only).</summary>
public sealed class StorageQueueWorkQueue(StorageClients clients) : IWorkQueue
{
    private readonly ConcurrentDictionary<string, QueueClient> _queues = new();

    public async Task EnqueueAsync(string queueName, MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        var queue = Queue(queueName);
        await queue.SendMessageAsync(JsonSerializer.Serialize(envelope, EnvelopeJson.Options), cancellationToken);
    }

    internal QueueClient Queue(string queueName) =>
        _queues.GetOrAdd(queueName, s => clients.Queues.GetQueueClient(s));
}
