using System.Text.Json.Nodes;
using Hl7.Fhir.Model;

namespace Switchboard.Fhir;

/// <summary>Which element paths differ between two versions of a resource (server-managed id and meta ignored).</summary>
public static class ResourceDiff
{
    public static IReadOnlyList<string> ChangedPaths(Resource? current, Resource proposed)
    {
        ArgumentNullException.ThrowIfNull(proposed);
        var before = Flatten(current);
        var after = Flatten(proposed);
        return before.Keys.Union(after.Keys)
            .Where(path => before.GetValueOrDefault(path) != after.GetValueOrDefault(path))
            .Order(StringComparer.Ordinal)
            .ToList();
    }

    private static Dictionary<string, string> Flatten(Resource? resource)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        if (resource is null)
        {
            return values;
        }

        var json = JsonNode.Parse(FhirJsonText.Serialize(resource))!.AsObject();
        json.Remove("id");
        json.Remove("meta");
        Walk(json, resource.TypeName, values);
        return values;
    }

    private static void Walk(JsonNode? node, string path, Dictionary<string, string> values)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, child) in obj)
                {
                    Walk(child, $"{path}.{name}", values);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    Walk(array[i], $"{path}[{i}]", values);
                }

                break;
            default:
                values[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
