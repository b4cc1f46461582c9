using System.Text.Json;
using System.Text.Json.Nodes;
using Switchboard.Core.WriteBack;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// Field-by-field three-way merge of FHIR JSON: <em>base</em> (the version the proposer saw), <em>theirs</em>
/// (the target's current version) and <em>ours</em> (the proposer's changes). A change whose field the target did
/// not touch applies; one whose field the target already holds at our value is a no-op (so a retried write that
/// already landed converges instead of writing twice); overlapping changes follow the rule's conflict policy.
/// Collections (add/remove, or set on an array) merge item by item, so two writers adding items never conflict.
/// Pure: no I/O, inputs are not modified.
/// </summary>
public static class ThreeWayMerge
{
    /// <param name="forceOurs">A reviewer approved our values over theirs for the overlapping fields.</param>
    public static MergeResult Merge(JsonObject baseVersion, JsonObject theirs, IReadOnlyList<AuthorizedChange> changes, bool forceOurs = false)
    {
        ArgumentNullException.ThrowIfNull(baseVersion);
        ArgumentNullException.ThrowIfNull(theirs);
        ArgumentNullException.ThrowIfNull(changes);
        var merged = (JsonObject)theirs.DeepClone();
        var outcomes = new List<FieldMergeOutcome>(changes.Count);
        foreach (var change in changes)
        {
            var status = MergeOne(baseVersion, merged, change, forceOurs);
            outcomes.Add(new FieldMergeOutcome(change.Path.ToString(), change.RulePath, status));
        }

        return new MergeResult(merged, outcomes);
    }

    /// <summary>Applies changes to a resource with no concurrent edits (a create, or base == theirs).</summary>
    public static JsonObject Apply(JsonObject resource, IReadOnlyList<AuthorizedChange> changes) => Merge(resource, resource, changes).Merged;

    private static FieldMergeStatus MergeOne(JsonObject baseVersion, JsonObject merged, AuthorizedChange authorized, bool forceOurs)
    {
        var change = authorized.Change;
        var path = authorized.Path;
        var ours = change.Value is null ? null : JsonNode.Parse(change.Value);
        var baseValue = Get(baseVersion, path);
        var theirValue = Get(merged, path);
        var theyMoved = !JsonNode.DeepEquals(baseValue, theirValue);

        switch (change.Op)
        {
            case ChangeOperation.Add:
            {
                var items = theirValue as JsonArray;
                if (items is not null && items.Any(i => JsonNode.DeepEquals(i, ours)))
                {
                    return FieldMergeStatus.AlreadyApplied;
                }

                if (baseValue is JsonArray baseItems && baseItems.Any(i => JsonNode.DeepEquals(i, ours)))
                {
                    // The item was there when the proposer looked and the target removed it since: adding it back
                    // would undo their remove.
                    return Overlap(authorized, merged, path, ours, forceOurs, setInstead: false);
                }

                Append(merged, path, ours!);
                return theyMoved ? FieldMergeStatus.Rebased : FieldMergeStatus.Applied;
            }

            case ChangeOperation.Remove when ours is not null:
            {
                if (theirValue is not JsonArray items || !items.Any(i => JsonNode.DeepEquals(i, ours)))
                {
                    return FieldMergeStatus.AlreadyApplied;
                }

                RemoveItem(items, ours);
                if (items.Count == 0)
                {
                    // FHIR JSON has no empty arrays.
                    Set(merged, path, null);
                }

                return theyMoved ? FieldMergeStatus.Rebased : FieldMergeStatus.Applied;
            }

            case ChangeOperation.Remove:
                if (theirValue is null)
                {
                    return FieldMergeStatus.AlreadyApplied;
                }

                if (!theyMoved)
                {
                    Set(merged, path, null);
                    return FieldMergeStatus.Applied;
                }

                return Overlap(authorized, merged, path, null, forceOurs, setInstead: true);

            default:
                if (JsonNode.DeepEquals(theirValue, ours))
                {
                    return FieldMergeStatus.AlreadyApplied;
                }

                if (!theyMoved)
                {
                    Set(merged, path, ours);
                    return FieldMergeStatus.Applied;
                }

                if (authorized.Policy == ConflictPolicy.Rebase && !forceOurs
                    && baseValue is JsonArray or null && theirValue is JsonArray or null && ours is JsonArray oursItems)
                {
                    // Set on a collection: replay our item-level edits (added and removed relative to base) onto theirs.
                    var baseItems = baseValue as JsonArray ?? [];
                    var result = (JsonArray)(theirValue?.DeepClone() ?? new JsonArray());
                    foreach (var removed in baseItems.Where(b => !oursItems.Any(o => JsonNode.DeepEquals(o, b))))
                    {
                        RemoveItem(result, removed);
                    }

                    foreach (var added in oursItems.Where(o => !baseItems.Any(b => JsonNode.DeepEquals(o, b))))
                    {
                        if (!result.Any(r => JsonNode.DeepEquals(r, added)))
                        {
                            result.Add(added!.DeepClone());
                        }
                    }

                    Set(merged, path, result);
                    return FieldMergeStatus.Rebased;
                }

                return Overlap(authorized, merged, path, ours, forceOurs, setInstead: true);
        }
    }

