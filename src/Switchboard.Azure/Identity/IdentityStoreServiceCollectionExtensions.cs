using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Switchboard.Identity.Index;

namespace Switchboard.Azure.Identity;

public static class IdentityStoreServiceCollectionExtensions
{
    /// <summary>
    /// The master patient index on Table storage (<see cref="TableMasterPatientIndexStore"/>), its options and, when
    /// <see cref="StorageOptions.CreateIfMissing"/> is set, its tables. Needs <c>AddSwitchboardAzure()</c> (the clients).
    /// </summary>
    public static IServiceCollection AddSwitchboardIdentityTables(this IServiceCollection services)
    {
        services.AddOptions<IdentityTableOptions>()
            .BindConfiguration(IdentityTableOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<TableMasterPatientIndexStore>();
        services.TryAddSingleton<IMasterPatientIndexStore>(p => p.GetRequiredService<TableMasterPatientIndexStore>());
        services.AddHostedService<IdentityTableProvisioner>();
        return services;
    }
}
