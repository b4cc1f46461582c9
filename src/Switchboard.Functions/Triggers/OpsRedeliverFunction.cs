using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Functions.Propagation;

namespace Switchboard.Functions.Triggers;

/// <summary><c>POST /api/ops/subscribers/{subscriber}/redeliver</c> (admin key): dead-lettered webhook events back to pending, delivery requested.</summary>
public sealed class OpsRedeliverFunction(PropagationOperations operations)
{
    [Function(nameof(OpsRedeliverFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "ops/subscribers/{subscriber}/redeliver")] HttpRequest request,
        string subscriber,
        CancellationToken cancellationToken)
    {
        var count = await operations.RedeliverAsync(subscriber, cancellationToken);
        return count is null ? new NotFoundResult() : new OkObjectResult(new { subscriber, redelivering = count });
    }
}
