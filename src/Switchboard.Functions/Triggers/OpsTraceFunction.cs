using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Functions.Operations;

namespace Switchboard.Functions.Triggers;

/// <summary>
/// <c>GET /api/ops/trace/{id}</c> (admin key): every hop of an envelope, by envelope id or W3C trace id.
/// The operator API lives under <c>ops</c> because the Functions host reserves routes starting with <c>admin</c>
/// even below <c>/api</c> (azure-functions-host#1781).
/// </summary>
public sealed class OpsTraceFunction(PipelineOperations operations)
{
    [Function(nameof(OpsTraceFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "ops/trace/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var traces = await operations.TraceAsync(id, cancellationToken);
        return traces.Count == 0 ? new NotFoundResult() : new OkObjectResult(traces);
    }
}
