using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Xunit;

namespace Switchboard.Testing.Servers;

/// <summary>
/// The local FHIR R4 server (tools/fhir-server: medplum's router over an in-memory repository) for a test
/// collection: reuses <c>SWITCHBOARD_TEST_FHIR_URL</c> when set, otherwise starts one on a free port.
/// Also drives its test-only fault switch.
/// </summary>
public sealed class FhirServerFixture : IAsyncLifetime
{
    private const string ReadyPrefix = "FHIR server listening on ";
    private ServerProcess? _server;
    private HttpClient _admin = new();

    /// <summary>Base URL ending in <c>/fhir</c>, e.g. <c>http://127.0.0.1:40123/fhir</c>.</summary>
    public Uri BaseUrl { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var existing = Environment.GetEnvironmentVariable("SWITCHBOARD_TEST_FHIR_URL");
        if (!string.IsNullOrWhiteSpace(existing))
        {
            BaseUrl = new Uri(existing.TrimEnd('/'));
        }
        else
        {
            string ready;
            (_server, ready) = await ServerProcess.StartAsync(
                "node",
                [Path.Combine(RepositoryRoot.Path, "tools", "fhir-server", "server.mjs"), "--port", "0", "--host", "127.0.0.1"],
                RepositoryRoot.Path,
                line => line.StartsWith(ReadyPrefix, StringComparison.Ordinal),
                TimeSpan.FromSeconds(60));
            BaseUrl = new Uri(ready[ReadyPrefix.Length..].Trim());
        }

        _admin = new HttpClient { BaseAddress = new Uri(BaseUrl.GetLeftPart(UriPartial.Authority)) };
    }

    /// <summary>Makes the next <paramref name="count"/> matching requests fail: kind 429, 503, delay, drop or drop-after.</summary>
    public async Task InjectFaultAsync(string kind, int count = 1, string? method = null, string? pathPrefix = null, int? retryAfterSeconds = null, int? delayMs = null)
    {
        var fault = new JsonObject { ["kind"] = kind, ["count"] = count };
        if (method is not null) fault["method"] = method;
        if (pathPrefix is not null) fault["pathPrefix"] = pathPrefix;
        if (retryAfterSeconds is not null) fault["retryAfter"] = retryAfterSeconds;
        if (delayMs is not null) fault["delayMs"] = delayMs;
        using var response = await _admin.PostAsJsonAsync("/$admin/faults", fault);
        response.EnsureSuccessStatusCode();
    }

    public async Task ClearFaultsAsync()
    {
        using var response = await _admin.DeleteAsync("/$admin/faults");
        response.EnsureSuccessStatusCode();
    }

    /// <summary>Requests the server saw (method, path, status), newest last: lets tests prove a write was sent once.</summary>
    public async Task<JsonArray> RequestLogAsync()
    {
        var log = await _admin.GetFromJsonAsync<JsonNode>("/$admin/requests");
        return log as JsonArray ?? log?["requests"] as JsonArray ?? [];
    }

    public async Task ResetAsync()
    {
        using var response = await _admin.PostAsync("/$admin/reset", content: null);
        response.EnsureSuccessStatusCode();
    }

    public async Task DisposeAsync()
    {
        _admin.Dispose();
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
