using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Switchboard.Azure.WriteBack;

/// <summary>Creates the write-back container and tables at start when <see cref="StorageOptions.CreateIfMissing"/> is set.</summary>
public sealed class WriteBackStorageProvisioner(WriteBackStorage storage, IOptions<StorageOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        options.Value.CreateIfMissing ? storage.EnsureCreatedAsync(cancellationToken) : Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
