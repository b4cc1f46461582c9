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
        return services;
    }
}
