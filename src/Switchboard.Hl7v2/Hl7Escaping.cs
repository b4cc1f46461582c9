using System.Globalization;
using System.Text;

namespace Switchboard.Hl7v2;

/// <summary>
/// HL7 v2 escape sequences (v2.5.1 chapter 2.7): <c>\F\ \S\ \T\ \R\ \E\</c> (and <c>\P\</c> for the v2.7 truncation
/// character) become the delimiter; <c>\Xhh..\</c> is decoded as bytes in the message's character set;
/// <c>\Zxx\</c>, <c>\Cxxyy\</c>, <c>\Mxxyyzz\</c> are kept as written; formatting commands are kept or rendered.
/// </summary>
public static class Hl7Escaping
{
    private static readonly System.Buffers.SearchValues<char> HexDigits = System.Buffers.SearchValues.Create("0123456789ABCDEFabcdef");

    /// <summary>Decodes escape sequences in <paramref name="raw"/>. Malformed sequences are kept as written.</summary>
    public static string Unescape(ReadOnlySpan<char> raw, Hl7Delimiters delimiters, Encoding? encoding = null, Hl7TextFormat format = Hl7TextFormat.Preserve)
    {
        var escape = delimiters.Escape;
        if (escape == '\0' || raw.IndexOf(escape) < 0)
        {
            return raw.ToString();
        }

        var sb = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var next = raw[i..].IndexOf(escape);
            if (next < 0)
            {
                sb.Append(raw[i..]);
                break;
            }

            sb.Append(raw.Slice(i, next));
            i += next;
            var close = raw[(i + 1)..].IndexOf(escape);
            if (close < 0)
            {
                // Unterminated: keep the rest as written.
                sb.Append(raw[i..]);
                break;
            }

            var body = raw.Slice(i + 1, close);
            var sequence = raw.Slice(i, close + 2);
            AppendSequence(sb, body, sequence, delimiters, encoding, format);
            i += close + 2;
        }

        return sb.ToString();
    }

    /// <summary>
    /// Escapes delimiters, the escape character and line breaks so <paramref name="value"/> can be written as one
    /// primitive value. <see cref="Unescape"/> reverses it exactly.
    /// </summary>
    public static string Escape(ReadOnlySpan<char> value, Hl7Delimiters delimiters)
    {
        var needs = false;
        foreach (var c in value)
        {
            if (NeedsEscape(c, delimiters))
            {
                needs = true;
                break;
            }
        }

        if (!needs)
        {
            return value.ToString();
        }

        var e = delimiters.Escape == '\0' ? '\\' : delimiters.Escape;
        var sb = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            var code = c == '\0' ? '\0'
                : c == delimiters.Field ? 'F'
                : c == delimiters.Component ? 'S'
                : c == delimiters.SubComponent ? 'T'
                : c == delimiters.Repetition ? 'R'
                : c == e ? 'E'
                : delimiters.HasTruncation && c == delimiters.Truncation ? 'P'
                : '\0';
            if (code != '\0')
            {
                sb.Append(e).Append(code).Append(e);
            }
            else if (c is '\r' or '\n')
            {
                sb.Append(e).Append(c == '\r' ? "X0D" : "X0A").Append(e);
            }
            else
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>Index of the first malformed escape sequence (unterminated or unknown), or -1.</summary>
    public static int FindMalformedEscape(ReadOnlySpan<char> raw, Hl7Delimiters delimiters)
    {
        var escape = delimiters.Escape;
        if (escape == '\0')
        {
            return -1;
        }

        var i = 0;
        while (i < raw.Length)
        {
            var next = raw[i..].IndexOf(escape);
            if (next < 0)
            {
                return -1;
            }

            i += next;
            var close = raw[(i + 1)..].IndexOf(escape);
            if (close < 0 || !IsKnown(raw.Slice(i + 1, close), delimiters))
            {
                return i;
            }

            i += close + 2;
        }

        return -1;
    }

    private static bool NeedsEscape(char c, Hl7Delimiters d) => c != '\0' && (c == d.Field || c == d.Component || c == d.SubComponent || c == d.Repetition || c == (d.Escape == '\0' ? '\\' : d.Escape)
        || (d.HasTruncation && c == d.Truncation) || c is '\r' or '\n');

    private static bool IsKnown(ReadOnlySpan<char> body, Hl7Delimiters d)
    {
        if (body.Length == 0)
        {
            return false;
        }

        if (body.Length == 1)
        {
            return body[0] is 'F' or 'S' or 'T' or 'R' or 'E' or 'H' or 'N' || (body[0] == 'P' && d.HasTruncation);
        }

        return body[0] switch
        {
            'X' => IsHex(body[1..]),
            'Z' or 'C' or 'M' => true,
            '.' => FormattingCommand(body, out _, out _),
            _ => false,
        };
    }

    private static void AppendSequence(StringBuilder sb, ReadOnlySpan<char> body, ReadOnlySpan<char> sequence, Hl7Delimiters d, Encoding? encoding, Hl7TextFormat format)
    {
        if (body.Length == 1)
        {
            var c = body[0] switch
            {
                'F' => d.Field,
                'S' => d.Component,
                'T' => d.SubComponent,
                'R' => d.Repetition,
                'E' => d.Escape,
                'P' when d.HasTruncation => d.Truncation,
                _ => '\0',
            };
            if (c != '\0')
            {
                sb.Append(c);
                return;
            }

            if (body[0] is 'H' or 'N' && format == Hl7TextFormat.Render)
            {
                return;
            }

            sb.Append(sequence);
            return;
        }

        if (body.Length > 1 && body[0] == 'X' && IsHex(body[1..]))
        {
            var hex = body[1..];
            var bytes = new byte[hex.Length / 2];
            for (var k = 0; k < bytes.Length; k++)
            {
                bytes[k] = byte.Parse(hex.Slice(k * 2, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            }

            sb.Append(Hl7CharacterSets.DecodeEscapedBytes(bytes, encoding));
            return;
        }

        if (format == Hl7TextFormat.Render && body.Length > 1 && body[0] == '.' && FormattingCommand(body, out var command, out var count))
        {
            switch (command)
            {
                case "br":
                case "ce":
                    sb.Append('\n');
                    break;
                case "sp":
                    sb.Append('\n', Math.Max(count, 1));
                    break;
                case "sk":
                    sb.Append(' ', Math.Max(count, 1));
                    break;
                default:
                    // .fi .nf .in .ti change layout only.
                    break;
            }

            return;
        }

        sb.Append(sequence);
    }

    private static bool FormattingCommand(ReadOnlySpan<char> body, out string command, out int count)
    {
        command = string.Empty;
        count = 0;
        if (body.Length < 3 || body[0] != '.')
        {
            return false;
        }

        var name = body.Slice(1, 2);
        command = name switch
        {
            "br" => "br",
            "sp" => "sp",
            "fi" => "fi",
            "nf" => "nf",
            "in" => "in",
            "ti" => "ti",
            "sk" => "sk",
            "ce" => "ce",
            _ => string.Empty,
        };
        if (command.Length == 0)
        {
            return false;
        }

        var argument = body[3..].Trim();
        if (argument.IsEmpty)
        {
            return true;
        }

        return int.TryParse(argument, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out count) && count is >= -1000 and <= 1000;
    }

    private static bool IsHex(ReadOnlySpan<char> hex) =>
        hex.Length > 0 && hex.Length % 2 == 0 && !hex.ContainsAnyExcept(HexDigits);
}
