using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Switchboard.Fhir.Rest;

namespace Switchboard.Fhir;

public static class ServiceCollectionExtensions
{
    public static IServiceCollection AddSwitchboardFhir(this IServiceCollection services)
    {
        services.AddOptions<FhirOptions>()
            .BindConfiguration(FhirOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddHttpClient<FhirRestClient>((provider, http) =>
        {
            var options = provider.GetRequiredService<IOptions<FhirOptions>>().Value;
            // A trailing slash makes relative request URIs resolve under the base path (…/fhir/Patient).
            http.BaseAddress = new Uri(options.BaseUrl.ToString().TrimEnd('/') + "/");
            http.Timeout = options.Timeout;
        });
        return services;
    }
}
