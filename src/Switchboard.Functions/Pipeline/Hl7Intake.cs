using System.Diagnostics;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Hashing;
using Switchboard.Core.Ports;
using Switchboard.Core.Sources;
using Switchboard.Hl7v2;

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
        Hl7Message message;
        try
        {
            message = Hl7Message.Parse(Encoding.UTF8.GetString(body));
        }
        catch (Hl7ParseException ex)
        {
            Log.RejectedUnreadable(logger, source, ex.Code);
            return IntakeResult.Ack(AckBuilder.Reject(ex.Code, time.GetUtcNow()), 400);
        }

        var controlId = message.GetValue("MSH", 10);
        if (controlId.Length == 0)
        {
            Log.RejectedUnreadable(logger, source, "V2010");
            return IntakeResult.Ack(AckBuilder.Build(message, "AR", "REJ", time.GetUtcNow(), "MSH-10 (message control id) is empty"), 400);
        }

        var envelopeId = EnvelopeIds.FromIdempotencyKey(source, controlId);
        var now = time.GetUtcNow();
        var accepted = AckBuilder.Build(message, "AA", envelopeId[..20], now);
        var record = new IdempotencyRecord(source, envelopeId, payloadHash, blobName, accepted, Enqueued: false);
        var existing = await idempotency.TryInsertAsync(record, cancellationToken);
        var messageType = $"{message.GetValue("MSH", 9, component: 1)}^{message.GetValue("MSH", 9, component: 2)}";
        var envelope = new MessageEnvelope(envelopeId, source, controlId, messageType, payloadHash, blobName, now, Activity.Current?.Id);

        if (existing is not null)
        {
            if (existing.PayloadHash != payloadHash)
            {
                Log.ConflictingDuplicate(logger, source, envelopeId);
                return IntakeResult.Ack(AckBuilder.Build(message, "AE", envelopeId[..20], now, "MSH-10 was already used for a different message"));
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
