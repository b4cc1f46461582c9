using System.Globalization;
using System.Text;

namespace Switchboard.Hl7v2.Acks;

/// <summary>
/// Builds ACK messages: MSH-3/4 and MSH-5/6 swapped, MSA-2 = MSH-10, the original delimiters, version and
/// processing id, and one ERR per issue (v2.5+: ERR-2 location, ERR-3 table 0357 code, ERR-4 severity, ERR-5 our
/// issue code; before v2.5: ERR-1 ELD). In enhanced mode (MSH-15/16 valued) AA/AE/AR become CA/CE/CR.
/// </summary>
public static class AckBuilder
{
    /// <summary>The ACK for <paramref name="message"/>, CR-terminated.</summary>
    public static string Build(Hl7Message message, AckCode code, DateTimeOffset timestamp, AckOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        options ??= new AckOptions();
        var d = message.Delimiters;
        var header = message.Header;
        var msh = header.Segment;
        var enhanced = options.Mode == AckMode.Enhanced || (options.Mode == AckMode.Auto && IsEnhancedMode(message));
        if (enhanced)
        {
            code = code switch
            {
                AckCode.AA => AckCode.CA,
                AckCode.AE => AckCode.CE,
                AckCode.AR => AckCode.CR,
                _ => code,
            };
        }

        var version = header.Version;
        var modern = IsAtLeast(version, 2, 5);
        var controlId = options.ControlId ?? Truncate("ACK" + header.ControlId, 20);
        var trigger = msh.Field(9).Component(2).Raw;
        var messageType = IsAtLeast(version, 2, 4) || version.Length == 0
            ? $"ACK{d.Component}{trigger}{d.Component}ACK"
            : $"ACK{d.Component}{trigger}";

        var sb = new StringBuilder(256);
        var f = d.Field;
        sb.Append("MSH").Append(f).Append(d.EncodingCharacters)
            .Append(f).Append(msh.Field(5).Raw).Append(f).Append(msh.Field(6).Raw)
            .Append(f).Append(msh.Field(3).Raw).Append(f).Append(msh.Field(4).Raw)
            .Append(f).Append(FormatTimestamp(timestamp))
            .Append(f)
            .Append(f).Append(messageType)
            .Append(f).Append(Hl7Escaping.Escape(controlId, d))
            .Append(f).Append(msh.Field(11).Raw)
            .Append(f).Append(msh.Field(12).Raw);
        var charset = msh.Field(18).Raw;
        if (charset.Length > 0)
        {
            sb.Append(f).Append(f).Append(f).Append(f).Append(f).Append(f).Append(charset);
        }

        sb.Append('\r');
        sb.Append("MSA").Append(f).Append(code).Append(f).Append(msh.Field(10).Raw);
        if (!string.IsNullOrEmpty(options.Text))
        {
            sb.Append(f).Append(Hl7Escaping.Escape(options.Text, d));
        }

        sb.Append('\r');
        foreach (var issue in options.Errors)
        {
            AppendErr(sb, message, issue, modern, d);
        }

        return sb.ToString();
    }

    /// <summary>
    /// An AR for input with no readable MSH: default delimiters, empty MSA-2, the issue code in MSA-3 and an ERR.
    /// </summary>
    public static string Reject(string issueCode, DateTimeOffset timestamp, string version = "2.5.1")
    {
        ArgumentNullException.ThrowIfNull(issueCode);
        return $"MSH|^~\\&|||||{FormatTimestamp(timestamp)}||ACK^^ACK|REJ{timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)}|P|{version}\r" +
               $"MSA|AR||{issueCode}\rERR||MSH^1|{Hl70357(issueCode)}|E|{issueCode}\r";
    }

    /// <summary>True when MSH-15 or MSH-16 is valued (enhanced acknowledgement mode).</summary>
    public static bool IsEnhancedMode(Hl7Message message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Header.AcceptAcknowledgmentType.Length > 0 || message.Header.ApplicationAcknowledgmentType.Length > 0;
    }

