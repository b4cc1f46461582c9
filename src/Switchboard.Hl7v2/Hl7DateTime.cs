namespace Switchboard.Hl7v2;

/// <summary>How much of a TS/DTM value was given.</summary>
public enum Hl7DateTimePrecision
{
    Year = 0,
    Month = 1,
    Day = 2,
    Hour = 3,
    Minute = 4,
    Second = 5,
    FractionalSecond = 6,
}

/// <summary>
/// An HL7 TS/DTM value <c>YYYY[MM[DD[HH[MM[SS[.S[S[S[S]]]]]]]]][+/-ZZZZ]</c>: the local date and time, its
/// precision, and the UTC offset when one was written.
/// </summary>
public readonly record struct Hl7DateTime(DateTime DateTime, Hl7DateTimePrecision Precision, TimeSpan? Offset)
{
    /// <summary>The value with its offset (UTC when none was written).</summary>
    public DateTimeOffset ToDateTimeOffset() => new(DateTime, Offset ?? TimeSpan.Zero);

    /// <summary>Parses a TS/DTM value; false for anything that is not a valid HL7 date/time.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Hl7DateTime value)
    {
        value = default;
        var digits = 0;
        while (digits < text.Length && char.IsAsciiDigit(text[digits]))
        {
            digits++;
        }

        if (digits is not (4 or 6 or 8 or 10 or 12 or 14))
        {
            return false;
        }

        var rest = text[digits..];
        var ticks = 0L;
        var precision = (Hl7DateTimePrecision)((digits - 4) / 2);
        if (!rest.IsEmpty && rest[0] == '.')
        {
            var fraction = 1;
            while (fraction < rest.Length && char.IsAsciiDigit(rest[fraction]))
            {
                fraction++;
            }

            if (digits != 14 || fraction is < 2 or > 5)
            {
                return false;
            }

            var f = rest[1..fraction];
            ticks = Number(f) * (long)Math.Pow(10, 7 - f.Length);
            precision = Hl7DateTimePrecision.FractionalSecond;
            rest = rest[fraction..];
        }

        TimeSpan? offset = null;
        if (!rest.IsEmpty)
        {
            if (rest.Length != 5 || rest[0] is not ('+' or '-') || rest[1..].ContainsAnyExceptInRange('0', '9'))
            {
                return false;
            }

            var hours = Number(rest.Slice(1, 2));
            var minutes = Number(rest.Slice(3, 2));
            if (hours > 14 || minutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(hours, minutes, 0) * (rest[0] == '-' ? -1 : 1);
        }

        var year = Number(text[..4]);
        var month = digits >= 6 ? Number(text.Slice(4, 2)) : 1;
        var day = digits >= 8 ? Number(text.Slice(6, 2)) : 1;
        var hour = digits >= 10 ? Number(text.Slice(8, 2)) : 0;
        var minute = digits >= 12 ? Number(text.Slice(10, 2)) : 0;
        var second = digits >= 14 ? Number(text.Slice(12, 2)) : 0;
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new Hl7DateTime(new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks), precision, offset);
        return true;
    }

    private static int Number(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits)
        {
            n = (n * 10) + (c - '0');
        }

        return n;
    }
}
