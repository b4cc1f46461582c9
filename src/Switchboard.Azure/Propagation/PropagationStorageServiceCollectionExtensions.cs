using Azure.Identity;
using Azure.Messaging.ServiceBus;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ports;

namespace Switchboard.Azure.Propagation;

public static class PropagationStorageServiceCollectionExtensions
{
    /// <summary>Event log, watermarks and the Service Bus topic publisher.</summary>
    public static IServiceCollection AddSwitchboardPropagationStorage(this IServiceCollection services)
    {
        services.AddOptions<PropagationStorageOptions>()
            .BindConfiguration(PropagationStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<ServiceBusOptions>().Configure<IConfiguration>((options, configuration) =>
        {
            var section = configuration.GetSection(ServiceBusOptions.ConnectionName);
            options.ConnectionString = section.Value;
            options.FullyQualifiedNamespace = section["fullyQualifiedNamespace"];
            options.ClientId = section["clientId"];
        });
        services.AddSingleton<TableOutboundEventLog>();
        services.AddSingleton<TableWatermarkStore>();
        services.AddSingleton<IOutboundEventLog>(p => p.GetRequiredService<TableOutboundEventLog>());
        services.AddSingleton<IWatermarkStore>(p => p.GetRequiredService<TableWatermarkStore>());
        services.AddSingleton<IDeliveryRequests, StorageQueueDeliveryRequests>();
        services.AddSingleton<ITopicPublisher>(p =>
        {
            var options = p.GetRequiredService<IOptions<ServiceBusOptions>>().Value;
            if (!options.IsConfigured)
            {
                return new UnconfiguredTopicPublisher();
            }

            var client = !string.IsNullOrWhiteSpace(options.ConnectionString)
                ? new ServiceBusClient(options.ConnectionString)
                : new ServiceBusClient(options.FullyQualifiedNamespace, string.IsNullOrWhiteSpace(options.ClientId)
                    ? new DefaultAzureCredential()
                    : new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(options.ClientId)));
            return new ServiceBusTopicPublisher(client.CreateSender);
        });
        services.AddHostedService<PropagationStorageProvisioner>();
        return services;
    }
}
