using System.Collections.Frozen;

namespace Switchboard.Identity.Normalization;

/// <summary>Phones (NANP to E.164), e-mail addresses and SSN last-4, with placeholder detection.</summary>
public static class ContactNormalizer
{
    private static readonly FrozenSet<string> EmailPlaceholderLocals = new[]
    {
        "noemail", "no.email", "no_email", "none", "no", "nomail", "na", "n.a", "unknown", "unk", "declined",
        "refused", "noreply", "no-reply", "donotreply", "test", "email", "nobody", "null", "x", "xx", "xxx",
        "patient", "noname", "notprovided", "not.provided", "noaddress",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>
    /// The phone as a ten-digit NANP number (E.164 without "+1"), or 0 when missing, malformed or a placeholder
    /// (all one digit, 123-456-7890, 555-555-xxxx style fillers).
    /// </summary>
    public static long NormalizePhone(string? phone)
    {
        var digits = TextFolding.Digits(phone);
        if (digits.Length == 11 && digits[0] == '1')
        {
            digits = digits[1..];
        }

        if (digits.Length != 10 || digits[0] is '0' or '1' || digits[3] is '0' or '1')
        {
            return 0;
        }

        if (digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0 || digits is "1234567890" or "9876543210"
            || digits.StartsWith("555555", StringComparison.Ordinal) || digits.EndsWith("0000000", StringComparison.Ordinal))
        {
            return 0;
        }

        return long.Parse(digits);
    }

    /// <summary>E.164 text for a normalized phone (+17135550142).</summary>
    public static string ToE164(long phone) => phone == 0 ? string.Empty : "+1" + phone.ToString("D10");

    /// <summary>The e-mail trimmed and lower-cased, or empty when missing, malformed or a placeholder.</summary>
    public static string NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return string.Empty;
        }

        var e = email.Trim().ToLowerInvariant();
        var at = e.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at == e.Length - 1 || e.IndexOf('.', at) < 0)
        {
            return string.Empty;
        }

        var local = e[..at];
        return EmailPlaceholderLocals.Contains(local) || local.StartsWith("noemail", StringComparison.Ordinal) ? string.Empty : e;
    }

    /// <summary>SSN last four digits as 1..9999, or 0 when missing or a placeholder (0000, 9999, 1234, repeated digits).</summary>
    public static int NormalizeSsnLast4(string? ssn)
    {
        var digits = TextFolding.Digits(ssn);
        if (digits.Length < 4)
        {
            return 0;
        }

        digits = digits[^4..];
        if (digits is "1234" or "4321" or "0123" || digits.AsSpan().IndexOfAnyExcept(digits[0]) < 0)
        {
            return 0;
        }

        return int.Parse(digits);
    }

    /// <summary>"M", "F" or empty.</summary>
    public static char NormalizeSex(string? sex)
    {
        var s = TextFolding.Fold(sex);
        return s switch
        {
            "MALE" or "M" or "MAN" => 'M',
            "FEMALE" or "F" or "WOMAN" => 'F',
            _ => '\0',
        };
    }
}
