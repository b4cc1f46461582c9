using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace Switchboard.Fhir.Routing;

/// <summary>
/// Sends a consumer only what it is allowed: each resource keeps <c>resourceType</c>, <c>id</c> and
/// <c>meta.versionId</c> plus the allowed top-level elements; resources of types not allowed at all are dropped.
/// </summary>
public static class FieldAllowlist
{
    public static bool IsValidPath(string path) =>
        path == "*" || (path.Length > 0 && char.IsAsciiLetterUpper(path[0]) && path.Count(c => c == '.') <= 1 && path.All(c => char.IsAsciiLetterOrDigit(c) || c == '.')
            && !path.EndsWith('.'));

    /// <summary>The allowed view of the document's resources, as FHIR JSON objects.</summary>
    public static IReadOnlyList<JsonObject> Apply(Bundle document, IReadOnlyCollection<string> allow)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(allow);
        var result = new List<JsonObject>();
        foreach (var resource in document.Entry.Select(e => e.Resource).OfType<Resource>())
        {
            if (Filter(resource, allow) is { } kept)
            {
                result.Add(kept);
            }
        }

        return result;
    }

    /// <summary>One resource filtered; null when its type is not allowed at all.</summary>
    public static JsonObject? Filter(Resource resource, IReadOnlyCollection<string> allow)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(allow);
        var type = resource.TypeName;
        var json = JsonNode.Parse(FhirJsonText.Serialize(resource))!.AsObject();
        if (allow.Contains("*") || allow.Contains(type))
        {
            return json;
        }

        var elements = allow.Where(p => p.StartsWith(type + ".", StringComparison.Ordinal)).Select(p => p[(type.Length + 1)..]).ToHashSet(StringComparer.Ordinal);
        if (elements.Count == 0)
        {
            return null;
        }

        var kept = new JsonObject { ["resourceType"] = type };
        if (resource.Id is { } id)
        {
            kept["id"] = id;
        }

        if (resource.Meta?.VersionId is { } version)
        {
            kept["meta"] = new JsonObject { ["versionId"] = version };
        }

        foreach (var element in elements)
        {
            if (json.TryGetPropertyValue(element, out var value) && value is not null)
            {
                kept[element] = value.DeepClone();
            }
        }

        return kept;
    }
}
