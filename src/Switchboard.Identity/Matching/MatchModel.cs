namespace Switchboard.Identity.Matching;

/// <summary>
/// Fellegi–Sunter parameters: per field and level the probability of the level among true matches (m) and among
/// non-matches (u); the match weight of a level is log2(m/u). Exact agreement on names, street address, phone,
/// e-mail and SSN-4 is term-frequency adjusted: u is the value's own frequency in the data, so SMITH counts for
/// less than a rare surname and a phone shared by a household counts for less than a personal one.
/// Values shared by far more unrelated people than chance allows (undeclared placeholders) are scrubbed.
/// </summary>
public sealed class MatchModel
{
    private const double MinU = 1e-7;
    private readonly float[][] _weights;
    private float[] _firstExact = [];
    private float[] _familyExact = [];
    private float[] _streetExact = [];
    private float[] _emailExact = [];
    private float[] _ssnExact = [];
    private Dictionary<long, float> _phoneExact = [];

    internal MatchModel(double[][] m, double[][] u)
    {
        M = m;
        U = u;
        _weights = new float[m.Length][];
        for (var f = 0; f < m.Length; f++)
        {
            _weights[f] = new float[m[f].Length];
            for (var l = 1; l < m[f].Length; l++)
            {
                _weights[f][l] = (float)Math.Log2(m[f][l] / Math.Max(u[f][l], MinU));
            }
        }
    }

    /// <summary>m probabilities, [field][level].</summary>
    public double[][] M { get; }

    /// <summary>u probabilities, [field][level] (exact levels of TF-adjusted fields use the value's frequency).</summary>
    public double[][] U { get; }

    /// <summary>Score at or above which a pair without blocking guards is linked automatically.</summary>
    public double AutoLinkThreshold { get; set; } = 22;

    /// <summary>Extra score required for an automatic link when nothing but name, sex and birth date agrees.</summary>
    public double UncorroboratedMargin { get; set; } = 10;

    /// <summary>Score at or above which a pair is queued for review.</summary>
    public double ReviewThreshold { get; set; } = 20;

    /// <summary>
    /// How far below <see cref="ReviewThreshold"/> candidates are still scored for cluster-level evidence: a weaker
    /// pair with another member of the cluster can corroborate the best pair (it agrees on address, phone ...).
    /// </summary>
    public double EvidenceBand { get; set; } = 8;

    /// <summary>Extra score required to queue a pair whose first names conflict (twins, siblings) for review.</summary>
    public double ConflictReviewMargin { get; set; } = 4;

    /// <summary>Extra score required to queue a name-and-birth-date pair that another address or phone contradicts.</summary>
    public double ContradictedReviewMargin { get; set; } = 2;

    internal HashSet<long> PlaceholderPhones { get; } = [];
    internal HashSet<int> PlaceholderEmails { get; } = [];
    internal HashSet<int> PlaceholderStreets { get; } = [];
    internal HashSet<int> PlaceholderSsn { get; } = [];
    internal HashSet<int> PlaceholderBirthDates { get; } = [];

    /// <summary>The weight of <paramref name="level"/> on <paramref name="field"/>, without term-frequency adjustment.</summary>
    public double Weight(ComparisonField field, byte level) => _weights[(int)field][level];

    /// <summary>The match weight of the pair: the sum of its level weights (log2 Bayes factor).</summary>
    public float Score(PatientFeatures a, PatientFeatures b, in ComparisonVector v)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        float s = 0;
        s += v.First == Levels.FirstExact ? Exact(_firstExact, a.FirstId, ComparisonField.First) - (v.Swapped ? 1f : 0f)
            : _weights[(int)ComparisonField.First][v.First];
        s += v.Family == Levels.FamilyExact ? Exact(_familyExact, a.FamilyId, ComparisonField.Family)
            : _weights[(int)ComparisonField.Family][v.Family];
        s += _weights[(int)ComparisonField.Middle][v.Middle];
        s += _weights[(int)ComparisonField.BirthDate][v.BirthDate];
        s += _weights[(int)ComparisonField.Sex][v.Sex];
        s += v.Address == Levels.AddressExact ? Exact(_streetExact, a.StreetId, ComparisonField.Address)
            : _weights[(int)ComparisonField.Address][v.Address];
        s += v.Phone == Levels.Agree
            ? _phoneExact.TryGetValue(a.Phone, out var pw) ? pw : _weights[(int)ComparisonField.Phone][Levels.Agree]
            : _weights[(int)ComparisonField.Phone][v.Phone];
        s += v.Email == Levels.Agree ? Exact(_emailExact, a.EmailId, ComparisonField.Email) : _weights[(int)ComparisonField.Email][v.Email];
        s += v.Ssn == Levels.Agree ? Exact(_ssnExact, a.SsnLast4, ComparisonField.Ssn) : _weights[(int)ComparisonField.Ssn][v.Ssn];
        return s;
    }

    /// <summary>Clears values this model found to be placeholders (shared by too many unrelated people).</summary>
    public void Scrub(PatientFeatures features)
    {
        ArgumentNullException.ThrowIfNull(features);
        if (features.Phone != 0 && PlaceholderPhones.Contains(features.Phone))
        {
            features.Phone = 0;
        }

        if (features.EmailId != 0 && PlaceholderEmails.Contains(features.EmailId))
        {
            features.EmailId = 0;
        }

        if (features.StreetId != 0 && PlaceholderStreets.Contains(features.StreetId))
        {
            features.StreetId = 0;
        }

        if (features.SsnLast4 != 0 && PlaceholderSsn.Contains(features.SsnLast4))
        {
            features.SsnLast4 = 0;
        }

        if (features.BirthDate != 0 && PlaceholderBirthDates.Contains(features.BirthDate))
        {
            features.BirthDate = 0;
        }
    }

    internal void SetTermFrequencies(double[] first, double[] family, double[] street, double[] email, double[] ssn, Dictionary<long, double> phone)
    {
        _firstExact = ToWeights(first, ComparisonField.First);
        _familyExact = ToWeights(family, ComparisonField.Family);
        _streetExact = ToWeights(street, ComparisonField.Address);
        _emailExact = ToWeights(email, ComparisonField.Email);
        _ssnExact = ToWeights(ssn, ComparisonField.Ssn);
        var m = M[(int)ComparisonField.Phone][Levels.Agree];
        _phoneExact = phone.ToDictionary(p => p.Key, p => (float)Math.Log2(m / Math.Max(p.Value, MinU)));
    }

    private float[] ToWeights(double[] tf, ComparisonField field)
    {
        var m = M[(int)field][1];
        var floor = U[(int)field][1];
        var w = new float[tf.Length];
        for (var i = 0; i < tf.Length; i++)
        {
            w[i] = tf[i] > 0 ? (float)Math.Log2(m / Math.Max(tf[i], MinU)) : (float)Math.Log2(m / Math.Max(floor, MinU));
        }

        return w;
    }

    private float Exact(float[] table, int id, ComparisonField field) =>
        (uint)id < (uint)table.Length ? table[id] : _weights[(int)field][1];
}
