using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Functions.Operations;
using Switchboard.Functions.Pipeline;

namespace Switchboard.Functions.Triggers;

/// <summary><c>POST /api/ops/replay</c> (admin key): replay or backfill envelopes, optionally as a dry run.</summary>
public sealed class OpsReplayFunction(PipelineOperations operations)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    [Function(nameof(OpsReplayFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "post", Route = "ops/replay")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ReplayRequest? replay;
        try
        {
            replay = await JsonSerializer.DeserializeAsync<ReplayRequest>(request.Body, Json, cancellationToken);
        }
        catch (JsonException)
        {
            replay = null;
        }

        var problem = replay switch
        {
            null => "The body is not a replay request.",
            { Mode: not (PipelineOperations.ReplayMode or PipelineOperations.BackfillMode) } => "mode must be 'replay' or 'backfill'.",
            { Actor: null or "" } => "actor is required: every replay is audited with who asked for it.",
            { EnvelopeIds: null or { Count: 0 }, From: null, To: null, DeadLetters: false } => "Select envelopes: envelopeIds, from/to, or deadLetters.",
            _ => null,
        };
        if (problem is not null)
        {
            return IntakeResult.Problem(400, OperationOutcome.IssueType.Invalid, problem, Core.Envelopes.PipelineIssues.InvalidRequest).ToActionResult();
        }

        return new OkObjectResult(await operations.ReplayAsync(replay!, cancellationToken));
    }
}
