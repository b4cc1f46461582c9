using System.Collections.Frozen;

namespace Switchboard.Identity.Normalization;

/// <summary>
/// Names: folding, suffixes found anywhere (given list, family, suffix field), newborn placeholders, titles,
/// hyphenated and two-part surnames.
/// </summary>
public static class NameNormalizer
{
    private static readonly FrozenSet<string> GivenPlaceholders = new[]
    {
        "BABY", "BABYBOY", "BABYGIRL", "GIRL", "BOY", "TWIN", "INFANT", "NEWBORN", "UNKNOWN", "UNK", "NFN", "FNU",
        "NONE", "TEST", "PATIENT", "MALE", "FEMALE", "BG", "BB",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Titles = new[] { "MR", "MRS", "MS", "MISS", "DR", "PROF", "REV" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FamilyParticles = new[]
    {
        "DE", "DEL", "LA", "LAS", "LOS", "Y", "E", "DA", "DI", "DOS", "DAS", "VAN", "VON", "DER", "DEN", "LE", "DU",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, int> Suffixes = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        ["SR"] = 1, ["SENIOR"] = 1, ["1ST"] = 1,
        ["JR"] = 2, ["JUNIOR"] = 2, ["II"] = 2, ["2ND"] = 2,
        ["III"] = 3, ["3RD"] = 3, ["IV"] = 4, ["4TH"] = 4, ["V"] = 5, ["5TH"] = 5,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The generation a suffix denotes (SR → 1, JR/II → 2, III → 3 ...), or 0.</summary>
    public static int GenerationOf(string? suffix)
    {
        var folded = TextFolding.Fold(suffix).Replace(" ", string.Empty, StringComparison.Ordinal);
        return Suffixes.TryGetValue(folded, out var g) ? g : 0;
    }

    public static NormalizedName Normalize(IReadOnlyList<string>? given, string? family, string? suffix)
    {
        var generation = GenerationOf(suffix);

        var givenTokens = new List<string>();
        if (given is not null)
        {
            foreach (var part in given)
            {
                givenTokens.AddRange(TextFolding.Tokens(part));
            }
        }

        var kept = new List<string>(givenTokens.Count);
        for (var i = 0; i < givenTokens.Count; i++)
        {
            var t = givenTokens[i];
            // "V" alone is more often an initial than a suffix; only treat it as one at the end of a longer name.
            if (Suffixes.TryGetValue(t, out var g) && (t != "V" || (i == givenTokens.Count - 1 && i > 0)))
            {
                generation = generation == 0 ? g : generation;
                continue;
            }

            if (GivenPlaceholders.Contains(t) || Titles.Contains(t))
            {
                continue;
            }

            // "TWIN A", "BABY B": a lone letter after a placeholder is part of the placeholder.
            if (t.Length == 1 && i > 0 && GivenPlaceholders.Contains(givenTokens[i - 1]))
            {
                continue;
            }

            kept.Add(t);
        }

        var first = kept.Count > 0 ? kept[0] : string.Empty;
        var middle = kept.Count > 1 ? string.Join(' ', kept.Skip(1)) : string.Empty;

        var familyTokens = new List<string>();
        var significant = new List<string>();
        var rawFamily = TextFolding.Tokens(family);
        for (var i = 0; i < rawFamily.Length; i++)
        {
            var t = rawFamily[i];
            if (i > 0 && Suffixes.TryGetValue(t, out var g))
            {
                generation = generation == 0 ? g : generation;
                continue;
            }

            familyTokens.Add(t);
            if (!FamilyParticles.Contains(t) && t.Length > 1)
            {
                significant.Add(t);
            }
        }

        return new NormalizedName(first, middle, string.Concat(familyTokens), significant.ToArray(), generation);
    }
}
