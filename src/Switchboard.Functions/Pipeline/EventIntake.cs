using System.Globalization;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Accepts generic JSON EHR events: <c>{"id": "...", "type": "...", "occurredAt": "...", "patient": {"system": "...",
/// "value": "..."}, ...}</c>. <c>id</c> is the idempotency key; <c>occurredAt</c> orders events per patient.
/// Answers 202 with the envelope id (the same answer for a resend), 409 when the id was used for other content.
/// </summary>
public sealed class EventIntake(EnvelopeAcceptance acceptance, IPayloadStore payloads, PatientKeys patientKeys, LogTokens tokens, ILogger<EventIntake> logger)
{
    private const int MaxIdLength = 200;

    public async Task<IntakeResult> AcceptAsync(string source, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        PipelineMetrics.Received.Add(1, PipelineMetrics.SourceTag(source));
        var (request, problem) = Read(source, body);
        if (request is null)
        {
            await payloads.PutAsync($"rejected/{source}", body, cancellationToken);
            PipelineMetrics.Rejected.Add(1, PipelineMetrics.SourceTag(source));
            Log.RejectedUnreadable(logger, source, PipelineIssues.Unreadable);
            return IntakeResult.Problem(400, OperationOutcome.IssueType.Invalid, problem!, PipelineIssues.Unreadable);
        }

        var outcome = await acceptance.AcceptAsync(request, cancellationToken);
        if (outcome.Status == AcceptStatus.ConflictingDuplicate)
        {
            Log.ConflictingDuplicate(logger, source, outcome.EnvelopeId, tokens.For(request.IdempotencyKey));
            return IntakeResult.Problem(409, OperationOutcome.IssueType.Conflict, "This event id was already received with different content.", PipelineIssues.ConflictingDuplicate);
        }

        return IntakeResult.Json(outcome.Response, 202);
    }

    // Messages name the JSON member at fault, never its value.
    private (AcceptRequest? Request, string? Problem) Read(string source, byte[] body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException ex)
        {
            return (null, $"The body is not JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}).");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, "The body must be a JSON object.");
            }

            if (!root.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 and <= MaxIdLength } eventId)
            {
                return (null, $"'id' must be a string of 1 to {MaxIdLength} characters.");
            }

            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() is not { Length: > 0 } eventType)
            {
                return (null, "'type' must be a non-empty string.");
            }

            DateTimeOffset? occurredAt = null;
            if (root.TryGetProperty("occurredAt", out var occurred))
            {
                if (occurred.ValueKind != JsonValueKind.String || !DateTimeOffset.TryParse(occurred.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return (null, "'occurredAt' must be an ISO 8601 date-time.");
                }

                occurredAt = parsed;
            }

            string? patientKey = null;
            if (root.TryGetProperty("patient", out var patient) && patient.ValueKind == JsonValueKind.Object
                && patient.TryGetProperty("value", out var value) && value.GetString() is { Length: > 0 } patientValue)
            {
                var system = patient.TryGetProperty("system", out var s) ? s.GetString() : null;
                patientKey = patientKeys.For(source, system, patientValue);
            }

            return (new AcceptRequest(source, PayloadKind.Event, eventId, eventType, body, occurredAt, patientKey,
                envelopeId => $"{{\"envelopeId\":\"{envelopeId}\",\"status\":\"accepted\"}}"), null);
        }
    }
}
