using Azure.Identity;
using Azure.Monitor.OpenTelemetry.Exporter;
using Microsoft.Azure.Functions.Worker.OpenTelemetry;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace Switchboard.Functions.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// OpenTelemetry for the pipeline's activity sources and meter, with the Functions worker's invocation spans.
    /// Exported to Azure Monitor (Entra-authenticated with the app's managed identity) only when
    /// <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set, so local runs and tests export nothing.
    /// </summary>
    public static IServiceCollection AddSwitchboardTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var telemetry = services.AddOpenTelemetry()
            .UseFunctionsWorkerDefaults()
            .WithTracing(tracing => tracing.AddSource(PipelineActivities.Prefix + "*"))
            .WithMetrics(metrics => metrics.AddMeter(PipelineMetrics.MeterName));
        if (!string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]))
        {
            telemetry.UseAzureMonitorExporter(options =>
            {
                if (configuration["AZURE_CLIENT_ID"] is { Length: > 0 } clientId)
                {
                    options.Credential = new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(clientId));
                }
            });
        }

        return services;
    }
}
