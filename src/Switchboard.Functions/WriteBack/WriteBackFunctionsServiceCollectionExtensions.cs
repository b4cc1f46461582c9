using Microsoft.Extensions.DependencyInjection;
using Switchboard.Azure.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

public static class WriteBackFunctionsServiceCollectionExtensions
{
    /// <summary>Write-back: options, ownership, target clients, storage adapters and the activities' shared services.</summary>
    public static IServiceCollection AddSwitchboardWriteBack(this IServiceCollection services)
    {
        services.AddSwitchboardFhirWriteBack();
        services.AddSwitchboardWriteBackStorage();
        services.AddSingleton<WriteBackWork>();
        services.AddSingleton<WriteBackSubmission>();
        services.AddSingleton<ReviewDecisions>();
        return services;
    }
}
