using System.Text;
using System.Text.Json;
using Hl7.Fhir.Model;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Fhir;
using Switchboard.Fhir.Subscriptions;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Accepts FHIR Subscription notifications (R4 backport). A full-resource event notification becomes one envelope
/// per resource version (keyed like reconciliation); an id-only one becomes an envelope keyed by subscription +
/// event numbers (a redelivered notification has no effect either way); handshakes and heartbeats only update
/// the subscription's state. Event numbers are tracked per subscription: a jump, or a heartbeat whose running
/// count is ahead of what arrived, records a gap for reconciliation to close.
/// </summary>
public sealed class FhirNotificationIntake(
    EnvelopeAcceptance acceptance,
    IPayloadStore payloads,
    SequenceGapTracker sequences,
    Propagation.FhirResourceIntake resources,
    LogTokens tokens,
    TimeProvider time,
    ILogger<FhirNotificationIntake> logger)
{
    public async Task<IntakeResult> AcceptAsync(string source, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        PipelineMetrics.Received.Add(1, PipelineMetrics.SourceTag(source));
        SubscriptionNotification? notification;
        string? problem;
        Bundle? bundle = null;
        try
        {
            bundle = FhirJsonText.Parse<Bundle>(Encoding.UTF8.GetString(body));
            (notification, problem) = SubscriptionNotification.Read(bundle);
        }
        catch (Exception ex) when (ex is JsonException or FormatException or DecoderFallbackException or Hl7.Fhir.Serialization.DeserializationFailedException)
        {
            (notification, problem) = (null, "The body is not a FHIR JSON Bundle.");
        }

        if (notification is null)
        {
            await payloads.PutAsync($"rejected/{source}", body, cancellationToken);
            PipelineMetrics.Rejected.Add(1, PipelineMetrics.SourceTag(source));
            Log.RejectedUnreadable(logger, source, PipelineIssues.Unreadable);
            return IntakeResult.Problem(400, OperationOutcome.IssueType.Invalid, problem!, PipelineIssues.Unreadable);
        }

        await sequences.TrackAsync(source, notification.Subscription, notification.EventNumbers, notification.EventsSinceStart, cancellationToken);
        if (notification.Type != SubscriptionNotification.EventNotification)
        {
            return IntakeResult.Json($"{{\"status\":\"{notification.Type}-recorded\"}}");
        }

        // Full-resource notifications: each version is accepted under the same key reconciliation uses
        // ({type}/{id}/_history/{version}), so a version seen both ways is processed once.
        var versions = bundle!.Entry.Skip(1).Select(e => e.Resource).OfType<Resource>()
            .Where(r => !string.IsNullOrEmpty(r.Id) && !string.IsNullOrEmpty(r.Meta?.VersionId)).ToList();
        if (versions.Count > 0)
        {
            var ids = new List<string>();
            foreach (var version in versions)
            {
                ids.Add((await resources.AcceptAsync(source, version, cancellationToken)).EnvelopeId);
            }

            return IntakeResult.Json($"{{\"status\":\"accepted\",\"envelopeIds\":[{string.Join(',', ids.Select(i => $"\"{i}\""))}]}}");
        }

        // Id-only notifications: the notification itself is the envelope, keyed by its event numbers.
        var key = $"{notification.Subscription}#{notification.EventNumbers[0]}-{notification.EventNumbers[^1]}";
        var outcome = await acceptance.AcceptAsync(
            new AcceptRequest(source, PayloadKind.FhirNotification, key, SubscriptionNotification.EventNotification, body, time.GetUtcNow(), null,
                envelopeId => $"{{\"envelopeId\":\"{envelopeId}\",\"status\":\"accepted\"}}"),
            cancellationToken);
        if (outcome.Status == AcceptStatus.ConflictingDuplicate)
        {
            Log.ConflictingDuplicate(logger, source, outcome.EnvelopeId, tokens.For(key));
            return IntakeResult.Problem(409, OperationOutcome.IssueType.Conflict, "These event numbers were already received with different content.", PipelineIssues.ConflictingDuplicate);
        }

        return IntakeResult.Json(outcome.Response);
    }
}
