namespace Switchboard.Hl7v2;

/// <summary>
/// The delimiters of one message, read from MSH-1 (field separator) and MSH-2 (encoding characters:
/// component, repetition, escape, sub-component and, from v2.7, truncation). A missing character is <c>'\0'</c>.
/// </summary>
public readonly record struct Hl7Delimiters(char Field, char Component, char Repetition, char Escape, char SubComponent, char Truncation)
{
    /// <summary><c>|^~\&amp;</c>, no truncation character.</summary>
    public static Hl7Delimiters Default { get; } = new('|', '^', '~', '\\', '&', '\0');

    /// <summary>True when MSH-2 carried a v2.7+ truncation character.</summary>
    public bool HasTruncation => Truncation != '\0';

    /// <summary>MSH-2 as it should be written for these delimiters.</summary>
    public string EncodingCharacters
    {
        get
        {
            Span<char> chars = [Component, Repetition, Escape, SubComponent, Truncation];
            var length = HasTruncation ? 5 : 4;
            while (length > 0 && chars[length - 1] == '\0')
            {
                length--;
            }

            return new string(chars[..length]);
        }
    }

    /// <summary>True when <paramref name="c"/> is one of the separators (not the escape or truncation character).</summary>
    public bool IsSeparator(char c) => c != '\0' && (c == Field || c == Component || c == Repetition || c == SubComponent);

    /// <summary>
    /// Reads the delimiters from a header segment (MSH, FHS, BHS): <paramref name="line"/> starts with the segment id.
    /// Returns null when they are usable; otherwise an issue code (V2002 garbled header, V2003 bad delimiters),
    /// and <paramref name="delimiters"/> holds the best usable set (defaults fill the gaps).
    /// </summary>
    internal static string? TryRead(ReadOnlySpan<char> line, out Hl7Delimiters delimiters, out string? detail)
    {
        delimiters = Default;
        detail = null;
        if (line.Length < 4)
        {
            detail = "the header segment ends before its field separator";
            return Hl7IssueCodes.GarbledHeader;
        }

        var field = line[3];
        if (IsInvalidDelimiter(field))
        {
            detail = "the field separator (MSH-1) is a letter, digit, space or control character";
            return Hl7IssueCodes.BadDelimiters;
        }

        var rest = line[4..];
        var end = rest.IndexOf(field);
        var encoding = end < 0 ? rest : rest[..end];
        Span<char> chars = ['^', '~', '\\', '&', '\0'];
        var count = Math.Min(encoding.Length, 5);
        for (var i = 0; i < count; i++)
        {
            chars[i] = encoding[i];
        }

        delimiters = new Hl7Delimiters(field, chars[0], chars[1], chars[2], chars[3], chars[4]);
        if (encoding.Length < 4)
        {
            if (encoding.Length == 0 || end < 0)
            {
                delimiters = Default with { Field = field };
                detail = "MSH-2 (encoding characters) is missing";
                return Hl7IssueCodes.GarbledHeader;
            }

            // Fewer than four: the missing ones are simply not used by this sender.
            for (var i = encoding.Length; i < 4; i++)
            {
                chars[i] = '\0';
            }

            delimiters = new Hl7Delimiters(field, chars[0], chars[1], chars[2], chars[3], '\0');
            detail = "MSH-2 has fewer than four encoding characters";
            return Hl7IssueCodes.BadDelimiters;
        }

        if (encoding.Length > 5)
        {
            detail = "MSH-2 has more than five encoding characters";
            return Hl7IssueCodes.BadDelimiters;
        }

        Span<char> all = [field, chars[0], chars[1], chars[2], chars[3], chars[4]];
        var used = encoding.Length + 1;
        for (var i = 0; i < used; i++)
        {
            if (IsInvalidDelimiter(all[i]))
            {
                detail = "an encoding character is a letter, digit, space or control character";
                return Hl7IssueCodes.BadDelimiters;
            }

            for (var j = i + 1; j < used; j++)
            {
                if (all[i] == all[j])
                {
                    detail = "two delimiters use the same character";
                    return Hl7IssueCodes.BadDelimiters;
                }
            }
        }

        return null;
    }

    private static bool IsInvalidDelimiter(char c) => char.IsLetterOrDigit(c) || char.IsWhiteSpace(c) || char.IsControl(c);
}
