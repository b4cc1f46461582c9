using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Switchboard.Fhir.WriteBack;

public static class WriteBackServiceCollectionExtensions
{
    /// <summary>Write-back options (validated at start), the ownership registry and target clients.</summary>
    public static IServiceCollection AddSwitchboardFhirWriteBack(this IServiceCollection services)
    {
        services.AddOptions<WriteBackOptions>()
            .BindConfiguration(WriteBackOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton(p => new OwnershipRegistry(p.GetRequiredService<IOptions<WriteBackOptions>>().Value.Ownership));
        // Per-request time-outs come from each target's options; the client's own time-out only backstops them.
        services.AddHttpClient(WriteBackTargets.HttpClientName, http => http.Timeout = TimeSpan.FromMinutes(11));
        services.AddSingleton<WriteBackTargets>();
        services.AddSingleton<TargetCapabilities>();
        return services;
    }
}
