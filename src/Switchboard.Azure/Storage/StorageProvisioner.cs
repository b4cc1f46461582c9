using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Switchboard.Core.Envelopes;

namespace Switchboard.Azure.Storage;

/// <summary>Creates the containers, tables and queues at start when configured to (local runs against Azurite).</summary>
public sealed class StorageProvisioner(
    StorageClients clients,
    BlobPayloadStore payloads,
    TableEnvelopeStore envelopes,
    TablePatientOrderStore patientOrder,
    TableNonceStore nonces,
    TableSubscriptionStateStore subscriptions,
    IOptions<StorageOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.CreateIfMissing)
        {
            return;
        }

        await payloads.EnsureCreatedAsync(cancellationToken);
        await envelopes.EnsureCreatedAsync(cancellationToken);
        await patientOrder.EnsureCreatedAsync(cancellationToken);
        await nonces.EnsureCreatedAsync(cancellationToken);
        await subscriptions.EnsureCreatedAsync(cancellationToken);
        foreach (var queue in PipelineQueues.All.Append(PipelineQueues.Reconcile))
        {
            await clients.Queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
            await clients.Queues.GetQueueClient(queue + PipelineQueues.PoisonSuffix).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
