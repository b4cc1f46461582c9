using System.Globalization;
using System.Text.Json.Nodes;
using Switchboard.Core.WriteBack;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// JSON Patch (RFC 6902, <c>application/json-patch+json</c>) for write-back: the patch a target gets for a merged
/// resource, and the field changes a JSON Patch request stands for. Pure.
/// </summary>
public static class JsonPatch
{
    public const string MediaType = "application/json-patch+json";

    /// <summary>
    /// The operations that turn <paramref name="current"/> into <paramref name="merged"/>: per element, items appended to
    /// an array as <c>add …/-</c>, anything else as <c>add</c>, <c>replace</c> or <c>remove</c> of the smallest changed
    /// element. Sent with If-Match on the version read, so nothing the operations do not name can have moved.
    /// </summary>
    public static JsonArray Diff(JsonObject current, JsonObject merged)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(merged);
        var ops = new JsonArray();
        DiffObject(current, merged, "", ops);
        return ops;
    }

    /// <summary>Applies a patch produced by <see cref="Diff"/> (add, replace, remove; <c>-</c> appends). For tests and checks.</summary>
    public static JsonObject Apply(JsonObject resource, JsonArray operations)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(operations);
        var result = (JsonObject)resource.DeepClone();
        foreach (var op in operations.OfType<JsonObject>())
        {
            var tokens = Tokens(op["path"]!.GetValue<string>());
            JsonNode parent = result;
            foreach (var token in tokens[..^1])
            {
                parent = parent is JsonArray a ? a[int.Parse(token, CultureInfo.InvariantCulture)]! : parent[token]!;
            }

            var last = tokens[^1];
            var value = op["value"]?.DeepClone();
            switch (op["op"]!.GetValue<string>(), parent)
            {
                case ("add", JsonArray items) when last == "-":
                    items.Add(value);
                    break;
                case ("add" or "replace", JsonArray items):
                    items[int.Parse(last, CultureInfo.InvariantCulture)] = value;
                    break;
                case ("add" or "replace", JsonObject obj):
                    obj[last] = value;
                    break;
                case ("remove", JsonArray items):
                    items.RemoveAt(int.Parse(last, CultureInfo.InvariantCulture));
                    break;
                case ("remove", JsonObject obj):
                    obj.Remove(last);
                    break;
                default:
                    throw new InvalidOperationException("Unsupported JSON Patch operation.");
            }
        }

        return result;
    }

    /// <summary>
    /// The field changes a JSON Patch on <paramref name="resourceType"/> stands for: <c>add /x/-</c> → add an item,
    /// <c>add</c> or <c>replace</c> → set, <c>remove</c> → remove the element. Null with an error (naming the operation
    /// index only) for <c>test</c>, <c>move</c>, <c>copy</c>, inserts at an index and paths write-back cannot address.
    /// </summary>
    public static IReadOnlyList<FieldChange>? ToChanges(string resourceType, JsonArray operations, out string? error)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var changes = new List<FieldChange>();
        error = null;
        for (var i = 0; i < operations.Count; i++)
        {
            if (operations[i] is not JsonObject op || op["op"]?.GetValueKind() != System.Text.Json.JsonValueKind.String
                || op["path"]?.GetValueKind() != System.Text.Json.JsonValueKind.String)
            {
                error = $"Operation {i}: needs op and path.";
                return null;
            }

            var kind = op["op"]!.GetValue<string>();
            var tokens = Tokens(op["path"]!.GetValue<string>());
            var append = kind == "add" && tokens.Length > 1 && tokens[^1] == "-";
            var path = ToElementPath(resourceType, append ? tokens[..^1] : tokens);
            var endsWithIndex = tokens.Length > 0 && int.TryParse(tokens[^1], NumberStyles.None, CultureInfo.InvariantCulture, out _);
            var hasValue = op.ContainsKey("value");
            var change = (kind, path) switch
            {
                (_, null) => null,
                ("add", _) when append && hasValue => new FieldChange(ChangeOperation.Add, path, op["value"]!.ToJsonString()),
                ("add", _) when !endsWithIndex && hasValue => new FieldChange(ChangeOperation.Set, path, op["value"]!.ToJsonString()),
                ("replace", _) when hasValue => new FieldChange(ChangeOperation.Set, path, op["value"]!.ToJsonString()),
                ("remove", _) => new FieldChange(ChangeOperation.Remove, path, null),
                _ => null,
            };
            if (change is null)
            {
                error = $"Operation {i}: only add (append with /-), replace and remove of a FHIR element are supported.";
                return null;
            }

            changes.Add(change);
        }

        if (changes.Count == 0)
        {
            error = "The patch is empty.";
            return null;
        }

        return changes;
    }

    private static string? ToElementPath(string resourceType, string[] tokens)
    {
        if (tokens.Length == 0)
        {
            return null;
        }

        var text = resourceType;
        foreach (var token in tokens)
        {
            if (int.TryParse(token, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                if (text == resourceType)
                {
                    return null;
                }

                text += $"[{index}]";
            }
            else
            {
                text += "." + token;
            }
        }

        return ElementPath.TryParse(text, out var parsed) && parsed.Steps.Count == tokens.Count(t => !int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out _))
            ? text
            : null;
    }

    private static string[] Tokens(string pointer) =>
        pointer.Length == 0 || pointer[0] != '/'
            ? []
            : [.. pointer[1..].Split('/').Select(t => t.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))];

    private static string Escape(string token) => token.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static void DiffObject(JsonObject current, JsonObject merged, string pointer, JsonArray ops)
    {
        foreach (var (key, value) in current)
        {
            if (!merged.ContainsKey(key))
            {
                ops.Add(new JsonObject { ["op"] = "remove", ["path"] = $"{pointer}/{Escape(key)}" });
            }
            else
            {
                DiffNode(value, merged[key], $"{pointer}/{Escape(key)}", ops);
            }
        }

        foreach (var (key, value) in merged)
        {
            if (!current.ContainsKey(key))
            {
                ops.Add(new JsonObject { ["op"] = "add", ["path"] = $"{pointer}/{Escape(key)}", ["value"] = value?.DeepClone() });
            }
        }
    }

    private static void DiffNode(JsonNode? current, JsonNode? merged, string pointer, JsonArray ops)
    {
        if (JsonNode.DeepEquals(current, merged))
        {
            return;
        }

        switch (current, merged)
        {
            case (JsonObject c, JsonObject m):
                DiffObject(c, m, pointer, ops);
                return;
            case (JsonArray c, JsonArray m) when m.Count > c.Count && c.Select((item, i) => JsonNode.DeepEquals(item, m[i])).All(same => same):
                foreach (var item in m.Skip(c.Count))
                {
                    ops.Add(new JsonObject { ["op"] = "add", ["path"] = pointer + "/-", ["value"] = item?.DeepClone() });
                }

                return;
            case (JsonArray c, JsonArray m) when m.Count == c.Count:
                for (var i = 0; i < c.Count; i++)
                {
                    DiffNode(c[i], m[i], $"{pointer}/{i}", ops);
                }

                return;
            default:
                ops.Add(new JsonObject { ["op"] = "replace", ["path"] = pointer, ["value"] = merged?.DeepClone() });
                return;
        }
    }
}
