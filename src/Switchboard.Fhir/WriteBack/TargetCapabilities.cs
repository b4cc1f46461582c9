using System.Collections.Concurrent;
using System.Text.Json.Nodes;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// Each target's CapabilityStatement, read once on first use (a failed read is not cached, so the caller's retry
/// reads again), and the check of the target's profile against it per resource type.
/// </summary>
public sealed class TargetCapabilities
{
    private readonly ConcurrentDictionary<string, Lazy<Task<JsonObject>>> _statements = new(StringComparer.Ordinal);

    /// <summary>Mismatches between the profile and the declared capabilities for <paramref name="resourceType"/>; empty when consistent or not verified.</summary>
    public async Task<IReadOnlyList<string>> VerifyAsync(TargetFhirClient target, string resourceType, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (!target.Options.VerifyCapabilities)
        {
            return [];
        }

        var lazy = _statements.GetOrAdd(target.Name, _ => new Lazy<Task<JsonObject>>(() => target.ReadCapabilitiesAsync(CancellationToken.None)));
        JsonObject statement;
        try
        {
            statement = await lazy.Value.WaitAsync(cancellationToken);
        }
        catch (Exception) when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            _statements.TryRemove(KeyValuePair.Create(target.Name, lazy));
            throw;
        }

        return TargetCapabilityCheck.Check(target.Options, statement, resourceType);
    }
}
