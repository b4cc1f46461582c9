using Switchboard.Identity.Matching;

namespace Switchboard.Identity.Synthetic;

/// <summary>
/// Scores a resolution the way the matching contract does: linked pairs are taken after transitive closure of the
/// clusters and the match pairs; review pairs are counted, and recall is recomputed as if reviewers resolved them
/// correctly. False merges are attributed to the look-alike kind of the two people.
/// </summary>
public static class MatchEvaluator
{
    /// <param name="clusterOf">Cluster id per record, by record position in <paramref name="dataset"/>.</param>
    /// <param name="pairs">Match and review pairs by record position.</param>
    public static MatchEvaluation Evaluate(SyntheticDataset dataset, IReadOnlyList<int> clusterOf, IEnumerable<(int A, int B, PairDecisionKind Kind)> pairs)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(clusterOf);
        ArgumentNullException.ThrowIfNull(pairs);
        var records = dataset.Records;
        var n = records.Count;
        var linked = new UnionFind(n);
        var byCluster = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            if (byCluster.TryGetValue(clusterOf[i], out var first))
            {
                linked.Union(first, i);
            }
            else
            {
                byCluster[clusterOf[i]] = i;
            }
        }

        var reviews = new List<(int A, int B)>();
        foreach (var (a, b, kind) in pairs)
        {
            if (kind == PairDecisionKind.Match)
            {
                linked.Union(a, b);
            }
            else
            {
                reviews.Add((a, b));
            }
        }

        var truePairs = CountPairs(Enumerable.Range(0, n).GroupBy(i => records[i].PersonId));
        var sameChartPairs = CountPairs(Enumerable.Range(0, n).GroupBy(i => (records[i].PersonId, records[i].Registration.Key)));
        var (linkedPairs, tp, tpSameChart, falseByKind) = Score(dataset, linked);

        var reviewCount = 0;
        var withReview = linked.Clone();
        foreach (var (a, b) in reviews)
        {
            if (linked.Find(a) == linked.Find(b))
            {
                continue;
            }

            reviewCount++;
            if (records[a].PersonId == records[b].PersonId)
            {
                withReview.Union(a, b);
            }
        }

        var (_, tpWithReview, _, _) = Score(dataset, withReview);
        var precision = linkedPairs == 0 ? 1 : (double)tp / linkedPairs;
        var recall = truePairs == 0 ? 1 : (double)tp / truePairs;
        var otherCharts = truePairs - sameChartPairs;
        return new MatchEvaluation(
            n,
            truePairs,
            linkedPairs,
            tp,
            precision,
            recall,
            precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall),
            otherCharts == 0 ? 1 : (double)(tp - tpSameChart) / otherCharts,
            truePairs == 0 ? 1 : (double)tpWithReview / truePairs,
            reviewCount,
            n == 0 ? 0 : 100.0 * reviewCount / n,
            falseByKind);
    }

    private static long CountPairs<TKey>(IEnumerable<IGrouping<TKey, int>> groups) =>
        groups.Sum(g => { long c = g.Count(); return c * (c - 1) / 2; });

    private static (long Linked, long TruePositives, long TruePositivesSameChart, Dictionary<HardNegativeKind, long> FalseByKind) Score(
        SyntheticDataset dataset, UnionFind linked)
    {
        var records = dataset.Records;
        var falseByKind = Enum.GetValues<HardNegativeKind>().ToDictionary(k => k, _ => 0L);
        long linkedPairs = 0, tp = 0, tpSameChart = 0;
        foreach (var component in Enumerable.Range(0, records.Count).GroupBy(linked.Find))
        {
            var members = component.ToList();
            long size = members.Count;
            linkedPairs += size * (size - 1) / 2;
            var persons = members.GroupBy(i => records[i].PersonId).ToList();
            foreach (var p in persons)
            {
                long c = p.Count();
                tp += c * (c - 1) / 2;
                foreach (var chart in p.GroupBy(i => records[i].Registration.Key))
                {
                    long k = chart.Count();
                    tpSameChart += k * (k - 1) / 2;
                }
            }

            for (var x = 0; x < persons.Count; x++)
            {
                for (var y = x + 1; y < persons.Count; y++)
                {
                    var kind = KindOf(dataset, persons[x].ToList(), persons[y].ToList());
                    falseByKind[kind] += (long)persons[x].Count() * persons[y].Count();
                }
            }
        }

        return (linkedPairs, tp, tpSameChart, falseByKind);
    }

    private static HardNegativeKind KindOf(SyntheticDataset dataset, List<int> a, List<int> b)
    {
        var records = dataset.Records;
        var relation = dataset.RelationOf(records[a[0]].PersonId, records[b[0]].PersonId);
        if (relation != HardNegativeKind.None)
        {
            return relation;
        }

        var extractor = new FeatureExtractor();
        var fa = a.Select(i => extractor.Extract(records[i].Registration)).ToList();
        var fb = b.Select(i => extractor.Extract(records[i].Registration)).ToList();
        if (fa.Any(x => fb.Any(y => x.FirstId == y.FirstId && x.FamilyId == y.FamilyId && x.FirstId != 0)))
        {
            return HardNegativeKind.CommonName;
        }

        var ra = a.Select(i => records[i].Registration).ToList();
        var rb = b.Select(i => records[i].Registration).ToList();
        return ra.Any(x => rb.Any(y => SharesPlaceholder(x, y))) ? HardNegativeKind.Placeholder : HardNegativeKind.Other;
    }

    private static bool SharesPlaceholder(PatientRegistration x, PatientRegistration y) =>
        (x.Phone is not null && x.Phone == y.Phone && Normalization.ContactNormalizer.NormalizePhone(x.Phone) == 0)
        || (x.Email is not null && string.Equals(x.Email, y.Email, StringComparison.OrdinalIgnoreCase) && Normalization.ContactNormalizer.NormalizeEmail(x.Email).Length == 0)
        || (x.SsnLast4 is not null && x.SsnLast4 == y.SsnLast4 && Normalization.ContactNormalizer.NormalizeSsnLast4(x.SsnLast4) == 0)
        || (x.BirthDate is not null && x.BirthDate == y.BirthDate && Normalization.DateNormalizer.Normalize(x.BirthDate) == 0)
        || (x.AddressLines.Count > 0 && y.AddressLines.Count > 0 && x.AddressLines[0] == y.AddressLines[0]
            && Normalization.AddressNormalizer.Normalize(x.AddressLines, null, null, null).Street.Length == 0);

    private sealed class UnionFind
    {
        private readonly int[] _parent;

        public UnionFind(int n)
        {
            _parent = new int[n];
            for (var i = 0; i < n; i++)
            {
                _parent[i] = i;
            }
        }

        private UnionFind(int[] parent)
        {
            _parent = parent;
        }

        public UnionFind Clone() => new((int[])_parent.Clone());

        public int Find(int x)
        {
            while (_parent[x] != x)
            {
                _parent[x] = _parent[_parent[x]];
                x = _parent[x];
            }

            return x;
        }

        public void Union(int a, int b)
        {
            var ra = Find(a);
            var rb = Find(b);
            if (ra != rb)
            {
                _parent[rb] = ra;
            }
        }
    }
}
