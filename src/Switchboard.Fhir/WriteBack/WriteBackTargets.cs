using Microsoft.Extensions.Options;

namespace Switchboard.Fhir.WriteBack;

/// <summary>Clients for the configured write-back targets (one pooled HttpClient; base URL and time-out per target).</summary>
public sealed class WriteBackTargets(IHttpClientFactory httpClients, IOptions<WriteBackOptions> options)
{
    public const string HttpClientName = "switchboard-writeback";

    /// <summary>The target's client, or null when no target has that name.</summary>
    public TargetFhirClient? Find(string name) =>
        options.Value.Targets.TryGetValue(name, out var target)
            ? new TargetFhirClient(httpClients.CreateClient(HttpClientName), name, target)
            : null;
}
