using Microsoft.Extensions.DependencyInjection;
using Switchboard.Core.WriteBack;

namespace Switchboard.Azure.WriteBack;

public static class WriteBackStorageServiceCollectionExtensions
{
    /// <summary>Table and blob adapters for write-back (needs <see cref="ServiceCollectionExtensions.AddSwitchboardAzure"/>).</summary>
    public static IServiceCollection AddSwitchboardWriteBackStorage(this IServiceCollection services)
    {
        services.AddOptions<WriteBackStorageOptions>()
            .BindConfiguration(WriteBackStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<WriteBackStorage>();
        services.AddSingleton<IWriteBackDocumentStore, BlobWriteBackDocumentStore>();
        services.AddSingleton<IWriteLedger, TableWriteLedger>();
        services.AddSingleton<IReviewStore, TableReviewStore>();
        services.AddSingleton<IWriteBackAuditLog, TableWriteBackAuditLog>();
        services.AddSingleton<IWriteBackEscalations, StorageQueueWriteBackEscalations>();
        services.AddHostedService<WriteBackStorageProvisioner>();
        return services;
    }
}
