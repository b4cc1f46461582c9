using System.Collections.Frozen;
using System.Reflection;

namespace Switchboard.Identity.Normalization;

/// <summary>
/// Nickname groups from our own table (<c>Nicknames.txt</c>, embedded). A name belongs to the group of each line it
/// appears on; two names are equivalent when their groups intersect (BILL ~ WILLIAM, ALEX ~ ALEJANDRO, but
/// PATRICK ≁ PATRICIA although both are PAT).
/// </summary>
public sealed class NicknameTable
{
    private static readonly Lazy<NicknameTable> DefaultTable = new(LoadDefault);
    private readonly FrozenDictionary<string, int[]> _groups;

    public NicknameTable(IEnumerable<string> lines)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var groupId = 0;
        foreach (var line in lines)
        {
            if (string.IsNullOrWhiteSpace(line) || line.StartsWith('#'))
            {
                continue;
            }

            groupId++;
            foreach (var name in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var key = TextFolding.Fold(name);
                if (!groups.TryGetValue(key, out var list))
                {
                    groups[key] = list = [];
                }

                if (!list.Contains(groupId))
                {
                    list.Add(groupId);
                }
            }
        }

        GroupCount = groupId;
        PairCount = groups.Sum(g => g.Value.Count) - groupId;
        _groups = groups.ToFrozenDictionary(g => g.Key, g => g.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The table shipped with Switchboard.</summary>
    public static NicknameTable Default => DefaultTable.Value;

    public int GroupCount { get; }

    /// <summary>Formal-name/nickname pairs in the table.</summary>
    public int PairCount { get; }

    /// <summary>The groups <paramref name="foldedName"/> belongs to; empty when it is in none.</summary>
    public int[] GroupsOf(string foldedName) =>
        _groups.TryGetValue(foldedName, out var g) ? g : [];

    public bool AreEquivalent(string a, string b)
    {
        var ga = GroupsOf(TextFolding.Fold(a));
        var gb = GroupsOf(TextFolding.Fold(b));
        return Intersects(ga, gb);
    }

    internal static bool Intersects(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static NicknameTable LoadDefault()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("Switchboard.Identity.Nicknames.txt")
            ?? throw new InvalidOperationException("ID900: the embedded nickname table is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }

        return new NicknameTable(lines);
    }
}
