using System.Diagnostics;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;
using Switchboard.Functions.Telemetry;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Durable acceptance, the same for every intake: raw payload to Blob storage (content-addressed), the envelope
/// row with its first audit entry (one transaction, insert-if-absent on the idempotency key), the queue message,
/// then the Queued state. The caller answers only after this returns, so a crash at any step loses nothing: a
/// resend repeats the steps, each of which is idempotent, and finishes the hand-off exactly once.
/// </summary>
public sealed class EnvelopeAcceptance(IPayloadStore payloads, IEnvelopeStore envelopes, IWorkQueue queue, TimeProvider time)
{
    private static readonly TimeSpan HandOffGrace = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan HandOffPoll = TimeSpan.FromMilliseconds(100);

    public async Task<AcceptOutcome> AcceptAsync(AcceptRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var blobName = await payloads.PutAsync(request.Source, request.Payload, cancellationToken);
        var payloadHash = PayloadHash.Of(request.Payload.Span);
        var envelopeId = EnvelopeIds.FromIdempotencyKey(request.Source, request.IdempotencyKey);
        var now = time.GetUtcNow();
        var envelope = new MessageEnvelope(
            envelopeId, request.Source, request.Kind, request.IdempotencyKey, request.MessageType, payloadHash, blobName,
            now, request.EventTime, request.PatientKey, Activity.Current?.Id);
        var response = request.Respond(envelopeId);
        var accepted = Audit(envelope, "intake", "accepted", now);

        var existing = await envelopes.TryAcceptAsync(new EnvelopeRecord(envelope, EnvelopeState.Accepted, response), accepted, cancellationToken);
        if (existing is null)
        {
            await HandOffAsync(envelope, cancellationToken);
            PipelineMetrics.Accepted.Add(1, PipelineMetrics.SourceTag(request.Source));
            return new AcceptOutcome(envelopeId, AcceptStatus.Accepted, response);
        }

        PipelineMetrics.Duplicates.Add(1, PipelineMetrics.SourceTag(request.Source));
        if (existing.Envelope.PayloadHash != payloadHash)
        {
            // Same key, different bytes: never processed; recorded on the original's chain for review.
            await envelopes.AppendAuditAsync(Audit(envelope, "intake", $"conflicting-duplicate:{payloadHash}", now) with { Rule = PipelineIssues.ConflictingDuplicate }, cancellationToken);
            return new AcceptOutcome(envelopeId, AcceptStatus.ConflictingDuplicate, existing.Response);
        }

        if (existing.State == EnvelopeState.Accepted && !await HandedOffMeanwhileAsync(envelopeId, cancellationToken))
        {
            // The first attempt stopped between recording and queueing: finish its hand-off now.
            await HandOffAsync(existing.Envelope, cancellationToken);
        }

        return new AcceptOutcome(envelopeId, AcceptStatus.Duplicate, existing.Response);
    }

    /// <summary>Queues the envelope for the first stage and records it; also used by replay.</summary>
    public async Task HandOffAsync(MessageEnvelope envelope, CancellationToken cancellationToken, string outcome = "queued")
    {
        ArgumentNullException.ThrowIfNull(envelope);
        await queue.EnqueueAsync(PipelineQueues.Translate, new StageMessage(envelope), cancellationToken);
        await envelopes.TransitionAsync(envelope.EnvelopeId, EnvelopeState.Queued, issueCode: null, Audit(envelope, "intake", outcome, time.GetUtcNow()), cancellationToken);
    }

    // A resend that races the first attempt must not queue the envelope a second time: give the first attempt a
    // moment to finish its hand-off, and take over only if it does not (it crashed or timed out).
    private async Task<bool> HandedOffMeanwhileAsync(string envelopeId, CancellationToken cancellationToken)
    {
        for (var waited = TimeSpan.Zero; waited < HandOffGrace; waited += HandOffPoll)
        {
            await Task.Delay(HandOffPoll, time, cancellationToken);
            if ((await envelopes.GetAsync(envelopeId, cancellationToken))?.State != EnvelopeState.Accepted)
            {
                return true;
            }
        }

        return false;
    }

    private static AuditEntry Audit(MessageEnvelope envelope, string stage, string outcome, DateTimeOffset at) =>
        new(envelope.EnvelopeId, stage, at, envelope.Source, Activity.Current?.TraceId.ToHexString(), envelope.PayloadHash,
            envelope.PayloadHash, outcome, Rule: null, Actor: $"source:{envelope.Source}", Target: envelope.BlobName);
}
