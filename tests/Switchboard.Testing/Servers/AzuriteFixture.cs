using Xunit;

namespace Switchboard.Testing.Servers;

/// <summary>
/// Azurite (blobs, queues, tables) for a test collection: reuses the one named by
/// <c>SWITCHBOARD_TEST_STORAGE</c> (a connection string) when set, otherwise starts one in memory on free ports.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    // Azurite's well-known development account; not a secret.
    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private ServerProcess? _server;

    public string ConnectionString { get; private set; } = string.Empty;

    public async Task InitializeAsync()
    {
        var existing = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_STORAGE");
        if (!string.IsNullOrWhiteSpace(existing))
        {
            ConnectionString = existing;
            return;
        }

        int blob = ServerProcess.FreePort(), queue = ServerProcess.FreePort(), table = ServerProcess.FreePort();
        var ready = 0;
        (_server, _) = await ServerProcess.StartAsync(
            RepositoryRoot.NodeTool("azurite"),
            [
                "--inMemoryPersistence", "--disableTelemetry", "--skipApiVersionCheck", "--loose",
                "--blobHost", "127.0.0.1", "--blobPort", $"{blob}",
                "--queueHost", "127.0.0.1", "--queuePort", $"{queue}",
                "--tableHost", "127.0.0.1", "--tablePort", $"{table}",
            ],
            RepositoryRoot.Path,
            line => line.Contains("successfully listening", StringComparison.Ordinal) && Interlocked.Increment(ref ready) == 3,
            TimeSpan.FromSeconds(60));
        ConnectionString =
            $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={AccountKey};" +
            $"BlobEndpoint=http://127.0.0.1:{blob}/devstoreaccount1;" +
            $"QueueEndpoint=http://127.0.0.1:{queue}/devstoreaccount1;" +
            $"TableEndpoint=http://127.0.0.1:{table}/devstoreaccount1;";
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
