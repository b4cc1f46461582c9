namespace Switchboard.Identity.Matching;

/// <summary>
/// Resolves registrations as an arriving stream: each record is matched against the records before it, linked to
/// the clusters it auto-matches (union-find, so clusters merge when a record bridges them), or queued for review.
/// The same (source system, MRN) always joins the same cluster. A record joins a cluster only when it conflicts
/// with none of its members (no Jr/Sr, twin, birth-date or SSN conflict): chains cannot drag a false merge in.
/// </summary>
public sealed class StreamingLinker
{
    private readonly PatientMatcher _matcher;
    private readonly Dictionary<SourceRecordKey, int> _chart = [];
    private readonly List<int> _parent = [];
    private readonly List<List<int>> _members = [];
    private readonly List<ScoredCandidate> _candidates = [];
    private readonly Dictionary<int, ScoredCandidate> _bestByCluster = [];
    private readonly List<PairDecision> _decisions = [];

    public StreamingLinker(PatientMatcher matcher)
    {
        ArgumentNullException.ThrowIfNull(matcher);
        _matcher = matcher;
    }

    public PatientMatcher Matcher => _matcher;

    /// <summary>Match and review decisions so far, in arrival order.</summary>
    public IReadOnlyList<PairDecision> Decisions => _decisions;

    /// <summary>At most this many review items per incoming record (the best-scoring clusters).</summary>
    public int MaxReviewsPerRecord { get; init; } = 2;

    /// <summary>Matches <paramref name="features"/> against the records before it, adds it, and links it.</summary>
    /// <returns>The record's index.</returns>
    public int Process(PatientFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var model = _matcher.Model;
        _candidates.Clear();
        _matcher.FindCandidates(features, (float)model.ReviewThreshold, _candidates);
        var index = _matcher.Add(features);
        _parent.Add(index);
        _members.Add([index]);

        if (_chart.TryGetValue(features.Key, out var sameChart))
        {
            var v = PairComparer.Compare(_matcher[sameChart], features);
            _decisions.Add(new PairDecision(sameChart, index, PairDecisionKind.Match, model.Score(_matcher[sameChart], features, v),
                LinkRules.SameSourceRecord, GuardFlags.None));
            Union(sameChart, index);
        }
        else
        {
            _chart[features.Key] = index;
        }

        _bestByCluster.Clear();
        foreach (var c in _candidates)
        {
            var root = Find(c.Index);
            if (!_bestByCluster.TryGetValue(root, out var best) || c.Score > best.Score)
            {
                _bestByCluster[root] = c;
            }
        }

        var reviews = 0;
        var ranked = _bestByCluster.Values.OrderByDescending(c => c.Score).ThenBy(c => c.Index).ToList();
        var ambiguous = IsAmbiguous(features, ranked);
        foreach (var best in ranked)
        {
            if (Find(best.Index) == Find(index))
            {
                continue;
            }

            // Name and birth date alone: link only when nothing contradicts and no other cluster is a candidate too.
            // Without a birth date: only with corroboration, and with a margin.
            var uncorroborated = (best.Guards & GuardFlags.NoCorroboration) != 0;
            var noDate = (best.Guards & GuardFlags.MissingBirthDate) != 0;
            var autoScore = !uncorroborated && !noDate ? model.AutoLinkThreshold
                : uncorroborated && ((best.Guards & GuardFlags.Contradiction) != 0 || ambiguous || noDate) ? double.PositiveInfinity
                : model.AutoLinkThreshold + model.UncorroboratedMargin;
            string rule;
            if (best.Score >= autoScore && (best.Guards & GuardFlags.BlocksAutoLink) == 0)
            {
                if (!ConflictsWithCluster(index, best.Index))
                {
                    _decisions.Add(new PairDecision(best.Index, index, PairDecisionKind.Match, best.Score, LinkRules.ProbabilisticAuto, best.Guards));
                    Union(best.Index, index);
                    continue;
                }

                rule = LinkRules.ClusterConflictReview;
            }
            else
            {
                rule = best.Score >= autoScore ? LinkRules.GuardedReview : LinkRules.ProbabilisticReview;
            }

            if (reviews < MaxReviewsPerRecord)
            {
                reviews++;
                _decisions.Add(new PairDecision(best.Index, index, PairDecisionKind.Review, best.Score, rule, best.Guards));
            }
        }

        return index;
    }

    /// <summary>The cluster (enterprise) representative of a record: the smallest index in its cluster.</summary>
    public int ClusterOf(int index) => _members[Find(index)].Min();

    public bool SameCluster(int a, int b) => Find(a) == Find(b);

    /// <summary>Two candidate clusters for the record that cannot be the same person (their best records conflict).</summary>
    private bool IsAmbiguous(PatientFeatures incoming, List<ScoredCandidate> ranked)
    {
        const GuardFlags Hard = GuardFlags.SuffixConflict | GuardFlags.BirthDateConflict | GuardFlags.FirstNameConflict
            | GuardFlags.SsnConflict | GuardFlags.SexConflict | GuardFlags.Contradiction;
        for (var i = 1; i < ranked.Count; i++)
        {
            var a = _matcher[ranked[0].Index];
            var b = _matcher[ranked[i].Index];
            var v = PairComparer.Compare(a, b);
            if ((PairComparer.Guards(a, b, v) & Hard) != 0 && !ReferenceEquals(a, incoming))
            {
                return true;
            }
        }

        return false;
    }

    private bool ConflictsWithCluster(int incoming, int member)
    {
        var f = _matcher[incoming];
        foreach (var m in _members[Find(member)])
        {
            var other = _matcher[m];
            var v = PairComparer.Compare(f, other);
            const GuardFlags Hard = GuardFlags.SuffixConflict | GuardFlags.BirthDateConflict | GuardFlags.FirstNameConflict
                | GuardFlags.SsnConflict | GuardFlags.SexConflict;
            if ((PairComparer.Guards(f, other, v) & Hard) != 0)
            {
                return true;
            }
        }

        return false;
    }

    private int Find(int x)
    {
        while (_parent[x] != x)
        {
            _parent[x] = _parent[_parent[x]];
            x = _parent[x];
        }

        return x;
    }

    private void Union(int a, int b)
    {
        var ra = Find(a);
        var rb = Find(b);
        if (ra == rb)
        {
            return;
        }

        if (_members[ra].Count < _members[rb].Count)
        {
            (ra, rb) = (rb, ra);
        }

        _parent[rb] = ra;
        _members[ra].AddRange(_members[rb]);
        _members[rb] = [];
    }
}
