namespace Switchboard.Identity.Matching;

/// <summary>
/// The matcher for the online service: registrations arrive one at a time and are linked as
/// <see cref="StreamingLinker"/> links a file. Thread-safe (one lock around the extractor, matcher and linker,
/// which are not); a match takes tens of microseconds, so the lock is not the bottleneck of an HTTP call.
/// </summary>
/// <remarks>
/// Held in memory: a process restart starts empty, and charts already linked in the store are still resolved by
/// (source system, MRN). Warming it from the FHIR server's Patients at start is the next step (docs/identity.md).
/// </remarks>
public sealed class OnlinePatientIndex
{
    private readonly Lock _gate = new();
    private readonly FeatureExtractor _extractor = new();
    private readonly StreamingLinker _linker;
    private readonly List<ScoredCandidate> _candidates = [];

    /// <param name="model">The model; by default priors and default u values (no data yet).</param>
    public OnlinePatientIndex(MatchModel? model = null)
    {
        _linker = new StreamingLinker(new PatientMatcher(model ?? MatchModelBuilder.Build([], 1)));
    }

    public MatchModel Model => _linker.Matcher.Model;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _linker.Matcher.Count;
            }
        }
    }

    /// <summary>Scores <paramref name="registration"/> against the index without adding it: best first, one per identity.</summary>
    public IReadOnlyList<IdentityCandidate> Match(PatientRegistration registration, int max)
    {
        ArgumentNullException.ThrowIfNull(registration);
        lock (_gate)
        {
            var features = _extractor.Extract(registration);
            Model.Scrub(features);
            _candidates.Clear();
            _linker.Matcher.FindCandidates(features, (float)Model.ReviewThreshold, _candidates);
            var result = new List<IdentityCandidate>();
            foreach (var best in _candidates.GroupBy(c => _linker.ClusterOf(c.Index)).Select(g => g.MaxBy(c => c.Score))
                .OrderByDescending(c => c.Score).ThenBy(c => c.Index).Take(Math.Max(max, 0)))
            {
                var cluster = _linker.MembersOf(best.Index).Select(i => _linker.Matcher[i].Key).Distinct().ToList();
                cluster.Remove(_linker.Matcher[best.Index].Key);
                cluster.Insert(0, _linker.Matcher[best.Index].Key);
                result.Add(new IdentityCandidate(_linker.Matcher[best.Index].Key, cluster, best.Score, Grade(best), best.Guards));
            }

            return result;
        }
    }

    /// <summary>Adds <paramref name="registration"/> to the index and links it (auto, review or new).</summary>
    public LinkOutcome Add(PatientRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        lock (_gate)
        {
            var features = _extractor.Extract(registration);
            Model.Scrub(features);
            var before = _linker.Decisions.Count;
            var index = _linker.Process(features);
            PairDecision? review = null;
            for (var i = before; i < _linker.Decisions.Count; i++)
            {
                var d = _linker.Decisions[i];
                if (d.B != index)
                {
                    continue;
                }

                if (d.Kind == PairDecisionKind.Match)
                {
                    return new LinkOutcome(LinkOutcomeKind.Auto, _linker.Matcher[d.A].Key, d.Score, d.Rule);
                }

                review ??= d;
            }

            return review is { } r
                ? new LinkOutcome(LinkOutcomeKind.Review, _linker.Matcher[r.A].Key, r.Score, r.Rule)
                : new LinkOutcome(LinkOutcomeKind.New, null, 0, LinkRules.NoMatch);
        }
    }

    private MatchGrade Grade(ScoredCandidate c)
    {
        var uncorroborated = (c.Guards & (GuardFlags.NoCorroboration | GuardFlags.MissingBirthDate)) != 0;
        var bar = Model.AutoLinkThreshold + (uncorroborated ? Model.UncorroboratedMargin : 0);
        return c.Score < Model.AutoLinkThreshold ? MatchGrade.Possible
            : c.Score >= bar && (c.Guards & GuardFlags.BlocksAutoLink) == 0 ? MatchGrade.Certain
            : MatchGrade.Probable;
    }
}
