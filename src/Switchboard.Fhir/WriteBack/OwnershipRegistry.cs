using Switchboard.Core.WriteBack;

namespace Switchboard.Fhir.WriteBack;

/// <summary>Looks up the ownership rule for a field: the rule with the longest path covering it.</summary>
public sealed class OwnershipRegistry
{
    private readonly IReadOnlyList<OwnershipRule> _rules;

    public OwnershipRegistry(IEnumerable<OwnershipRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var list = rules.ToList();
        var errors = Check(list);
        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid ownership rules: " + string.Join("; ", errors), nameof(rules));
        }

        // Longest first, so the first covering rule is the most specific.
        _rules = [.. list.OrderByDescending(r => r.Path.Length)];
    }

    public OwnershipRule? Find(ElementPath path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return _rules.FirstOrDefault(r => path.IsCoveredBy(r.Path));
    }

    /// <summary>Configuration errors: malformed or duplicate paths, indexes in rule paths, a system of record with a role.</summary>
    public static IReadOnlyList<string> Check(IEnumerable<OwnershipRule> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        var errors = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rule in rules)
        {
            if (!ElementPath.TryParse(rule.Path, out var path) || path.Steps.Any(s => s.Index is not null))
            {
                errors.Add($"Ownership path '{rule.Path}' is not Type or Type.element[.element] (no indexes).");
                continue;
            }

            if (!seen.Add(rule.Path))
            {
                errors.Add($"Ownership path '{rule.Path}' is configured twice.");
            }

            if (string.IsNullOrWhiteSpace(rule.SystemOfRecord))
            {
                errors.Add($"Ownership path '{rule.Path}' has no SystemOfRecord.");
            }

            if (rule.Roles.ContainsKey(rule.SystemOfRecord))
            {
                errors.Add($"Ownership path '{rule.Path}': the system of record '{rule.SystemOfRecord}' cannot also have a role.");
            }

            if (rule.DataClass == DataClass.DerivedDisplay && rule.Roles.Values.Any(r => r != FieldRole.Mirror))
            {
                errors.Add($"Ownership path '{rule.Path}': derived display data can only be mirrored.");
            }

            if (!Enum.IsDefined(rule.ConflictPolicy) || !Enum.IsDefined(rule.DataClass) || rule.Roles.Values.Any(r => !Enum.IsDefined(r)))
            {
                errors.Add($"Ownership path '{rule.Path}' has an unknown role, data class or conflict policy.");
            }
        }

        return errors;
    }
}
