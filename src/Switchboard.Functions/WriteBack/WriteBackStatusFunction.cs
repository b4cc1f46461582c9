using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary><c>GET /api/writeback/{id}</c>: the run's state, its custom status and output, and its audited history.</summary>
public sealed class WriteBackStatusFunction(IWriteBackAuditLog audit)
{
    [Function(nameof(WriteBackStatusFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "writeback/{id}")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        var instance = await durable.GetInstanceAsync(id, getInputsAndOutputs: true, cancellationToken);
        if (instance is null)
        {
            return new NotFoundResult();
        }

        var history = await audit.ReadAsync(id, cancellationToken);
        return new OkObjectResult(new
        {
            id,
            runtimeStatus = instance.RuntimeStatus.ToString(),
            status = instance.ReadCustomStatusAs<WriteBackStatus>(),
            result = instance.IsCompleted ? instance.ReadOutputAs<WriteBackResult>() : null,
            history = history.OrderBy(h => h.At),
        });
    }
}
