using System.Globalization;
using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Switchboard.Core.Envelopes;
using Switchboard.Core.Ports;
using Switchboard.Core.Sources;
using Switchboard.Functions.Telemetry;
using Switchboard.Hl7v2;

namespace Switchboard.Functions.Pipeline;

/// <summary>
/// Accepts one HL7 v2 message: read MSH, accept durably (idempotency key source + MSH-10), and only then answer
/// AA. A resend gets the stored ACK and has no effect; the same MSH-10 with other content gets AE.
/// </summary>
public sealed class Hl7Intake(
    EnvelopeAcceptance acceptance,
    IPayloadStore payloads,
    PatientKeys patientKeys,
    IOptions<SourcesOptions> sources,
    TimeProvider time,
    ILogger<Hl7Intake> logger)
{
    public async Task<IntakeResult> AcceptAsync(string source, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var sourceOptions = sources.Value.Find(source);
        if (sourceOptions is null)
        {
            return IntakeResult.UnknownSource();
        }

        PipelineMetrics.Received.Add(1, PipelineMetrics.SourceTag(source));
        Hl7Message message;
        try
        {
            message = Hl7Message.Parse(Encoding.UTF8.GetString(body));
        }
        catch (Hl7ParseException ex)
        {
            return await RejectAsync(source, body, ex.Code, AckBuilder.Reject(ex.Code, time.GetUtcNow()), cancellationToken);
        }

        var controlId = message.GetValue("MSH", 10);
        if (controlId.Length == 0)
        {
            return await RejectAsync(source, body, "V2010", AckBuilder.Build(message, "AR", "REJ", time.GetUtcNow(), "MSH-10 (message control id) is empty"), cancellationToken);
        }

        var messageType = $"{message.GetValue("MSH", 9, component: 1)}^{message.GetValue("MSH", 9, component: 2)}";
        var now = time.GetUtcNow();
        var request = new AcceptRequest(
            source, PayloadKind.Hl7v2, controlId, messageType, body,
            EventTime(message, sourceOptions), PatientKey(message, source),
            envelopeId => AckBuilder.Build(message, "AA", envelopeId[..20], now));
        var outcome = await acceptance.AcceptAsync(request, cancellationToken);
        switch (outcome.Status)
        {
            case AcceptStatus.ConflictingDuplicate:
                Log.ConflictingDuplicate(logger, source, outcome.EnvelopeId);
                return IntakeResult.Ack(AckBuilder.Build(message, "AE", outcome.EnvelopeId[..20], now, "MSH-10 was already used for a different message"));
            case AcceptStatus.Duplicate:
                Log.Duplicate(logger, source, outcome.EnvelopeId);
                return IntakeResult.Ack(outcome.Response);
            default:
                Log.Accepted(logger, source, outcome.EnvelopeId, messageType);
                return IntakeResult.Ack(outcome.Response);
        }
    }

    private async Task<IntakeResult> RejectAsync(string source, byte[] body, string issueCode, string ack, CancellationToken cancellationToken)
    {
        // Nothing is lost: even unreadable input is kept (content-addressed) before we answer.
        await payloads.PutAsync($"rejected/{source}", body, cancellationToken);
        PipelineMetrics.Rejected.Add(1, PipelineMetrics.SourceTag(source), new KeyValuePair<string, object?>("issue_code", issueCode));
        Log.RejectedUnreadable(logger, source, issueCode);
        return IntakeResult.Ack(ack, 400);
    }

    private string? PatientKey(Hl7Message message, string source)
    {
        var value = message.GetValue("PID", 3);
        return value.Length == 0 ? null : patientKeys.For(source, message.GetValue("PID", 3, component: 4), value);
    }

    // EVN-2 (when the event happened) wins over MSH-7 (when the message was built); no offset → the source's zone.
    private static DateTimeOffset? EventTime(Hl7Message message, SourceOptions source)
    {
        var text = message.GetValue("EVN", 2) is { Length: > 0 } evn ? evn : message.GetValue("MSH", 7);
        var digits = new string(text.TakeWhile(char.IsAsciiDigit).ToArray());
        string[] formats = ["yyyyMMddHHmmss", "yyyyMMddHHmm", "yyyyMMdd"];
        if (!DateTime.TryParseExact(digits, formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return null;
        }

        var rest = text[digits.Length..];
        if (rest.StartsWith('.'))
        {
            rest = rest[1..].TrimStart("0123456789".ToCharArray()); // fractional seconds: precision beyond the ordering we need
        }

        var offsetText = rest.Length > 0 && rest[0] is '+' or '-' ? rest : null;
        if (offsetText is { Length: 5 } && int.TryParse(offsetText.AsSpan(1, 2), out var hours) && int.TryParse(offsetText.AsSpan(3, 2), out var minutes))
        {
            var offset = new TimeSpan(hours, minutes, 0) * (offsetText[0] == '-' ? -1 : 1);
            return new DateTimeOffset(local, offset);
        }

        var zone = source.TimeZone is { Length: > 0 } id ? TimeZoneInfo.FindSystemTimeZoneById(id) : TimeZoneInfo.Utc;
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
