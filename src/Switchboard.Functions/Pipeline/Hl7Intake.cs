using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;
using Switchboard.Core.Sources;
using Switchboard.Hl7v2;
using Switchboard.Hl7v2.Acks;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Accepts one HL7 v2 message: stores the raw bytes, records the idempotency key (source + MSH-10), queues the
/// envelope, and only then answers AA. A resend of the same message gets the same ACK and changes nothing.
/// </summary>
public sealed class Hl7Intake(
    IRawPayloadStore payloads,
    IIdempotencyStore idempotency,
    IWorkQueue queue,
    IAuditLog audit,
    IOptions<SourcesOptions> sources,
    TimeProvider time,
    ILogger<Hl7Intake> logger)
{
    public async Task<IntakeResult> AcceptAsync(string source, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (sources.Value.Find(source) is null)
        {
            return IntakeResult.UnknownSource();
        }

        // Nothing is lost: even unreadable input is kept before we answer.
        var blobName = await payloads.PutAsync(source, body, cancellationToken);
        var payloadHash = PayloadHash.Of(body);
        var parsed = Hl7Parser.Parse(body);
        if (parsed.Value is not { } message)
        {
            var code = parsed.FirstError?.Code ?? Hl7IssueCodes.MissingMsh;
            Log.RejectedUnreadable(logger, source, code);
            return IntakeResult.Ack(AckBuilder.Reject(code, time.GetUtcNow()), 400);
        }

        var controlId = message.ControlId;
        if (controlId.Length == 0)
        {
            Log.RejectedUnreadable(logger, source, Hl7IssueCodes.MissingControlId);
            var reject = new AckOptions { ControlId = "REJ", Text = "MSH-10 (message control id) is empty" };
            return IntakeResult.Ack(AckBuilder.Build(message, AckCode.AR, time.GetUtcNow(), reject), 400);
        }

        var envelopeId = EnvelopeIds.FromIdempotencyKey(source, controlId);
        var now = time.GetUtcNow();
        var accepted = AckBuilder.Build(message, AckCode.AA, now, new AckOptions { ControlId = envelopeId[..20] });
        var record = new IdempotencyRecord(source, envelopeId, payloadHash, blobName, accepted, Enqueued: false);
        var existing = await idempotency.TryInsertAsync(record, cancellationToken);
        var messageType = $"{message.MessageCode}^{message.TriggerEvent}";
        var envelope = new MessageEnvelope(envelopeId, source, controlId, messageType, payloadHash, blobName, now, Activity.Current?.Id);

        if (existing is not null)
        {
            if (existing.PayloadHash != payloadHash)
            {
                Log.ConflictingDuplicate(logger, source, envelopeId);
                return IntakeResult.Ack(AckBuilder.Build(message, AckCode.AE, now, new AckOptions { ControlId = envelopeId[..20], Text = "MSH-10 was already used for a different message" }));
            }

            Log.Duplicate(logger, source, envelopeId);
            if (!existing.Enqueued)
            {
                // The first attempt stopped between recording and queueing: finish its work now.
                await EnqueueAsync(envelope with { ReceivedAt = now }, cancellationToken);
            }

            return IntakeResult.Ack(existing.Response);
        }

        await EnqueueAsync(envelope, cancellationToken);
        Log.Accepted(logger, source, envelopeId, messageType);
        return IntakeResult.Ack(accepted);
    }

    private async Task EnqueueAsync(MessageEnvelope envelope, CancellationToken cancellationToken)
    {
        await queue.EnqueueAsync(PipelineQueues.Translate, envelope, cancellationToken);
        await idempotency.MarkEnqueuedAsync(envelope.Source, envelope.EnvelopeId, cancellationToken);
        await audit.AppendAsync(
            new AuditEntry(envelope.EnvelopeId, "intake", time.GetUtcNow(), envelope.Source, Activity.Current?.TraceId.ToString(),
                envelope.PayloadHash, envelope.PayloadHash, "accepted", Rule: null, Actor: $"source:{envelope.Source}", Target: envelope.BlobName),
            cancellationToken);
    }
}
