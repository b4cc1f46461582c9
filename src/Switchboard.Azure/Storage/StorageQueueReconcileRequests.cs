using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Storage;

public sealed class StorageQueueReconcileRequests(StorageClients clients) : IReconcileRequests
{
    public async Task RequestAsync(string source, CancellationToken cancellationToken) =>
        await clients.Queues.GetQueueClient(PipelineQueues.Reconcile).SendMessageAsync(source, cancellationToken);
}
