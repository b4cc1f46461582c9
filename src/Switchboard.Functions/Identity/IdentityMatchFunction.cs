using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Switchboard.Fhir;

namespace Switchboard.Functions.Identity;

/// <summary>
/// <c>POST /api/identity/match</c>, like FHIR <c>Patient/$match</c>: a Patient (or a Parameters with
/// <c>resource</c> and optional <c>count</c>) in; a searchset Bundle out, one entry per enterprise identity, best
/// first, with <c>search.score</c> and the <c>match-grade</c> extension. Bad input: 400 with an OperationOutcome.
/// </summary>
public sealed class IdentityMatchFunction(PatientIdentityService identity, ILogger<IdentityMatchFunction> logger)
{
    [Function(nameof(IdentityMatchFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "identity/match")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(cancellationToken);
        if (!MatchRequest.TryParse(body, out var patient, out var count, out var problem))
        {
            IdentityLog.MatchRejected(logger, MatchRequest.IssueCode);
            return Fhir(StatusCodes.Status400BadRequest, MatchRequest.Outcome(problem));
        }

        var candidates = await identity.MatchAsync(patient, count, cancellationToken);
        IdentityLog.Matched(logger, candidates.Count);
        return Fhir(StatusCodes.Status200OK, MatchBundle.Create(candidates));
    }

    private static ContentResult Fhir(int status, Resource resource) =>
        new() { StatusCode = status, ContentType = "application/fhir+json", Content = FhirJsonText.Serialize(resource) };
}
