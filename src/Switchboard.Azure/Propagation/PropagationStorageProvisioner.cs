using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Switchboard.Azure.Propagation;

/// <summary>Creates the propagation tables and the webhook queue at start when storage provisioning is on (local runs).</summary>
public sealed class PropagationStorageProvisioner(
    Storage.StorageClients clients,
    TableOutboundEventLog events,
    TableWatermarkStore watermarks,
    IOptions<StorageOptions> storage) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!storage.Value.CreateIfMissing)
        {
            return;
        }

        await events.EnsureCreatedAsync(cancellationToken);
        await watermarks.EnsureCreatedAsync(cancellationToken);
        await clients.Queues.GetQueueClient(PropagationStorageOptions.WebhookQueue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await clients.Queues.GetQueueClient(PropagationStorageOptions.WebhookQueue + Core.Envelopes.PipelineQueues.PoisonSuffix).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
