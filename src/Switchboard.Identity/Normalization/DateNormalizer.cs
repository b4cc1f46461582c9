namespace Switchboard.Identity.Normalization;

/// <summary>Birth dates as <c>yyyymmdd</c> integers; 0 when missing, unparseable or a placeholder.</summary>
public static class DateNormalizer
{
    /// <summary>1900-01-01 and anything earlier are "unknown" placeholders.</summary>
    public const int PlaceholderCutoff = 19000101;

    public static int Normalize(string? isoDate)
    {
        if (isoDate is null || isoDate.Length < 10)
        {
            return 0;
        }

        if (!int.TryParse(isoDate.AsSpan(0, 4), out var y) || !int.TryParse(isoDate.AsSpan(5, 2), out var m)
            || !int.TryParse(isoDate.AsSpan(8, 2), out var d) || m is < 1 or > 12 || d is < 1 or > 31)
        {
            return 0;
        }

        var value = (y * 10000) + (m * 100) + d;
        return value <= PlaceholderCutoff ? 0 : value;
    }

    /// <summary>How two known birth dates relate.</summary>
    public static DateAgreement Compare(int a, int b)
    {
        if (a == b)
        {
            return DateAgreement.Exact;
        }

        int ya = a / 10000, ma = a / 100 % 100, da = a % 100;
        int yb = b / 10000, mb = b / 100 % 100, db = b % 100;
        if (ya == yb && ma == db && da == mb)
        {
            return DateAgreement.DayMonthSwap;
        }

        // Single-digit errors and one adjacent transposition over the eight digits.
        var diffs = 0;
        int first = -1, second = -1;
        int x = a, y = b;
        for (var i = 0; i < 8; i++)
        {
            if (x % 10 != y % 10)
            {
                diffs++;
                if (first < 0)
                {
                    first = i;
                }
                else
                {
                    second = i;
                }
            }

            x /= 10;
            y /= 10;
        }

        if (diffs == 1)
        {
            return DateAgreement.OneDigit;
        }

        if (diffs == 2 && second == first + 1 && Digit(a, first) == Digit(b, second) && Digit(a, second) == Digit(b, first))
        {
            return DateAgreement.OneDigit;
        }

        if (ma == mb && da == db)
        {
            return DateAgreement.SameMonthDay;
        }

        return DateAgreement.Different;
    }

    private static int Digit(int value, int position)
    {
        for (var i = 0; i < position; i++)
        {
            value /= 10;
        }

        return value % 10;
    }
}
