using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Sources;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary><c>POST /api/events/{source}</c>: a generic JSON EHR event in; 202 once it is durably stored.</summary>
public sealed class EventIntakeFunction(IntakeGate gate, EventIntake intake)
{
    [Function(nameof(EventIntakeFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "events/{source}")] HttpRequest request,
        string source,
        CancellationToken cancellationToken)
    {
        var opened = await gate.OpenAsync(source, SourceKinds.Events, request, cancellationToken);
        var result = opened.Problem ?? await intake.AcceptAsync(source, opened.Body, cancellationToken);
        return result.ToActionResult();
    }
}
