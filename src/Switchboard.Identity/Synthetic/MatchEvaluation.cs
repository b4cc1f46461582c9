namespace Switchboard.Identity.Synthetic;

/// <summary>Pairwise quality of a resolution against the truth, after transitive closure.</summary>
public sealed record MatchEvaluation(
    int Records,
    long TruePairs,
    long LinkedPairs,
    long TruePositives,
    double Precision,
    double Recall,
    double F1,
    double RecallExcludingSameChart,
    double RecallWithReview,
    int ReviewPairs,
    double ReviewPer100Records,
    IReadOnlyDictionary<HardNegativeKind, long> FalseMergePairsByKind)
{
    public long FalseMergePairs => LinkedPairs - TruePositives;

    public override string ToString() =>
        $"records={Records} truePairs={TruePairs} linked={LinkedPairs} precision={Precision:F5} recall={Recall:F4} " +
        $"f1={F1:F4} recallOtherCharts={RecallExcludingSameChart:F4} recallWithReview={RecallWithReview:F4} " +
        $"review={ReviewPairs} ({ReviewPer100Records:F2}/100) falseMerges=" +
        string.Join(",", FalseMergePairsByKind.Where(k => k.Value > 0).Select(k => $"{k.Key}:{k.Value}"));
}
