using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary><c>POST /api/hl7/{source}</c>: an HL7 v2 message in, its ACK out once the message is durably stored.</summary>
public sealed class Hl7IntakeFunction(Hl7Intake intake, RequestBodyReader reader)
{
    [Function(nameof(Hl7IntakeFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "hl7/{source}")] HttpRequest request,
        string source,
        CancellationToken cancellationToken)
    {
        var body = await reader.ReadAsync(request, cancellationToken);
        var result = body.Problem ?? await intake.AcceptAsync(source, body.Bytes, cancellationToken);
        return new ContentResult { StatusCode = result.StatusCode, Content = result.Body, ContentType = result.ContentType };
    }
}
