namespace Switchboard.Identity.Matching;

/// <summary>
/// Estimates a <see cref="MatchModel"/> from the records themselves: term frequencies for names, street addresses,
/// phones, e-mails and SSN-4; u probabilities from random record pairs (almost all non-matches, as in Splink's
/// <c>estimate_u_using_random_sampling</c>); m probabilities from documented priors (EM refinement is future work: see docs/identity.md). Placeholder values are detected as values shared
/// by many different surnames and scrubbed from the features.
/// </summary>
public static class MatchModelBuilder
{
    /// <summary>
    /// Prior m probabilities, [field][level], level 0 unused. They encode how often a true duplicate registration
    /// shows each level: typos, nicknames, swaps, moves, new phones, married names.
    /// </summary>
    public static double[][] PriorM() =>
    [
        [0, 0.80, 0.06, 0.05, 0.02, 0.04, 0.03],   // first: exact, nickname, typo, initial, middle-cross, different
        [0, 0.70, 0.25, 0.05],                     // middle: exact, initial, different
        [0, 0.80, 0.05, 0.07, 0.08],               // family: exact, partial, typo, different (married, swapped)
        [0, 0.90, 0.02, 0.05, 0.01, 0.02],         // birth date: exact, swap, one digit, same month-day, different
        [0, 0.97, 0.03],                           // sex
        [0, 0.55, 0.05, 0.15, 0.05, 0.20],         // address: exact, fuzzy, ZIP, city, different (moves)
        [0, 0.55, 0.45],                           // phone (several per person)
        [0, 0.60, 0.40],                           // e-mail
        [0, 0.97, 0.03],                           // SSN-4
    ];

    /// <summary>Builds the model from <paramref name="records"/> and scrubs placeholders from them in place.</summary>
    public static MatchModel Build(IReadOnlyList<PatientFeatures> records, int internedCount, int seed = 17)
    {
        ArgumentNullException.ThrowIfNull(records);
        var m = PriorM();
        var u = EstimateU(records, seed);
        var model = new MatchModel(m, u);
        DetectPlaceholders(records, model);
        foreach (var r in records)
        {
            model.Scrub(r);
        }

        var first = new double[internedCount];
        var family = new double[internedCount];
        var street = new double[internedCount];
        var email = new double[internedCount];
        var ssn = new double[10000];
        var phone = new Dictionary<long, double>();
        int nFirst = 0, nFamily = 0, nStreet = 0, nEmail = 0, nSsn = 0, nPhone = 0;
        foreach (var r in records)
        {
            if (r.FirstId != 0) { first[r.FirstId]++; nFirst++; }
            if (r.FamilyId != 0) { family[r.FamilyId]++; nFamily++; }
            if (r.StreetId != 0) { street[r.StreetId]++; nStreet++; }
            if (r.EmailId != 0) { email[r.EmailId]++; nEmail++; }
            if (r.SsnLast4 != 0) { ssn[r.SsnLast4]++; nSsn++; }
            if (r.Phone != 0) { phone[r.Phone] = phone.GetValueOrDefault(r.Phone) + 1; nPhone++; }
        }

        // A value's frequency among records overstates it by the duplicates of one person; the floor (one record in
        // the whole set) keeps singletons from getting unbounded weights.
        Normalize(first, nFirst);
        Normalize(family, nFamily);
        Normalize(street, nStreet);
        Normalize(email, nEmail);
        Normalize(ssn, nSsn, 1.0 / 10000);
        foreach (var key in phone.Keys.ToList())
        {
            phone[key] = Math.Max(phone[key] / Math.Max(nPhone, 1), 1.0 / Math.Max(nPhone, 1000));
        }

        model.SetTermFrequencies(first, family, street, email, ssn, phone);
        return model;
    }

    private static void Normalize(double[] counts, int n, double floor = 0)
    {
        var denominator = Math.Max(n, 1000);
        floor = Math.Max(floor, 1.0 / denominator);
        for (var i = 0; i < counts.Length; i++)
        {
            if (counts[i] > 0)
            {
                counts[i] = Math.Max(counts[i] / denominator, floor);
            }
        }
    }

