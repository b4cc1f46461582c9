using BenchmarkDotNet.Attributes;
using Switchboard.Identity.Matching;
using Switchboard.Identity.Synthetic;

namespace Switchboard.Benchmarks.Identity;

/// <summary>
/// Candidate comparisons per second (compare + score + guards of one pair), and one incoming record against a
/// 100,000-record index (blocking, scoring, linking).
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private const int PairsPerInvoke = 10_000;
    private PatientFeatures[] _left = [];
    private PatientFeatures[] _right = [];
    private MatchModel _model = null!;
    private PatientMatcher _index = null!;
    private PatientFeatures[] _probes = [];
    private readonly List<ScoredCandidate> _results = [];
    private int _probe;

    [GlobalSetup]
    public void Setup()
    {
        var dataset = new SyntheticRegistrationGenerator(3).Generate(101_000);
        var extractor = new FeatureExtractor();
        var features = dataset.Records.Select(r => extractor.Extract(r.Registration)).ToArray();
        _model = MatchModelBuilder.Build(features, extractor.InternedCount);
        var rng = new Random(5);
        // Candidate-like pairs: same birth date or same family name, as blocking produces.
        var byDate = features.Where(f => f.BirthDate != 0).GroupBy(f => f.BirthDate).Where(g => g.Count() > 1).ToArray();
        _left = new PatientFeatures[PairsPerInvoke];
        _right = new PatientFeatures[PairsPerInvoke];
        for (var i = 0; i < PairsPerInvoke; i++)
        {
            var g = byDate[rng.Next(byDate.Length)].ToArray();
            _left[i] = g[0];
            _right[i] = g[1];
        }

        _index = new PatientMatcher(_model);
        foreach (var f in features.Take(100_000))
        {
            _index.Add(f);
        }

        _probes = features.Skip(100_000).ToArray();
    }

    /// <summary>10,000 comparisons per invocation: divide the mean time by 10,000 for one.</summary>
    [Benchmark(OperationsPerInvoke = PairsPerInvoke)]
    public float CompareAndScore()
    {
        float total = 0;
        for (var i = 0; i < _left.Length; i++)
        {
            var v = PairComparer.Compare(_left[i], _right[i]);
            total += _model.Score(_left[i], _right[i], v);
            if ((PairComparer.Guards(_left[i], _right[i], v) & GuardFlags.BlocksAutoLink) != 0)
            {
                total -= 1;
            }
        }

        return total;
    }

    /// <summary>One incoming record against the 100,000-record index (not added, so the index stays the same).</summary>
    [Benchmark]
    public int MatchOneAgainst100kIndex()
    {
        _results.Clear();
        _index.FindCandidates(_probes[_probe++ % _probes.Length], (float)_model.ReviewThreshold, _results);
        return _results.Count;
    }
}