    /// <summary>
    /// Whether the sender wants an accept (commit) ACK for this outcome, per MSH-15: AL always, NE never, ER only on
    /// error, SU only on success; original mode always.
    /// </summary>
    public static bool WantsAcceptAck(Hl7Message message, bool success)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.Header.AcceptAcknowledgmentType switch
        {
            "" or "AL" => true,
            "NE" => false,
            "ER" => !success,
            "SU" => success,
            _ => true,
        };
    }

    /// <summary>The HL7 table 0357 error code for an engine issue code.</summary>
    public static string Hl70357(string issueCode) => issueCode switch
    {
        Hl7IssueCodes.MissingRequiredSegment or Hl7IssueCodes.UnexpectedSegment or Hl7IssueCodes.InvalidSegmentId => "100",
        Hl7IssueCodes.MissingControlId or Hl7IssueCodes.MissingMessageType or Hl7IssueCodes.MissingVersion
            or Hl7IssueCodes.MissingMessageDateTime or Hl7IssueCodes.MissingMsh => "101",
        Hl7IssueCodes.InvalidDateTime or Hl7IssueCodes.InvalidNumber or Hl7IssueCodes.InvalidSequenceId
            or Hl7IssueCodes.MalformedCodedValue or Hl7IssueCodes.BadEscape or Hl7IssueCodes.BadDelimiters
            or Hl7IssueCodes.GarbledHeader or Hl7IssueCodes.InvalidBytes => "102",
        Hl7IssueCodes.InvalidCodedValue => "103",
        Hl7IssueCodes.UnknownStructure => "200",
        Hl7IssueCodes.MissingTriggerEvent => "201",
        Hl7IssueCodes.BadProcessingId => "202",
        Hl7IssueCodes.UnknownVersion => "203",
        _ => "207",
    };

    private static void AppendErr(StringBuilder sb, Hl7Message message, Hl7Issue issue, bool modern, Hl7Delimiters d)
    {
        var location = issue.Location;
        var segmentId = location.SegmentId ?? (location.Segment > 0 && location.Segment <= message.SegmentCount ? message[location.Segment].Id : string.Empty);
        var occurrence = Occurrence(message, location.Segment, segmentId);
        var code = Hl70357(issue.Code);
        var codeText = code switch
        {
            "100" => "Segment sequence error",
            "101" => "Required field missing",
            "102" => "Data type error",
            "103" => "Table value not found",
            "200" => "Unsupported message type",
            "201" => "Unsupported event code",
            "202" => "Unsupported processing id",
            "203" => "Unsupported version id",
            _ => "Application internal error",
        };
        var f = d.Field;
        var c = d.Component;
        sb.Append("ERR").Append(f);
        if (modern)
        {
            sb.Append(f);
            if (segmentId.Length > 0)
            {
                sb.Append(segmentId).Append(c).Append(occurrence);
                if (location.Field > 0)
                {
                    sb.Append(c).Append(location.Field).Append(c).Append(Math.Max(location.Repetition, 1));
                    if (location.Component > 0)
                    {
                        sb.Append(c).Append(location.Component);
                        if (location.SubComponent > 0)
                        {
                            sb.Append(c).Append(location.SubComponent);
                        }
                    }
                }
            }

            var severity = issue.Severity switch
            {
                Hl7Severity.Error => "E",
                Hl7Severity.Warning => "W",
                _ => "I",
            };
            sb.Append(f).Append(code).Append(c).Append(codeText).Append(c).Append("HL70357")
                .Append(f).Append(severity)
                .Append(f).Append(issue.Code)
                .Append(f).Append(f).Append(f).Append(Hl7Escaping.Escape(issue.Message, d));
        }
        else
        {
            var s = d.SubComponent == '\0' ? ' ' : d.SubComponent;
            sb.Append(segmentId).Append(c).Append(occurrence).Append(c).Append(location.Field > 0 ? location.Field.ToString(CultureInfo.InvariantCulture) : string.Empty)
                .Append(c).Append(code).Append(s).Append(codeText).Append(s).Append("HL70357");
        }

        sb.Append('\r');
    }

    private static int Occurrence(Hl7Message message, int ordinal, string id)
    {
        if (ordinal <= 0 || id.Length == 0)
        {
            return 1;
        }

        var count = 0;
        for (var i = 1; i <= Math.Min(ordinal, message.SegmentCount); i++)
        {
            if (message[i].IdEquals(id))
            {
                count++;
            }
        }

        return Math.Max(count, 1);
    }

    internal static bool IsAtLeast(string version, int major, int minor)
    {
        var parts = version.Split('.');
        return parts.Length >= 2
            && int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ma)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var mi)
            && (ma > major || (ma == major && mi >= minor));
    }

    private static string FormatTimestamp(DateTimeOffset timestamp)
    {
        var offset = timestamp.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return timestamp.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture) + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
