using System.Collections.Concurrent;
using Azure.Storage.Queues;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

/// <summary>Stage hand-off over Azure Storage queues: the message body is the envelope (ids and hashes only).</summary>
public sealed class StorageQueueWorkQueue(StorageClients clients) : IWorkQueue
{
    private readonly ConcurrentDictionary<string, QueueClient> _queues = new();

    public async Task EnqueueAsync(string queueName, StageMessage message, CancellationToken cancellationToken)
    {
        var queue = Queue(queueName);
        await queue.SendMessageAsync(EnvelopeJson.Serialize(message), cancellationToken);
    }

    internal QueueClient Queue(string queueName) =>
        _queues.GetOrAdd(queueName, s => clients.Queues.GetQueueClient(s));
}
