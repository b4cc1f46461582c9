using Microsoft.Extensions.DependencyInjection;
using Switchboard.Azure;
using Switchboard.Core.Sources;
using Switchboard.Fhir;
using Switchboard.Functions.Pipeline;
using Switchboard.Functions.WriteBack;

namespace Switchboard.Functions;

/// <summary>The app's service registrations: Program.cs and the integration tests call this same method.</summary>
public static class SwitchboardApp
{
    public static IServiceCollection AddSwitchboard(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddOptions<SourcesOptions>().BindConfiguration(SourcesOptions.SectionName);
        services.AddSwitchboardAzure();
        services.AddSwitchboardFhir();
        services.AddSingleton<Hl7Intake>();
        services.AddSingleton<PatientSync>();
        services.AddSwitchboardWriteBack();
        return services;
    }
}
