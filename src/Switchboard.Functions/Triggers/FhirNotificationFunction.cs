using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Sources;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary><c>POST /api/fhir/notifications/{source}</c>: FHIR Subscription (R4 backport) notifications in.</summary>
public sealed class FhirNotificationFunction(IntakeGate gate, FhirNotificationIntake intake)
{
    [Function(nameof(FhirNotificationFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "fhir/notifications/{source}")] HttpRequest request,
        string source,
        CancellationToken cancellationToken)
    {
        var opened = await gate.OpenAsync(source, SourceKinds.Fhir, request, cancellationToken);
        var result = opened.Problem ?? await intake.AcceptAsync(source, opened.Body, cancellationToken);
        return result.ToActionResult();
    }
}