    private static double[][] EstimateU(IReadOnlyList<PatientFeatures> records, int seed)
    {
        var counts = new double[Levels.Count.Length][];
        for (var f = 0; f < counts.Length; f++)
        {
            counts[f] = new double[Levels.Count[f]];
        }

        var n = records.Count;
        var samples = n < 2 ? 0 : Math.Min(400_000, n * 20);
        var rng = new Random(seed);
        for (var i = 0; i < samples; i++)
        {
            var a = records[rng.Next(n)];
            var b = records[rng.Next(n)];
            if (ReferenceEquals(a, b))
            {
                continue;
            }

            var v = PairComparer.Compare(a, b);
            for (var f = 0; f < counts.Length; f++)
            {
                counts[f][v[(ComparisonField)f]]++;
            }
        }

        // Smoothed proportions among non-missing comparisons, with defaults when the data has too few.
        var defaults = new double[][]
        {
            [0, 0.002, 0.002, 0.004, 0.03, 0.0005, 0.96],
            [0, 0.05, 0.08, 0.87],
            [0, 0.002, 0.0005, 0.003, 0.99],
            [0, 0.00004, 0.00002, 0.0004, 0.0025, 0.997],
            [0, 0.5, 0.5],
            [0, 0.00005, 0.0001, 0.01, 0.02, 0.97],
            [0, 0.00002, 0.99998],
            [0, 0.00001, 0.99999],
            [0, 0.0001, 0.9999],
        };
        var u = new double[counts.Length][];
        for (var f = 0; f < counts.Length; f++)
        {
            var total = counts[f].Skip(1).Sum();
            u[f] = new double[counts[f].Length];
            for (var l = 1; l < counts[f].Length; l++)
            {
                // Bayesian blend: the default acts as 2,000 pseudo-observations.
                const double Prior = 2000;
                u[f][l] = (counts[f][l] + (Prior * defaults[f][l])) / (total + Prior);
            }
        }

        return u;
    }

    private static void DetectPlaceholders(IReadOnlyList<PatientFeatures> records, MatchModel model)
    {
        var n = records.Count;
        var phones = new Dictionary<long, HashSet<int>>();
        var emails = new Dictionary<int, HashSet<int>>();
        var streets = new Dictionary<int, HashSet<int>>();
        var ssns = new Dictionary<int, HashSet<int>>();
        var dates = new Dictionary<int, HashSet<int>>();
        foreach (var r in records)
        {
            var who = r.FamilyId ^ (r.FirstId * 7919);
            Add(phones, r.Phone, who);
            Add(emails, r.EmailId, who);
            Add(streets, r.StreetId, who);
            Add(ssns, r.SsnLast4, who);
            Add(dates, r.BirthDate, who);
        }

        // Distinct people (first+family) sharing one value, far beyond what households, twins or chance explain.
        Collect(phones, 12, model.PlaceholderPhones);
        Collect(emails, 12, model.PlaceholderEmails);
        Collect(streets, 40, model.PlaceholderStreets);
        Collect(ssns, 12 + (int)(4.0 * n / 10000), model.PlaceholderSsn);
        Collect(dates, 12 + (int)(6.0 * n / (365.0 * 90)), model.PlaceholderBirthDates);
    }

    private static void Add<TKey>(Dictionary<TKey, HashSet<int>> map, TKey key, int who)
        where TKey : notnull
    {
        if (EqualityComparer<TKey>.Default.Equals(key, default!))
        {
            return;
        }

        if (!map.TryGetValue(key, out var set))
        {
            map[key] = set = [];
        }

        if (set.Count < 1000)
        {
            set.Add(who);
        }
    }

    private static void Collect<TKey>(Dictionary<TKey, HashSet<int>> map, int threshold, HashSet<TKey> into)
        where TKey : notnull
    {
        foreach (var (key, set) in map)
        {
            if (set.Count >= threshold)
            {
                into.Add(key);
            }
        }
    }
}
