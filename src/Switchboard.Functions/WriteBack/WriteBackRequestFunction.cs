using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary><c>POST /api/writeback</c>: a write-back request in, 202 with the orchestration id out (the same id for a duplicate).</summary>
public sealed class WriteBackRequestFunction(WriteBackSubmission submission)
{
    [Function(nameof(WriteBackRequestFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "writeback")] HttpRequest request,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        WriteBackRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<WriteBackRequest>(request.Body, WriteBackJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || string.IsNullOrWhiteSpace(body.IdempotencyKey) || string.IsNullOrWhiteSpace(body.ProposerSystem)
            || string.IsNullOrWhiteSpace(body.TargetSystem) || body.Changes is not { Count: > 0 } || (body.ResourceId is not null && body.BaseVersion is null))
        {
            return new BadRequestObjectResult(new { error = "Need targetSystem, resourceType, changes, proposerSystem, proposerId, idempotencyKey, and baseVersion with resourceId." });
        }

        var id = await submission.SubmitAsync(durable, body, cancellationToken);
        return id is null
            ? new ConflictObjectResult(new { error = "The idempotency key was already used for a different request." })
            : new AcceptedResult($"/api/writeback/{id}", new { id });
    }
}
