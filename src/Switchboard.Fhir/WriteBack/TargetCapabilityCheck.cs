using System.Text.Json.Nodes;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// Compares a target's configured profile with what its CapabilityStatement (<c>GET /metadata</c>) declares for a
/// resource type. A profile that claims more than the server declares is a configuration error: the write is
/// refused (<see cref="WriteBackCodes.ProfileMismatch"/>), never silently downgraded. A profile that claims less
/// (e.g. create-only against a server that also updates) is conservative and allowed.
/// Results name configuration keys and CapabilityStatement elements only.
/// </summary>
public static class TargetCapabilityCheck
{
    public const string JsonPatch = "application/json-patch+json";

    public static IReadOnlyList<string> Check(WriteBackTargetOptions target, JsonObject capabilityStatement, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(capabilityStatement);
        var issues = new List<string>();
        if (capabilityStatement["resourceType"]?.GetValue<string>() != "CapabilityStatement")
        {
            return ["GET /metadata did not return a CapabilityStatement."];
        }

        if (capabilityStatement["fhirVersion"]?.GetValue<string>() is { } version && !version.StartsWith("4.0", StringComparison.Ordinal))
        {
            issues.Add($"fhirVersion is {version}, not R4 (4.0.x).");
        }

        var server = (capabilityStatement["rest"] as JsonArray ?? []).OfType<JsonObject>()
            .FirstOrDefault(r => r["mode"]?.GetValue<string>() == "server");
        var resource = Resource(server, resourceType);
        if (resource is null)
        {
            issues.Add($"rest.resource does not declare {resourceType}.");
            return issues;
        }

        var interactions = Interactions(resource);
        if (target.CreateOnly)
        {
            Require(issues, interactions, resourceType, "create", "CreateOnly");
        }
        else
        {
            Require(issues, interactions, resourceType, "read", "an updatable target");
            Require(issues, interactions, resourceType, "vread", "an updatable target (base version reads)");
            Require(issues, interactions, resourceType, "update", "an updatable target");
            var versioning = resource["versioning"]?.GetValue<string>() ?? "no-version";
            if ((target.SupportsIfMatch || target.RequiresIfMatch) && versioning != "versioned-update")
            {
                issues.Add($"SupportsIfMatch/RequiresIfMatch: {resourceType}.versioning is {versioning}, not versioned-update.");
            }
        }

        if (target.SupportsPatch)
        {
            Require(issues, interactions, resourceType, "patch", "SupportsPatch");
            if (capabilityStatement["patchFormat"] is JsonArray formats
                && !formats.Any(f => string.Equals(f?.GetValue<string>(), JsonPatch, StringComparison.OrdinalIgnoreCase)))
            {
                issues.Add($"SupportsPatch: patchFormat does not list {JsonPatch}.");
            }
        }

        if (target.SupportsConditionalCreate && resource["conditionalCreate"]?.GetValue<bool>() != true)
        {
            issues.Add($"SupportsConditionalCreate: {resourceType}.conditionalCreate is not true.");
        }

        if (target.WriteProvenance)
        {
            // Provenance is written with PUT Provenance/{instance id}: an update that creates.
            var provenance = Resource(server, "Provenance");
            if (provenance is null || !Interactions(provenance).Contains("update") || provenance["updateCreate"]?.GetValue<bool>() != true)
            {
                issues.Add("WriteProvenance: Provenance does not declare update with updateCreate.");
            }
        }

        return issues;
    }

    private static JsonObject? Resource(JsonObject? server, string type) =>
        (server?["resource"] as JsonArray ?? []).OfType<JsonObject>().FirstOrDefault(r => r["type"]?.GetValue<string>() == type);

    private static HashSet<string> Interactions(JsonObject resource) =>
        [.. (resource["interaction"] as JsonArray ?? []).Select(i => i?["code"]?.GetValue<string>()).OfType<string>()];

    private static void Require(List<string> issues, HashSet<string> interactions, string type, string code, string needer)
    {
        if (!interactions.Contains(code))
        {
            issues.Add($"{needer}: {type} does not declare the {code} interaction.");
        }
    }
}
