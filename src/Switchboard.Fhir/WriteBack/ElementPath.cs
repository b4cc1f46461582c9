using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// The FHIRPath subset write-back addresses fields with: <c>Type.child[index].child</c>. No functions, no
/// filters: a change must name exactly one place, and ownership rules must be comparable by prefix.
/// </summary>
public sealed partial record ElementPath(string ResourceType, IReadOnlyList<ElementPath.Step> Steps)
{
    public sealed record Step(string Name, int? Index);

    /// <summary>The path without indexes, e.g. <c>Patient.name.family</c>: what ownership rules match against.</summary>
    public string Shape => string.Join('.', Steps.Select(s => s.Name).Prepend(ResourceType));

    public static bool TryParse(string? text, [NotNullWhen(true)] out ElementPath? path)
    {
        path = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Split('.');
        if (!TypeName().IsMatch(parts[0]))
        {
            return false;
        }

        var steps = new List<Step>();
        foreach (var part in parts.Skip(1))
        {
            var match = StepPattern().Match(part);
            if (!match.Success)
            {
                return false;
            }

            int? index = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : null;
            steps.Add(new Step(match.Groups[1].Value, index));
        }

        path = new ElementPath(parts[0], steps);
        return true;
    }

    /// <summary>True when <paramref name="prefixShape"/> (a rule path) covers this path, step by step.</summary>
    public bool IsCoveredBy(string prefixShape)
    {
        var shape = Shape;
        return shape.Length == prefixShape.Length
            ? string.Equals(shape, prefixShape, StringComparison.Ordinal)
            : shape.StartsWith(prefixShape + ".", StringComparison.Ordinal);
    }

    public override string ToString() =>
        string.Join('.', Steps.Select(s => s.Index is { } i ? $"{s.Name}[{i}]" : s.Name).Prepend(ResourceType));

    [GeneratedRegex("^[A-Z][A-Za-z]{1,63}$")]
    private static partial Regex TypeName();

    [GeneratedRegex(@"^([a-z][A-Za-z0-9]{0,63})(?:\[(\d{1,4})\])?$")]
    private static partial Regex StepPattern();
}
