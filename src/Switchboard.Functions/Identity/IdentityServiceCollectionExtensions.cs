using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Azure.Identity;
using Switchboard.Identity.Index;
using Switchboard.Identity.Matching;

namespace Switchboard.Functions.Identity;

public static class IdentityServiceCollectionExtensions
{
    /// <summary>
    /// Patient identity: the master patient index on Table storage, the online matcher, the identity service the
    /// pipeline's identity stage calls, and the <c>POST /api/identity/match</c> function's dependencies.
    /// </summary>
    public static IServiceCollection AddSwitchboardIdentity(this IServiceCollection services)
    {
        services.AddSwitchboardIdentityTables();
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(_ => new OnlinePatientIndex());
        services.TryAddSingleton(p => new MasterPatientIndex(p.GetRequiredService<IMasterPatientIndexStore>(), p.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<PatientIdentityService>();
        return services;
    }
}
