using System.Globalization;
using System.Text;

namespace Switchboard.Hl7v2;

/// <summary>
/// Where an issue is: message number in the input (1-based), segment ordinal within the message (1-based) and id,
/// field, repetition, component, sub-component (1-based, 0 = not applicable) and the character offset in the input
/// text (or the byte offset for decoding issues). Never holds a value, so it is safe to log.
/// </summary>
public readonly record struct Hl7Location(
    int Message,
    int Segment,
    string? SegmentId,
    int Field,
    int Repetition,
    int Component,
    int SubComponent,
    long Offset)
{
    /// <summary>A position that is only an offset in the input.</summary>
    public static Hl7Location AtOffset(long offset, int message = 0) => new(message, 0, null, 0, 0, 0, 0, offset);

    /// <summary>HL7 notation with the ordinal and offset, e.g. <c>message 1, segment 3 PID-5[1].2 (offset 120)</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Message > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"message {Message}");
        }

        if (Segment > 0 || SegmentId is not null)
        {
            if (sb.Length > 0)
            {
                sb.Append(", ");
            }

            sb.Append("segment ");
            if (Segment > 0)
            {
                sb.Append(Segment).Append(' ');
            }

            sb.Append(SegmentId ?? "?");
            if (Field > 0)
            {
                sb.Append('-').Append(Field);
                if (Repetition > 0)
                {
                    sb.Append('[').Append(Repetition).Append(']');
                }

                if (Component > 0)
                {
                    sb.Append('.').Append(Component);
                    if (SubComponent > 0)
                    {
                        sb.Append('.').Append(SubComponent);
                    }
                }
            }
        }

        if (Offset >= 0)
        {
            sb.Append(sb.Length > 0 ? " " : string.Empty).Append(CultureInfo.InvariantCulture, $"(offset {Offset})");
        }

        return sb.ToString();
    }
}
