using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// <c>POST /api/writeback</c>: a write-back request in (field <c>changes</c>, or a JSON Patch in <c>patch</c>), 202 with
/// the orchestration id out (the same id for a duplicate).
/// </summary>
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
            var json = await JsonNode.ParseAsync(request.Body, cancellationToken: cancellationToken) as JsonObject;
            if (json?["patch"] is JsonArray patch && json["changes"] is null)
            {
                // JSON Patch input: RFC 6902 operations on the resource, turned into field changes (ownership still applies).
                var changes = JsonPatch.ToChanges(json["resourceType"]?.GetValue<string>() ?? "", patch, out var error);
                if (changes is null)
                {
                    return new BadRequestObjectResult(new { error });
                }

                json.Remove("patch");
                json["changes"] = JsonSerializer.SerializeToNode(changes, WriteBackJson.Options);
            }

            body = json?.Deserialize<WriteBackRequest>(WriteBackJson.Options);
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
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
