using System.Text.Json;
using System.Text.Json.Nodes;
using Hl7.Fhir.FhirPath;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using Hl7.Fhir.Validation;
using Hl7.FhirPath;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// Validates a merged resource before it is sent: it must parse strictly as FHIR R4 (Firely), pass Firely's
/// attribute validation (cardinality, required elements, primitive formats) and every configured FHIRPath rule.
/// Issues name paths and rules, never values.
/// </summary>
public static class WriteBackValidator
{
    private static readonly FhirPathCompiler Compiler = new();

    public static IReadOnlyList<string> Validate(JsonObject resource, IEnumerable<string>? rules)
    {
        ArgumentNullException.ThrowIfNull(resource);
        Resource poco;
        try
        {
            poco = FhirJsonText.Parse<Resource>(resource.ToJsonString());
        }
        catch (Exception ex) when (ex is DeserializationFailedException or JsonException or FormatException)
        {
            // Firely's messages name paths and error codes; keep only the first line of each to stay free of values.
            return ex is DeserializationFailedException dfe
                ? [.. dfe.Exceptions.Select(e => $"Invalid {e.ErrorCode}: {(e as Hl7.Fhir.Utility.ExtendedCodedException)?.InstancePath ?? "resource"}")]
                : ["The resource is not FHIR JSON."];
        }

        var issues = new List<string>();
        var attributeIssues = poco.Validate(ModelInfo.ModelInspector);
        issues.AddRange(Describe(attributeIssues));

        foreach (var rule in rules ?? [])
        {
            if (!Compiler.Compile(rule).Predicate(poco, new FhirEvaluationContext()))
            {
                issues.Add($"Rule failed: {rule}");
            }
        }

        return issues;
    }

    // Firely's attribute validation names the element and an error code; the message text can quote the value, so it is dropped.
    private static IEnumerable<string> Describe(IEnumerable<CodedValidationException> issues) =>
        issues.Select(i => $"Invalid {i.ErrorCode}: {i.InstancePath ?? i.MemberName ?? "resource"}");

    /// <summary>Configuration errors in FHIRPath rules (checked at start).</summary>
    public static IEnumerable<string> CheckRules(string resourceType, IEnumerable<string> expressions)
    {
        ArgumentNullException.ThrowIfNull(expressions);
        if (!ModelInfo.IsKnownResource(resourceType))
        {
            yield return $"Rules:{resourceType}: not an R4 resource type.";
        }

        foreach (var expression in expressions)
        {
            string? error = null;
            try
            {
                Compiler.Compile(expression);
            }
            catch (FormatException)
            {
                error = $"Rules:{resourceType}: '{expression}' is not valid FHIRPath.";
            }

            if (error is not null)
            {
                yield return error;
            }
        }
    }
}
