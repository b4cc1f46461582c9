using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Switchboard.Fhir.Routing;

public static class RoutingServiceCollectionExtensions
{
    /// <summary>Routing options bound from <c>Switchboard:Routing</c>, validated at start, compiled once.</summary>
    public static IServiceCollection AddSwitchboardRouting(this IServiceCollection services)
    {
        services.AddOptions<RoutingOptions>().BindConfiguration(RoutingOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RoutingOptions>, RoutingOptionsValidator>();
        services.AddSingleton(p => RoutingRules.Compile(p.GetRequiredService<IOptions<RoutingOptions>>().Value));
        return services;
    }
}
