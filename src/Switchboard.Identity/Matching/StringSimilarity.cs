namespace Switchboard.Identity.Matching;

/// <summary>Allocation-free string measures for short, folded values (names, streets).</summary>
public static class StringSimilarity
{
    private const int MaxLength = 64;

    /// <summary>Jaro–Winkler similarity in [0, 1], prefix scale 0.1 over at most four characters.</summary>
    public static double JaroWinkler(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (string.Equals(a, b, StringComparison.Ordinal))
        {
            return 1;
        }

        var la = Math.Min(a.Length, MaxLength);
        var lb = Math.Min(b.Length, MaxLength);
        var window = Math.Max(0, (Math.Max(la, lb) / 2) - 1);
        Span<bool> matchedB = stackalloc bool[lb];
        Span<int> aMatchPos = stackalloc int[la];
        var matches = 0;
        for (var i = 0; i < la; i++)
        {
            var lo = Math.Max(0, i - window);
            var hi = Math.Min(lb - 1, i + window);
            aMatchPos[i] = -1;
            for (var j = lo; j <= hi; j++)
            {
                if (!matchedB[j] && a[i] == b[j])
                {
                    matchedB[j] = true;
                    aMatchPos[i] = j;
                    matches++;
                    break;
                }
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        var transpositions = 0;
        var k = 0;
        for (var i = 0; i < la; i++)
        {
            if (aMatchPos[i] < 0)
            {
                continue;
            }

            while (!matchedB[k])
            {
                k++;
            }

            if (a[i] != b[k])
            {
                transpositions++;
            }

            k++;
        }

        double m = matches;
        var jaro = ((m / la) + (m / lb) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        while (prefix < 4 && prefix < la && prefix < lb && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }

    /// <summary>
    /// Optimal-string-alignment distance (edits: insert, delete, substitute, adjacent transposition), or
    /// <paramref name="limit"/> + 1 when it exceeds <paramref name="limit"/>.
    /// </summary>
    public static int EditDistance(string a, string b, int limit)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var la = Math.Min(a.Length, MaxLength);
        var lb = Math.Min(b.Length, MaxLength);
        Span<int> prev2 = stackalloc int[lb + 1];
        Span<int> prev = stackalloc int[lb + 1];
        Span<int> cur = stackalloc int[lb + 1];
        for (var j = 0; j <= lb; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= la; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= lb; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var tmp = prev2;
            prev2 = prev;
            prev = cur;
            cur = tmp;
        }

        return Math.Min(prev[lb], limit + 1);
    }

    /// <summary>American Soundex (letter + three digits) of a folded name; empty for an empty name.</summary>
    public static string Soundex(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Span<char> code = stackalloc char[4];
        var n = 0;
        var last = '\0';
        foreach (var c in name)
        {
            if (c is < 'A' or > 'Z')
            {
                continue;
            }

            var d = c switch
            {
                'B' or 'F' or 'P' or 'V' => '1',
                'C' or 'G' or 'J' or 'K' or 'Q' or 'S' or 'X' or 'Z' => '2',
                'D' or 'T' => '3',
                'L' => '4',
                'M' or 'N' => '5',
                'R' => '6',
                'H' or 'W' => '-',
                _ => '0',
            };
            if (n == 0)
            {
                code[n++] = c;
                last = d;
                continue;
            }

            if (d == '-')
            {
                continue;
            }

            if (d != '0' && d != last)
            {
                code[n++] = d;
                if (n == 4)
                {
                    break;
                }
            }

            last = d;
        }

        if (n == 0)
        {
            return string.Empty;
        }

        while (n < 4)
        {
            code[n++] = '0';
        }

        return new string(code);
    }

    /// <summary>The Soundex code packed into an integer (letter * 1000 + digits), 0 for an empty name.</summary>
    public static int SoundexCode(string name)
    {
        var code = Soundex(name);
        return code.Length == 0 ? 0 : ((code[0] - 'A' + 1) * 1000) + int.Parse(code.AsSpan(1));
    }
}
