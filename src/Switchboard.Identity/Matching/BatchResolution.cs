using System.Diagnostics;

namespace Switchboard.Identity.Matching;

/// <summary>
/// Resolves a whole file of registrations as an arriving stream: normalizes every record once, estimates the model
/// from the file (term frequencies, u probabilities, placeholders), then links each record against those before it.
/// </summary>
public sealed class BatchResolution
{
    private BatchResolution(IReadOnlyList<PatientFeatures> features, StreamingLinker linker, TimeSpan elapsed)
    {
        Features = features;
        Linker = linker;
        Elapsed = elapsed;
    }

    public IReadOnlyList<PatientFeatures> Features { get; }

    public StreamingLinker Linker { get; }

    public TimeSpan Elapsed { get; }

    public long Comparisons => Linker.Matcher.Comparisons;

    /// <summary>Match and review decisions, review pairs whose records ended in one cluster dropped.</summary>
    public IEnumerable<PairDecision> Decisions =>
        Linker.Decisions.Where(d => d.Kind == PairDecisionKind.Match || !Linker.SameCluster(d.A, d.B));

    /// <summary>Cluster representative (smallest record position in the cluster) per record position.</summary>
    public int[] Clusters()
    {
        var clusters = new int[Features.Count];
        for (var i = 0; i < clusters.Length; i++)
        {
            clusters[i] = Linker.ClusterOf(i);
        }

        return clusters;
    }

    public static BatchResolution Run(IReadOnlyList<PatientRegistration> registrations, Action<MatchModel>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(registrations);
        var stopwatch = Stopwatch.StartNew();
        var extractor = new FeatureExtractor();
        var features = new PatientFeatures[registrations.Count];
        for (var i = 0; i < features.Length; i++)
        {
            features[i] = extractor.Extract(registrations[i]);
        }

        var model = MatchModelBuilder.Build(features, extractor.InternedCount);
        configure?.Invoke(model);
        var linker = new StreamingLinker(new PatientMatcher(model));
        foreach (var f in features)
        {
            linker.Process(f);
        }

        return new BatchResolution(features, linker, stopwatch.Elapsed);
    }
}
