namespace Switchboard.Identity.Matching;

/// <summary>
/// The in-memory candidate index: holds indexed records' features and multi-pass blocking postings, and scores an
/// incoming record against every record sharing at least one blocking key. Not thread-safe.
/// </summary>
/// <remarks>
/// Blocking passes (each a hash key; a record is a candidate when any key is shared):
/// birth date; family Soundex + birth year; first + family Soundex (also queried swapped); nickname group + family
/// Soundex; middle-as-first + family Soundex; phone; e-mail; street address; SSN-4 + first-name Soundex.
/// A pass whose posting list grows past <see cref="MaxBlockSize"/> is scanned for its most recent entries only.
/// </remarks>
public sealed class PatientMatcher
{
    private const int MaxKeys = 24;
    private readonly List<PatientFeatures> _records = [];
    private readonly Dictionary<long, List<int>> _postings = [];
    private int[] _stamp = new int[1024];
    private int _currentStamp;

    public PatientMatcher(MatchModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Model = model;
    }

    public MatchModel Model { get; }

    public int MaxBlockSize { get; init; } = 2000;

    public int Count => _records.Count;

    /// <summary>Pairs compared so far.</summary>
    public long Comparisons { get; private set; }

    public PatientFeatures this[int index] => _records[index];

    /// <summary>Adds <paramref name="features"/> to the index and returns its position.</summary>
    public int Add(PatientFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var index = _records.Count;
        _records.Add(features);
        Span<long> keys = stackalloc long[MaxKeys];
        var n = InsertKeys(features, keys);
        for (var i = 0; i < n; i++)
        {
            if (!_postings.TryGetValue(keys[i], out var list))
            {
                _postings[keys[i]] = list = new List<int>(2);
            }

            if (list.Count == 0 || list[^1] != index)
            {
                list.Add(index);
            }
        }

        return index;
    }

    /// <summary>
    /// Scores <paramref name="features"/> against every blocked candidate and appends those scoring at least
    /// <paramref name="minScore"/> to <paramref name="results"/>.
    /// </summary>
    public void FindCandidates(PatientFeatures features, float minScore, List<ScoredCandidate> results)
    {
        ArgumentNullException.ThrowIfNull(features);
        ArgumentNullException.ThrowIfNull(results);
        if (_stamp.Length < _records.Count)
        {
            Array.Resize(ref _stamp, Math.Max(_records.Count, _stamp.Length * 2));
        }

        _currentStamp++;
        Span<long> keys = stackalloc long[MaxKeys];
        var n = QueryKeys(features, keys);
        for (var k = 0; k < n; k++)
        {
            if (!_postings.TryGetValue(keys[k], out var list))
            {
                continue;
            }

            var start = Math.Max(0, list.Count - MaxBlockSize);
            for (var i = start; i < list.Count; i++)
            {
                var index = list[i];
                if (_stamp[index] == _currentStamp)
                {
                    continue;
                }

                _stamp[index] = _currentStamp;
                var other = _records[index];
                var v = PairComparer.Compare(features, other);
                var score = Model.Score(features, other, v);
                Comparisons++;
                if (score >= minScore)
                {
                    results.Add(new ScoredCandidate(index, score, PairComparer.Guards(features, other, v), v));
                }
            }
        }
    }

    private static int InsertKeys(PatientFeatures f, Span<long> keys)
    {
        var n = CommonKeys(f, keys);
        if (f.MiddleSoundex != 0 && f.FamilySoundex != 0)
        {
            keys[n++] = Key(9, f.MiddleSoundex, f.FamilySoundex);
        }

        return n;
    }

    private static int QueryKeys(PatientFeatures f, Span<long> keys)
    {
        var n = CommonKeys(f, keys);
        if (f.FirstSoundex != 0 && f.FamilySoundex != 0)
        {
            keys[n++] = Key(3, f.FamilySoundex, f.FirstSoundex); // first/last swapped
            keys[n++] = Key(9, f.FirstSoundex, f.FamilySoundex); // my first is their middle
        }

        if (f.MiddleSoundex != 0 && f.FamilySoundex != 0)
        {
            keys[n++] = Key(3, f.MiddleSoundex, f.FamilySoundex); // my middle is their first
        }

        return n;
    }

    private static int CommonKeys(PatientFeatures f, Span<long> keys)
    {
        var n = 0;
        if (f.BirthDate != 0)
        {
            keys[n++] = Key(1, f.BirthDate, 0);
            if (f.FamilySoundex != 0)
            {
                keys[n++] = Key(2, f.FamilySoundex, f.BirthDate / 10000);
            }
        }

        if (f.FirstSoundex != 0 && f.FamilySoundex != 0)
        {
            keys[n++] = Key(3, f.FirstSoundex, f.FamilySoundex);
        }

        if (f.FamilySoundex != 0)
        {
            foreach (var g in f.FirstGroups)
            {
                if (n < MaxKeys - 8)
                {
                    keys[n++] = Key(4, g, f.FamilySoundex);
                }
            }
        }

        if (f.Phone != 0)
        {
            keys[n++] = Key(5, (int)(f.Phone % 1_000_000_000), (int)(f.Phone / 1_000_000_000));
        }

        if (f.EmailId != 0)
        {
            keys[n++] = Key(6, f.EmailId, 0);
        }

        if (f.StreetId != 0)
        {
            keys[n++] = Key(7, f.StreetId, 0);
        }

        if (f.SsnLast4 != 0 && f.FirstSoundex != 0)
        {
            keys[n++] = Key(8, f.SsnLast4, f.FirstSoundex);
        }

        return n;
    }

    private static long Key(int pass, int x, int y) => ((long)pass << 58) ^ ((long)(uint)x << 26) ^ (uint)y;
}