    private static FieldMergeStatus Overlap(AuthorizedChange change, JsonObject merged, ElementPath path, JsonNode? ours, bool forceOurs, bool setInstead)
    {
        var oursWins = forceOurs || (change.Policy == ConflictPolicy.SourceWins && change.ProposerIsSystemOfRecord);
        if (oursWins)
        {
            if (setInstead)
            {
                Set(merged, path, ours);
            }
            else
            {
                Append(merged, path, ours!);
            }

            return FieldMergeStatus.Overridden;
        }

        return change.Policy switch
        {
            ConflictPolicy.SourceWins => FieldMergeStatus.Superseded,
            ConflictPolicy.Reject => FieldMergeStatus.ConflictRejected,
            _ => FieldMergeStatus.ConflictNeedsReview,
        };
    }

    /// <summary>The value at <paramref name="path"/>, or null when any step is missing.</summary>
    public static JsonNode? Get(JsonObject resource, ElementPath path)
    {
        ArgumentNullException.ThrowIfNull(resource);
        ArgumentNullException.ThrowIfNull(path);
        JsonNode? node = resource;
        foreach (var step in path.Steps)
        {
            node = node is JsonObject o && o.TryGetPropertyValue(step.Name, out var child) ? child : null;
            if (step.Index is { } i)
            {
                node = node is JsonArray a && i < a.Count ? a[i] : null;
            }

            if (node is null)
            {
                return null;
            }
        }

        return node;
    }

    private static void Set(JsonObject resource, ElementPath path, JsonNode? value)
    {
        var (parent, last) = Parent(resource, path, create: value is not null);
        if (parent is null)
        {
            return;
        }

        if (last.Index is { } i)
        {
            var items = parent[last.Name] as JsonArray ?? throw new JsonException($"{path.Shape}: no collection at {last.Name}.");
            if (i >= items.Count)
            {
                throw new JsonException($"{path.Shape}: index {i} is past the end of the collection.");
            }

            if (value is null)
            {
                items.RemoveAt(i);
            }
            else
            {
                items[i] = value.DeepClone();
            }
        }
        else if (value is null)
        {
            parent.Remove(last.Name);
        }
        else
        {
            parent[last.Name] = value.DeepClone();
        }

        if (value is null && parent[last.Name] is JsonArray { Count: 0 })
        {
            // FHIR JSON has no empty arrays.
            parent.Remove(last.Name);
        }
    }

    private static void Append(JsonObject resource, ElementPath path, JsonNode item)
    {
        var current = Get(resource, path);
        if (current is JsonArray items)
        {
            items.Add(item.DeepClone());
        }
        else if (current is null)
        {
            Set(resource, path, new JsonArray(item.DeepClone()));
        }
        else
        {
            throw new JsonException($"{path.Shape} is not a collection: add needs one.");
        }
    }

    private static void RemoveItem(JsonArray items, JsonNode? item)
    {
        for (var i = items.Count - 1; i >= 0; i--)
        {
            if (JsonNode.DeepEquals(items[i], item))
            {
                items.RemoveAt(i);
            }
        }
    }

    private static (JsonObject? Parent, ElementPath.Step Last) Parent(JsonObject resource, ElementPath path, bool create)
    {
        JsonObject current = resource;
        foreach (var step in path.Steps.Take(path.Steps.Count - 1))
        {
            var child = current[step.Name];
            if (step.Index is { } i)
            {
                child = child is JsonArray a && i < a.Count ? a[i] : null;
            }

            if (child is null)
            {
                if (!create || step.Index is not null)
                {
                    return (null, path.Steps[^1]);
                }

                child = new JsonObject();
                current[step.Name] = child;
            }

            current = child as JsonObject ?? throw new JsonException($"{path.Shape}: {step.Name} is not an element with children.");
        }

        return (current, path.Steps[^1]);
    }
}
