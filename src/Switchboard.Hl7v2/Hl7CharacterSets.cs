using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Switchboard.Hl7v2;

/// <summary>
/// MSH-18 character sets (HL7 table 0211) and byte decoding. Supported without extra providers: ASCII, 8859/1,
/// UNICODE UTF-8, UNICODE UTF-16/UTF-32; other 8859 parts work when the host registers
/// <c>CodePagesEncodingProvider</c>. Invalid bytes are reported with their offset, never passed on silently.
/// </summary>
public static class Hl7CharacterSets
{
    /// <summary>The .NET encoding for an MSH-18 value; false for empty or unsupported names.</summary>
    public static bool TryGetEncoding(string? name, out Encoding? encoding)
    {
        encoding = null;
        var trimmed = name?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            return false;
        }

        encoding = trimmed.ToUpperInvariant() switch
        {
            "ASCII" or "ISO IR6" => Encoding.ASCII,
            "8859/1" or "ISO IR100" => Encoding.Latin1,
            "UNICODE UTF-8" or "UTF-8" or "ISO IR192" => new UTF8Encoding(false),
            "UNICODE" or "UNICODE UTF-16" => Encoding.Unicode,
            "UNICODE UTF-32" => Encoding.UTF32,
            var other when other.StartsWith("8859/", StringComparison.Ordinal) => TryCodePage("iso-8859-" + other[5..]),
            _ => null,
        };
        return encoding is not null;
    }

    /// <summary>
    /// Decodes the bytes of a message, batch or stream with the character set of the first MSH-18. A UTF-8 byte-order
    /// mark wins. Without MSH-18, UTF-8 is tried, then ISO-8859-1 (with a V2203 warning naming the first byte).
    /// </summary>
    public static string Decode(ReadOnlySpan<byte> bytes, ICollection<Hl7Issue> issues)
    {
        ArgumentNullException.ThrowIfNull(issues);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], 3, "the UTF-8 byte-order mark", issues);
        }

        var declared = SniffCharacterSet(bytes);
        if (declared.Length == 0)
        {
            if (Utf8.IsValid(bytes))
            {
                return Encoding.UTF8.GetString(bytes);
            }

            var at = FirstInvalidUtf8(bytes);
            issues.Add(new Hl7Issue(
                Hl7IssueCodes.UndeclaredCharacterSet, Hl7Severity.Warning, Hl7Location.AtOffset(at),
                $"MSH-18 is empty and byte offset {at} is not valid UTF-8: the input was decoded as ISO-8859-1."));
            return Encoding.Latin1.GetString(bytes);
        }

        if (!TryGetEncoding(declared, out var encoding) || encoding is null)
        {
            issues.Add(new Hl7Issue(
                Hl7IssueCodes.UnknownCharacterSet, Hl7Severity.Warning, new Hl7Location(1, 1, "MSH", 18, 0, 0, 0, -1),
                "MSH-18 names a character set that is not supported: the input was decoded as UTF-8."));
            return DecodeUtf8(bytes, 0, "UTF-8 (fallback)", issues);
        }

        if (encoding.CodePage == Encoding.ASCII.CodePage)
        {
            var at = bytes.IndexOfAnyInRange((byte)0x80, (byte)0xFF);
            if (at >= 0)
            {
                issues.Add(new Hl7Issue(
                    Hl7IssueCodes.InvalidBytes, Hl7Severity.Error, Hl7Location.AtOffset(at),
                    $"MSH-18 declares ASCII but byte offset {at} is not ASCII: the input was decoded as {(Utf8.IsValid(bytes) ? "UTF-8" : "ISO-8859-1")}."));
                return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
            }

            return Encoding.ASCII.GetString(bytes);
        }

        // MSH-18 was found as single-byte ASCII, so the bytes are not UTF-16/32 whatever the declaration says
        // ("UNICODE" is commonly written on UTF-8 files): read them as UTF-8, reporting invalid bytes.
        if (encoding is UTF8Encoding || encoding is UnicodeEncoding || encoding is UTF32Encoding)
        {
            return DecodeUtf8(bytes, 0, "MSH-18 (UTF-8)", issues);
        }

        return encoding.GetString(bytes);
    }

    /// <summary>Decodes the bytes of a <c>\Xhh\</c> escape in the message's character set (UTF-8, else ISO-8859-1, when unknown).</summary>
    internal static string DecodeEscapedBytes(byte[] bytes, Encoding? encoding)
    {
        if (encoding is null || encoding.CodePage == Encoding.ASCII.CodePage)
        {
            return Utf8.IsValid(bytes) ? Encoding.UTF8.GetString(bytes) : Encoding.Latin1.GetString(bytes);
        }

        return encoding.GetString(bytes);
    }

    /// <summary>MSH-18 (first repetition) read from raw bytes before decoding; empty when absent.</summary>
    internal static string SniffCharacterSet(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.IndexOf("MSH"u8);
        if (start < 0 || start + 8 > bytes.Length)
        {
            return string.Empty;
        }

        var line = bytes[start..];
        var lineEnd = line.IndexOfAny((byte)'\r', (byte)'\n');
        if (lineEnd >= 0)
        {
            line = line[..lineEnd];
        }

        if (line.Length < 8)
        {
            return string.Empty;
        }

        var separator = line[3];
        var repetition = line[5];
        var field = 1;
        var position = 3;
        while (field < 17)
        {
            var next = line[(position + 1)..].IndexOf(separator);
            if (next < 0)
            {
                return string.Empty;
            }

            position += next + 1;
            field++;
        }

        var value = line[(position + 1)..];
        var end = value.IndexOfAny(separator, repetition);
        if (end >= 0)
        {
            value = value[..end];
        }

        return value.Length > 64 ? string.Empty : Encoding.Latin1.GetString(value);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, int baseOffset, string source, ICollection<Hl7Issue> issues)
    {
        if (Utf8.IsValid(bytes))
        {
            return Encoding.UTF8.GetString(bytes);
        }

        var at = FirstInvalidUtf8(bytes) + baseOffset;
        issues.Add(new Hl7Issue(
            Hl7IssueCodes.InvalidBytes, Hl7Severity.Error, Hl7Location.AtOffset(at),
            $"Byte offset {at} is not valid UTF-8 as declared by {source}: invalid bytes were replaced with U+FFFD."));
        return Encoding.UTF8.GetString(bytes);
    }

    private static int FirstInvalidUtf8(ReadOnlySpan<byte> bytes)
    {
        var buffer = ArrayPool<char>.Shared.Rent(Math.Max(bytes.Length, 16));
        try
        {
            Utf8.ToUtf16(bytes, buffer, out var read, out _, replaceInvalidSequences: false, isFinalBlock: true);
            return read;
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static Encoding? TryCodePage(string name)
    {
        try
        {
            return Encoding.GetEncoding(name);
        }
        catch (ArgumentException)
        {
            return null;
        }
    }
}
