using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Azure.Storage;
using Switchboard.Core.Ports;

namespace Switchboard.Azure;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddSwitchboardAzure(this IServiceCollection services)
    {
        services.AddOptions<StorageOptions>()
            .Configure<IConfiguration>((options, configuration) =>
            {
                // The same "Storage" connection the queue triggers read: a string locally, a section with a managed identity in Azure.
                var connection = configuration.GetSection(StorageOptions.ConnectionName);
                options.ConnectionString = connection.Value;
                options.AccountName = connection["accountName"];
                options.ManagedIdentityClientId = connection["clientId"];
            })
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddSingleton(provider => new StorageClients(
            provider.GetRequiredService<IOptions<StorageOptions>>().Value, provider.GetServices<global::Azure.Core.Pipeline.HttpPipelinePolicy>()));
        services.AddSingleton<BlobPayloadStore>();
        services.AddSingleton<TableEnvelopeStore>();
        services.AddSingleton<TablePatientOrderStore>();
        services.AddSingleton<TableNonceStore>();
        services.AddSingleton<TableSubscriptionStateStore>();
        services.AddSingleton<ISubscriptionStateStore>(p => p.GetRequiredService<TableSubscriptionStateStore>());
        services.AddSingleton<INonceStore>(p => p.GetRequiredService<TableNonceStore>());
        services.AddSingleton<IPatientOrderStore>(p => p.GetRequiredService<TablePatientOrderStore>());
        services.AddSingleton<IPayloadStore>(p => p.GetRequiredService<BlobPayloadStore>());
        services.AddSingleton<IEnvelopeStore>(p => p.GetRequiredService<TableEnvelopeStore>());
        services.AddSingleton<IWorkQueue, StorageQueueWorkQueue>();
        services.AddSingleton<IReconcileRequests, StorageQueueReconcileRequests>();
        services.AddHostedService<StorageProvisioner>();
        return services;
    }
}
