using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.Sources;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary>
/// <c>POST /api/hl7/{source}</c>: an HL7 v2 message, batch file or MLLP-framed bytes in; the ACK(s) out once every
/// message is durably stored.
/// </summary>
public sealed class Hl7IntakeFunction(IntakeGate gate, Hl7Intake intake)
{
    [Function(nameof(Hl7IntakeFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "hl7/{source}")] HttpRequest request,
        string source,
        CancellationToken cancellationToken)
    {
        var opened = await gate.OpenAsync(source, SourceKinds.Hl7v2, request, cancellationToken);
        var result = opened.Problem ?? await intake.AcceptAsync(source, opened.Source, opened.Body, cancellationToken);
        return result.ToActionResult();
    }
}
