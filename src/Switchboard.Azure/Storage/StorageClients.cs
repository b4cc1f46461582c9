using Azure.Core;
using Azure.Core.Pipeline;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;

namespace Switchboard.Azure.Storage;

/// <summary>
/// The storage service clients, created once (they are thread-safe and meant to be reused) from either a
/// connection string or the account name plus managed identity.
/// </summary>
public sealed class StorageClients
{
    /// <param name="policies">Extra pipeline policies for every storage call (tests count requests with one).</param>
    public StorageClients(StorageOptions options, IEnumerable<HttpPipelinePolicy> policies)
    {
        ArgumentNullException.ThrowIfNull(options);
        // Queue messages are Base64 so the Functions queue trigger (which expects Base64 by default) can read them.
        var queueOptions = Configure(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, policies);
        var blobOptions = Configure(new BlobClientOptions(), policies);
        var tableOptions = Configure(new TableClientOptions(), policies);
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            Blobs = new BlobServiceClient(options.ConnectionString, blobOptions);
            Queues = new QueueServiceClient(options.ConnectionString, queueOptions);
            Tables = new TableServiceClient(options.ConnectionString, tableOptions);
        }
        else
        {
            TokenCredential credential = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                ? new DefaultAzureCredential()
                : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId));
            var account = options.AccountName;
            Blobs = new BlobServiceClient(new Uri($"https://{account}.blob.core.windows.net"), credential, blobOptions);
            Queues = new QueueServiceClient(new Uri($"https://{account}.queue.core.windows.net"), credential, queueOptions);
            Tables = new TableServiceClient(new Uri($"https://{account}.table.core.windows.net"), credential, tableOptions);
        }
    }

    public BlobServiceClient Blobs { get; }

    public QueueServiceClient Queues { get; }

    public TableServiceClient Tables { get; }

    private static T Configure<T>(T clientOptions, IEnumerable<HttpPipelinePolicy> policies) where T : ClientOptions
    {
        foreach (var policy in policies)
        {
            clientOptions.AddPolicy(policy, HttpPipelinePosition.PerCall);
        }

        return clientOptions;
    }
}
