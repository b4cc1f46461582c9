using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask.Client;
using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary><c>POST /api/reviews/{id}/decision</c>: approve, reject or edit-and-approve; 409 when the item moved on since it was read.</summary>
public sealed class ReviewDecisionFunction(ReviewDecisions decisions)
{
    [Function(nameof(ReviewDecisionFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "post", Route = "reviews/{id}/decision")] HttpRequest request,
        string id,
        [DurableClient] DurableTaskClient durable,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ReviewDecisionRequest? body;
        try
        {
            body = await JsonSerializer.DeserializeAsync<ReviewDecisionRequest>(request.Body, WriteBackJson.Options, cancellationToken);
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null || string.IsNullOrWhiteSpace(body.Version) || string.IsNullOrWhiteSpace(body.Reviewer)
            || (body.Verdict == ReviewVerdict.EditAndApprove && body.Changes is not { Count: > 0 }))
        {
            return new BadRequestObjectResult(new { error = "Need verdict, version and reviewer; edit-and-approve needs changes." });
        }

        return await decisions.DecideAsync(durable, id, body, cancellationToken) switch
        {
            ReviewDecisionResult.Recorded => new OkResult(),
            ReviewDecisionResult.NotFound => new NotFoundResult(),
            _ => new ConflictObjectResult(new { error = "The review item changed since it was read (decided or escalated)." }),
        };
    }
}
