using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Switchboard.Azure.Propagation;
using Switchboard.Fhir.Routing;

namespace Switchboard.Functions.Propagation;

public static class PropagationServiceCollectionExtensions
{
    /// <summary>Routing rules, destinations (FHIR, Service Bus, webhooks, feed) and reconciliation.</summary>
    public static IServiceCollection AddSwitchboardPropagation(this IServiceCollection services)
    {
        services.AddSwitchboardRouting();
        services.AddSwitchboardPropagationStorage();
        services.AddOptions<PropagationOptions>()
            .BindConfiguration(PropagationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.AddHttpClient(WebhookDispatcher.HttpClientName)
            .AddResilienceHandler("webhook", (builder, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<PropagationOptions>>().Value;
                // Exponential backoff with jitter; a 429/503 Retry-After is honoured (bounded by MaxDelay).
                builder.AddRetry(new HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = options.WebhookRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.WebhookRetryDelay,
                    MaxDelay = options.WebhookMaxRetryDelay,
                    ShouldRetryAfterHeader = true,
                });
                builder.AddTimeout(options.WebhookTimeout);
            });

        services.AddSingleton<OutboundEventRenderer>();
        services.AddSingleton<PropagationDelivery>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddSingleton<FeedService>();
        services.AddSingleton<PropagationOperations>();
        services.AddSingleton<FhirResourceIntake>();
        services.AddOptions<ReconciliationOptions>().BindConfiguration(ReconciliationOptions.SectionName)
            .Validate(o => o.Sources.Values.All(s => s.BaseUrl is not null && s.ResourceTypes.Count > 0 && s.PageSize is > 0 and <= 1000),
                "Every reconciliation source needs BaseUrl, at least one ResourceType and a PageSize of 1 to 1000.")
            .ValidateOnStart();
        services.AddHttpClient(ReconciliationService.HttpClientName).AddStandardResilienceHandler();
        services.AddSingleton<ReconciliationService>();
        return services;
    }
}
