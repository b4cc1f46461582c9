using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Mvc;
using Switchboard.Fhir;

namespace Switchboard.Functions.Pipeline;

/// <summary>What an intake endpoint answers: the body and the HTTP status to send it with.</summary>
public sealed record IntakeResult(int StatusCode, string Body, string ContentType)
{
    public const string Hl7ContentType = "x-application/hl7-v2+er7";

    public static IntakeResult Ack(string ack, int statusCode = 200) => new(statusCode, ack, Hl7ContentType);

    public static IntakeResult Json(string json, int statusCode = 200) => new(statusCode, json, "application/json");

    public ContentResult ToActionResult() => new() { StatusCode = StatusCode, Content = Body, ContentType = ContentType };

    public static IntakeResult UnknownSource() => Problem(404, OperationOutcome.IssueType.NotFound, "Unknown source.", Core.Envelopes.PipelineIssues.UnknownSource);

    /// <summary>An HTTP-level error as a FHIR OperationOutcome with a stable issue code (never quoting input).</summary>
    public static IntakeResult Problem(int statusCode, OperationOutcome.IssueType type, string diagnostics, string issueCode)
    {
        var outcome = new OperationOutcome
        {
            Issue =
            [
                new OperationOutcome.IssueComponent
                {
                    Severity = OperationOutcome.IssueSeverity.Error,
                    Code = type,
                    Details = new CodeableConcept("urn:switchboard:issue-code", issueCode),
                    Diagnostics = diagnostics,
                },
            ],
        };
        return new IntakeResult(statusCode, FhirJsonText.Serialize(outcome), "application/fhir+json");
    }
}
