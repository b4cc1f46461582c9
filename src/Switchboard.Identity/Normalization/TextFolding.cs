using System.Text;

namespace Switchboard.Identity.Normalization;

/// <summary>
/// Folds free text to upper-case ASCII letters, digits and single spaces: diacritics removed (García → GARCIA,
/// Ñ → N, ß → SS), punctuation dropped (O'Brien → OBRIEN) or turned into a separator (hyphen, slash, comma, period).
/// Table-driven so it does not depend on ICU (the build runs with invariant globalization).
/// </summary>
public static class TextFolding
{
    // Latin-1 Supplement and Latin Extended-A, U+00C0..U+017F, folded to their base letter(s).
    private const string Latin1 =
        "AAAAAAACEEEEIIII" + // C0-CF (Æ handled below)
        "DNOOOOO*OUUUUYTS" + // D0-DF (× is *, Þ → T, ß handled below)
        "AAAAAAACEEEEIIII" + // E0-EF
        "DNOOOOO/OUUUUYTY";  // F0-FF
    private const string ExtendedA =
        "AAAAAACCCCCCCCDD" + // 0100-010F
        "DDEEEEEEEEEEGGGG" + // 0110-011F
        "GGGGHHHHIIIIIIII" + // 0120-012F
        "IIJJJJKKKLLLLLLL" + // 0130-013F
        "LLLNNNNNNNNNOOOO" + // 0140-014F
        "OOOORRRRRRSSSSSS" + // 0150-015F
        "SSTTTTTTUUUUUUUU" + // 0160-016F
        "UUUUWWYYYZZZZZZS";  // 0170-017F

    /// <summary>Returns the folded text, or an empty string for null or blank input.</summary>
    public static string Fold(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var raw in value)
        {
            var c = raw;
            if (c is >= 'a' and <= 'z')
            {
                c = (char)(c - 32);
            }

            if (c is (>= 'A' and <= 'Z') or (>= '0' and <= '9'))
            {
                Append(sb, c, ref pendingSpace);
                continue;
            }

            if (c is >= '\u00C0' and <= '\u00FF')
            {
                if (c is '\u00C6' or '\u00E6')
                {
                    Append(sb, 'A', ref pendingSpace);
                    sb.Append('E');
                    continue;
                }

                if (c == '\u00DF')
                {
                    Append(sb, 'S', ref pendingSpace);
                    sb.Append('S');
                    continue;
                }

                var folded = Latin1[c - '\u00C0'];
                if (folded is '*' or '/')
                {
                    pendingSpace = sb.Length > 0;
                    continue;
                }

                Append(sb, folded, ref pendingSpace);
                continue;
            }

            if (c is >= '\u0100' and <= '\u017F')
            {
                Append(sb, ExtendedA[c - '\u0100'], ref pendingSpace);
                continue;
            }

            if (c is '\'' or '\u2019' or '\u2018' or '`' or '\u00B4')
            {
                // Apostrophes join: O'Brien → OBRIEN, D'Angelo → DANGELO.
                continue;
            }

            // Whitespace, hyphens, periods, commas, slashes and anything else separate tokens.
            pendingSpace = sb.Length > 0;
        }

        return sb.ToString();
    }

    /// <summary>Splits folded text into tokens.</summary>
    public static string[] Tokens(string? value)
    {
        var folded = Fold(value);
        return folded.Length == 0 ? [] : folded.Split(' ');
    }

    /// <summary>Keeps only the ASCII digits of <paramref name="value"/>.</summary>
    public static string Digits(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            if (c is >= '0' and <= '9')
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    private static void Append(StringBuilder sb, char c, ref bool pendingSpace)
    {
        if (pendingSpace && sb.Length > 0)
        {
            sb.Append(' ');
        }

        pendingSpace = false;
        sb.Append(c);
    }
}
