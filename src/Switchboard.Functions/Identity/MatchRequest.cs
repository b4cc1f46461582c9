using System.Diagnostics.CodeAnalysis;
using Hl7.Fhir.Model;
using Switchboard.Fhir;

namespace Switchboard.Functions.Identity;

/// <summary>Reads a <c>$match</c> request body: a Patient, or Parameters with <c>resource</c> (and <c>count</c>).</summary>
public static class MatchRequest
{
    /// <summary>Issue code for an unreadable match request.</summary>
    public const string IssueCode = "ID400";

    public const int DefaultCount = 10;

    public static bool TryParse(string body, [NotNullWhen(true)] out Patient? patient, out int count, out string problem)
    {
        patient = null;
        count = DefaultCount;
        problem = string.Empty;
        if (string.IsNullOrWhiteSpace(body))
        {
            problem = "The request body is empty: send a FHIR Patient.";
            return false;
        }

        Resource resource;
        try
        {
            resource = FhirJsonText.Parse<Resource>(body);
        }
        catch (Exception ex) when (ex is FormatException or System.Text.Json.JsonException or InvalidOperationException
            or Hl7.Fhir.Serialization.DeserializationFailedException)
        {
            // The parser's message can quote the input: it is not echoed back or logged.
            problem = "The request body is not a valid FHIR R4 JSON resource.";
            return false;
        }

        if (resource is Parameters parameters)
        {
            resource = parameters.GetSingle("resource")?.Resource!;
            if (parameters.GetSingle("count")?.Value is Integer { Value: > 0 } c)
            {
                count = Math.Min(c.Value.Value, 100);
            }
        }

        patient = resource as Patient;
        if (patient is null)
        {
            problem = "Send a FHIR Patient (or Parameters with a Patient in 'resource').";
            return false;
        }

        return true;
    }

    public static OperationOutcome Outcome(string problem) => new()
    {
        Issue =
        [
            new OperationOutcome.IssueComponent
            {
                Severity = OperationOutcome.IssueSeverity.Error,
                Code = OperationOutcome.IssueType.Invalid,
                Details = new CodeableConcept("urn:switchboard:issue", IssueCode, problem),
                Diagnostics = problem,
            },
        ],
    };
}
