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
    private readonly HashSet<int> _corroboratedClusters = [];
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
        _matcher.FindCandidates(features, (float)(model.ReviewThreshold - model.EvidenceBand), _candidates);
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
        _corroboratedClusters.Clear();
        foreach (var c in _candidates)
        {
            var root = Find(c.Index);
            if (!_bestByCluster.TryGetValue(root, out var best) || c.Score > best.Score)
            {
                _bestByCluster[root] = c;
            }

            if ((c.Guards & (GuardFlags.NoCorroboration | GuardFlags.BlocksAutoLink | GuardFlags.Contradiction)) == 0)
            {
                _corroboratedClusters.Add(root);
            }
        }

        var reviews = 0;
        var ranked = _bestByCluster.Values.Where(c => c.Score >= model.ReviewThreshold)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Index).ToList();
        var ambiguous = IsAmbiguous(features, ranked);
        foreach (var best in ranked)
        {
            var root = Find(best.Index);
            if (root == Find(index))
            {
                continue;
            }

            // Cluster-level evidence: a weaker pair with another member that agrees on address, phone, e-mail or
            // SSN-4 (and contradicts nothing) corroborates the best pair's name-and-birth-date agreement.
            var guards = best.Guards;
            if ((guards & GuardFlags.NoCorroboration) != 0 && _corroboratedClusters.Contains(root))
            {
                guards &= ~(GuardFlags.NoCorroboration | GuardFlags.Contradiction);
            }

            var uncorroborated = (guards & GuardFlags.NoCorroboration) != 0;
            var noDate = (guards & GuardFlags.MissingBirthDate) != 0;
            var autoScore = !uncorroborated && !noDate ? model.AutoLinkThreshold
                : uncorroborated && ((guards & GuardFlags.Contradiction) != 0 || ambiguous || noDate) ? double.PositiveInfinity
                : model.AutoLinkThreshold + model.UncorroboratedMargin;
            string rule;
            if (best.Score >= autoScore && (guards & GuardFlags.BlocksAutoLink) == 0)
            {
                if (!ConflictsWithCluster(index, best.Index, uncorroborated))
                {
                    _decisions.Add(new PairDecision(best.Index, index, PairDecisionKind.Match, best.Score, LinkRules.ProbabilisticAuto, guards));
                    Union(best.Index, index);
                    continue;
                }

                rule = LinkRules.ClusterConflictReview;
            }
            else
            {
                rule = best.Score >= autoScore ? LinkRules.GuardedReview : LinkRules.ProbabilisticReview;
            }

            if (reviews < MaxReviewsPerRecord && WorthReview(best.Score, guards, model))
            {
                reviews++;
                _decisions.Add(new PairDecision(best.Index, index, PairDecisionKind.Review, best.Score, rule, guards));
            }
        }

        return index;
    }

    /// <summary>The cluster (enterprise) representative of a record: the smallest index in its cluster.</summary>
    public int ClusterOf(int index) => _members[Find(index)].Min();

    public bool SameCluster(int a, int b) => Find(a) == Find(b);

    /// <summary>The records in the cluster of <paramref name="index"/>.</summary>
    public IReadOnlyList<int> MembersOf(int index) => _members[Find(index)];

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

    /// <summary>
    /// Whether a pair that was not linked deserves a human: pairs that a hard-negative guard marks as two people
    /// (Jr/Sr, twins of opposite sex, different SSN-4 or birth dates) almost never are one, and queueing them would
    /// bury the reviewers; name-and-birth-date agreement against a contradicting address or phone needs a margin.
    /// </summary>
    private static bool WorthReview(float score, GuardFlags guards, MatchModel model)
    {
        const GuardFlags Hard = GuardFlags.SuffixConflict | GuardFlags.BirthDateConflict | GuardFlags.SsnConflict | GuardFlags.SexConflict;
        if ((guards & Hard) != 0)
        {
            return false;
        }

        if ((guards & GuardFlags.FirstNameConflict) != 0)
        {
            return (guards & GuardFlags.Contradiction) == 0 && score >= model.ReviewThreshold + model.ConflictReviewMargin;
        }

        if ((guards & (GuardFlags.NoCorroboration | GuardFlags.Contradiction)) == (GuardFlags.NoCorroboration | GuardFlags.Contradiction))
        {
            return score >= model.ReviewThreshold + model.ContradictedReviewMargin;
        }

        return true;
    }

    private bool ConflictsWithCluster(int incoming, int member, bool uncorroborated)
    {
        var f = _matcher[incoming];
        foreach (var m in _members[Find(member)])
        {
            var other = _matcher[m];
            var v = PairComparer.Compare(f, other);
            const GuardFlags Hard = GuardFlags.SuffixConflict | GuardFlags.BirthDateConflict | GuardFlags.FirstNameConflict
                | GuardFlags.SsnConflict | GuardFlags.SexConflict;
            var g = PairComparer.Guards(f, other, v);
            if ((g & Hard) != 0)
            {
                return true;
            }

            // A link resting on name and birth date alone must not pull the record into a cluster whose other
            // members it contradicts (another address and phone): that is how a same-name stranger's chart grows.
            if (uncorroborated && (g & GuardFlags.Contradiction) != 0 && (g & GuardFlags.NoCorroboration) != 0)
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
