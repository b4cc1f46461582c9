using System.Text;
using Microsoft.Extensions.Logging;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Core.Sources;
using Switchboard.Functions.Telemetry;
using Switchboard.Hl7v2;
using Switchboard.Hl7v2.Acks;
using Switchboard.Hl7v2.Framing;
using Switchboard.Hl7v2.Validation;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Accepts HL7 v2 over HTTP: one message, a batch file (FHS/BHS … BTS/FTS or bare concatenated messages), or
/// MLLP-framed bytes. Each message is accepted durably under its own idempotency key (source + MSH-10) and only
/// then acknowledged: AA; AR with ERR positions when it cannot be read or fails validation (raw bytes kept);
/// the stored ACK for a resend; AE when MSH-10 was already used for other content.
/// </summary>
public sealed class Hl7Intake(
    EnvelopeAcceptance acceptance,
    IPayloadStore payloads,
    PatientKeys patientKeys,
    SequenceGapTracker sequences,
    LogTokens tokens,
    TimeProvider time,
    ILogger<Hl7Intake> logger)
{
    /// <summary>The stream name under which a v2 source's MSH-13 sequence numbers are tracked.</summary>
    public const string SequenceStream = "MSH-13";

    public async Task<IntakeResult> AcceptAsync(string source, SourceOptions sourceOptions, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        PipelineMetrics.Received.Add(1, PipelineMetrics.SourceTag(source));
        var framed = Mllp.LooksFramed(body);
        var acks = new List<string>();
        var rejected = false;
        foreach (var payload in framed ? new MllpDecoder().Feed(body) : [body])
        {
            var batch = Hl7Parser.ParseBatch(payload);
            if (batch.Value is not { Messages.Count: > 0 } parsed)
            {
                var code = batch.FirstError?.Code ?? Hl7IssueCodes.MissingMsh;
                acks.Add(await RejectAsync(source, payload, code, AckBuilder.Reject(code, time.GetUtcNow()), cancellationToken));
                rejected = true;
                continue;
            }

            foreach (var message in parsed.Messages)
            {
                var (ack, ok) = await AcceptMessageAsync(source, sourceOptions, message, payload, batch.Issues, cancellationToken);
                acks.Add(ack);
                rejected |= !ok;
            }
        }

        var status = rejected && acks.Count == 1 ? 400 : 200;
        return framed
            ? new IntakeResult(status, string.Concat(acks.Select(a => Encoding.UTF8.GetString(Mllp.Encode(a)))), "application/octet-stream")
            : IntakeResult.Ack(string.Concat(acks), status);
    }

    /// <param name="received">The bytes this message arrived in (the frame or body): what is kept if it is refused.</param>
    /// <param name="payloadIssues">Issues the parser found in those bytes as a whole.</param>
    private async Task<(string Ack, bool Readable)> AcceptMessageAsync(
        string source, SourceOptions sourceOptions, Hl7Message message, byte[] received, IReadOnlyList<Hl7Issue> payloadIssues, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        // Payload-level errors (invalid bytes for the declared character set) refuse every message they arrived with.
        var errors = payloadIssues.Concat(message.Issues).Concat(Hl7Validator.Validate(message))
            .Where(i => i.Severity == Hl7Severity.Error).Distinct().ToList();
        var raw = Encoding.UTF8.GetBytes(message.ToString());
        if (errors.Count > 0 || message.ControlId.Length == 0)
        {
            var code = errors.FirstOrDefault()?.Code ?? Hl7IssueCodes.MissingControlId;
            var ack = AckBuilder.Build(message, AckCode.AR, now, new AckOptions { Errors = errors, Text = "The message was not accepted: see ERR" });
            return (await RejectAsync(source, received, code, ack, cancellationToken), false);
        }

        // MSH-13, when the source numbers its messages, shows lost messages (0 and -1 are HL7's reset/query values).
        if (long.TryParse(message.Segment("MSH").Field(13).Value, out var sequence) && sequence > 0)
        {
            await sequences.TrackAsync(source, SequenceStream, [sequence], runningCount: null, cancellationToken);
        }

        var messageType = $"{message.MessageCode}^{message.TriggerEvent}";
        var request = new AcceptRequest(
            source, PayloadKind.Hl7v2, message.ControlId, messageType, raw, EventTime(message, sourceOptions), PatientKey(message, source),
            envelopeId => AckBuilder.Build(message, AckCode.AA, now, new AckOptions { ControlId = envelopeId[..20] }));
        var outcome = await acceptance.AcceptAsync(request, cancellationToken);
        switch (outcome.Status)
        {
            case AcceptStatus.ConflictingDuplicate:
                Log.ConflictingDuplicate(logger, source, outcome.EnvelopeId, tokens.For(message.ControlId));
                var text = "MSH-10 was already used for a different message";
                // AE, not AR: the message was readable; the sender must resolve the clash (HTTP stays 200).
                return (AckBuilder.Build(message, AckCode.AE, now, new AckOptions { ControlId = outcome.EnvelopeId[..20], Text = text }), true);
            case AcceptStatus.Duplicate:
                Log.Duplicate(logger, source, outcome.EnvelopeId, tokens.For(message.ControlId));
                return (outcome.Response, true);
            default:
                Log.Accepted(logger, source, outcome.EnvelopeId, messageType, tokens.For(message.ControlId));
                return (outcome.Response, true);
        }
    }

    private async Task<string> RejectAsync(string source, ReadOnlyMemory<byte> raw, string issueCode, string ack, CancellationToken cancellationToken)
    {
        // Nothing is lost: input we refuse is kept (content-addressed) before we answer, for inspection and replay.
        await payloads.PutAsync($"rejected/{source}", raw, cancellationToken);
        PipelineMetrics.Rejected.Add(1, PipelineMetrics.SourceTag(source), new KeyValuePair<string, object?>("issue_code", issueCode));
        Log.RejectedUnreadable(logger, source, issueCode);
        return ack;
    }

    private string? PatientKey(Hl7Message message, string source)
    {
        var identifier = message.Segment("PID").Field(3).Repetition(1);
        var value = identifier.Component(1).Value;
        return value.Length == 0 ? null : patientKeys.For(source, identifier.Component(4).Value, value);
    }

    // EVN-2 (when the event happened) wins over MSH-7 (when the message was built); no offset → the source's zone.
    private static DateTimeOffset? EventTime(Hl7Message message, SourceOptions source)
    {
        var evn = message.Segment("EVN").Field(2).Component(1).Value;
        var text = evn.Length > 0 ? evn : message.Segment("MSH").Field(7).Component(1).Value;
        if (!Hl7DateTime.TryParse(text, out var parsed))
        {
            return null;
        }

        if (parsed.Offset is { } offset)
        {
            return new DateTimeOffset(parsed.DateTime, offset);
        }

        var zone = source.TimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
        return new DateTimeOffset(parsed.DateTime, zone.GetUtcOffset(parsed.DateTime));
    }
}
