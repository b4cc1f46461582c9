using System.Globalization;
using System.Text;

namespace Switchboard.Hl7v2;

/// <summary>
/// A position in HL7 notation <c>SEG[occurrence]-field[repetition].component.subcomponent</c>, 1-based, occurrence
/// and repetition defaulting to 1: <c>PID-3[2].4.2</c>, <c>OBX[3]-5</c>, <c>PID-5.1</c>. <see cref="Repetition"/> is 0
/// when not written (read as repetition 1); <see cref="Component"/> and
/// <see cref="SubComponent"/> are 0 when not written.
/// </summary>
public sealed record Hl7Path(string SegmentId, int SegmentOccurrence, int Field, int Repetition, int Component, int SubComponent)
{
    /// <summary>Parses a path; throws <see cref="FormatException"/> when it is malformed.</summary>
    public static Hl7Path Parse(string text) =>
        TryParse(text, out var path) ? path : throw new FormatException($"'{text}' is not an HL7 path such as PID-3[2].4.2.");

    /// <summary>Parses a path; false when it is malformed.</summary>
    public static bool TryParse(string? text, out Hl7Path path)
    {
        path = null!;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.AsSpan().Trim();
        if (s.Length < 5 || !SegmentIds.IsValid(s[..3]))
        {
            return false;
        }

        var id = SegmentIds.Get(s[..3]);
        s = s[3..];
        var occurrence = 1;
        if (!TryBracket(ref s, ref occurrence))
        {
            return false;
        }

        if (s.IsEmpty || (s[0] != '-' && s[0] != '.'))
        {
            return false;
        }

        s = s[1..];
        if (!TryNumber(ref s, out var field))
        {
            return false;
        }

        var repetition = 0;
        if (!TryBracket(ref s, ref repetition))
        {
            return false;
        }

        var component = 0;
        var sub = 0;
        if (!s.IsEmpty)
        {
            if (s[0] != '.')
            {
                return false;
            }

            s = s[1..];
            if (!TryNumber(ref s, out component))
            {
                return false;
            }

            if (!s.IsEmpty)
            {
                if (s[0] != '.')
                {
                    return false;
                }

                s = s[1..];
                if (!TryNumber(ref s, out sub) || !s.IsEmpty)
                {
                    return false;
                }
            }
        }

        path = new Hl7Path(id, occurrence, field, repetition, component, sub);
        return true;
    }

    /// <summary>The path in canonical notation, e.g. <c>OBX[3]-5[1].2</c>.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder(SegmentId);
        if (SegmentOccurrence != 1)
        {
            sb.Append(CultureInfo.InvariantCulture, $"[{SegmentOccurrence}]");
        }

        sb.Append('-').Append(Field);
        if (Repetition > 0)
        {
            sb.Append(CultureInfo.InvariantCulture, $"[{Repetition}]");
        }

        if (Component > 0)
        {
            sb.Append('.').Append(Component);
            if (SubComponent > 0)
            {
                sb.Append('.').Append(SubComponent);
            }
        }

        return sb.ToString();
    }

    private static bool TryBracket(ref ReadOnlySpan<char> s, ref int value)
    {
        if (s.IsEmpty || s[0] != '[')
        {
            return true;
        }

        s = s[1..];
        if (!TryNumber(ref s, out value) || s.IsEmpty || s[0] != ']')
        {
            return false;
        }

        s = s[1..];
        return true;
    }

    private static bool TryNumber(ref ReadOnlySpan<char> s, out int value)
    {
        var digits = 0;
        while (digits < s.Length && char.IsAsciiDigit(s[digits]))
        {
            digits++;
        }

        if (digits is 0 or > 5 || !int.TryParse(s[..digits], NumberStyles.None, CultureInfo.InvariantCulture, out value) || value == 0)
        {
            value = 0;
            return false;
        }

        s = s[digits..];
        return true;
    }
}
