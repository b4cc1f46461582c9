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
/// attribute validation (cardinality, required elements, primitive formats), the R4 core invariants we can check
/// offline (<see cref="CoreInvariants"/>) and every configured FHIRPath rule.
/// Issues name paths and rules, never values.
/// </summary>
public static class WriteBackValidator
{
    private static readonly FhirPathCompiler Compiler = new();

    /// <summary>
    /// R4 core invariants checked offline (copied from the R4 StructureDefinitions; no specification package is
    /// loaded), written as predicates on the resource. <c>*</c> applies to every resource type.
    /// </summary>
    private static readonly (string Type, string Key, string Expression)[] CoreInvariants =
    [
        ("*", "cpt-2", "descendants().ofType(ContactPoint).all(value.empty() or system.exists())"),
        ("*", "per-1", "descendants().ofType(Period).all(start.empty() or end.empty() or (start <= end))"),
        ("Patient", "pat-1", "contact.all(name.exists() or telecom.exists() or address.exists() or organization.exists())"),
        ("AllergyIntolerance", "ait-1", "verificationStatus.coding.where(system = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification' and code = 'entered-in-error').exists() or clinicalStatus.exists()"),
        ("AllergyIntolerance", "ait-2", "verificationStatus.coding.where(system = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification' and code = 'entered-in-error').empty() or clinicalStatus.empty()"),
        ("Condition", "con-4", "abatement.empty() or clinicalStatus.coding.where(system = 'http://terminology.hl7.org/CodeSystem/condition-clinical' and (code = 'resolved' or code = 'remission' or code = 'inactive')).exists()"),
        ("Condition", "con-5", "verificationStatus.coding.where(system = 'http://terminology.hl7.org/CodeSystem/condition-ver-status' and code = 'entered-in-error').empty() or clinicalStatus.empty()"),
        ("Observation", "obs-6", "dataAbsentReason.empty() or value.empty()"),
        ("Observation", "obs-7", "value.empty() or component.code.where(coding.intersect(%resource.code.coding).exists()).empty()"),
    ];

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

        foreach (var (type, key, expression) in CoreInvariants)
        {
            if ((type == "*" || type == poco.TypeName) && !Compiler.Compile(expression).Predicate(poco, new FhirEvaluationContext()))
            {
                issues.Add($"Invariant {key} failed");
            }
        }

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
