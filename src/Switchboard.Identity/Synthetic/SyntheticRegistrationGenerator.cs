using System.Globalization;
using System.Text;

namespace Switchboard.Identity.Synthetic;

/// <summary>
/// Deterministic (by seed) synthetic registrations with known truth, built to exercise every error and hard negative
/// in the matching contract: typos, nicknames, middle-name use, first/last swaps, married/hyphenated/two-part
/// surnames, suffix placement, birth-date swaps and one-digit errors, moves, several phones and e-mails, format
/// variants, placeholders, duplicate charts; twins, Jr/Sr, households, common names, same name and birth date.
/// </summary>
public sealed class SyntheticRegistrationGenerator
{
    private static readonly (string Name, double Ssn, double Address, double Phone, double Email, double Typo)[] Sources =
    [
        ("MERCY-ADT", 0.6, 0.95, 0.9, 0.4, 1.0),
        ("RIVERSIDE-ADT", 0.4, 0.95, 0.9, 0.3, 1.0),
        ("NORTHSIDE-FHIR", 0.0, 0.9, 0.85, 0.8, 0.7),
        ("QUEST-LAB", 0.0, 0.3, 0.5, 0.0, 1.5),
        ("STATE-IMMREG", 0.0, 0.9, 0.4, 0.0, 1.0),
        ("BLUE-PAYER", 0.9, 0.95, 0.5, 0.2, 0.7),
        ("QUICKCARE-UC", 0.2, 0.85, 0.95, 0.5, 2.0),
        ("CITY-AMB", 0.3, 0.9, 0.9, 0.6, 1.0),
    ];

    private readonly Random _rng;
    private readonly List<Person> _people = [];
    private readonly Dictionary<(int, int), HardNegativeKind> _relations = [];
    private readonly Dictionary<(int Person, int Source), List<string>> _mrns = [];
    private int _nextMrn = 100000;

    public SyntheticRegistrationGenerator(int seed)
    {
        _rng = new Random(seed);
    }

    /// <summary>Generates about <paramref name="recordCount"/> registrations in a random arrival order.</summary>
    public SyntheticDataset Generate(int recordCount)
    {
        // About 2.1 records per person on average.
        var personTarget = Math.Max(2, (int)(recordCount / 2.1));
        while (_people.Count < personTarget)
        {
            var p = NewPerson();
            var roll = _rng.NextDouble();
            if (roll < 0.02)
            {
                AddTwin(p);
            }
            else if (roll < 0.04 && p.Sex == 'M')
            {
                AddJunior(p);
            }
            else if (roll < 0.055)
            {
                AddSameNameAndBirthDate(p);
            }
            else if (roll < 0.16)
            {
                AddHousehold(p);
            }
        }

        var records = new List<SyntheticRecord>(recordCount + 16);
        var recordNo = 0;
        foreach (var p in _people)
        {
            var n = RecordsFor();
            for (var i = 0; i < n; i++)
            {
                records.Add(new SyntheticRecord(Render(p, ++recordNo), p.Id));
            }
        }

        // Arrival order is random.
        for (var i = records.Count - 1; i > 0; i--)
        {
            var j = _rng.Next(i + 1);
            (records[i], records[j]) = (records[j], records[i]);
        }

        if (records.Count > recordCount)
        {
            records.RemoveRange(recordCount, records.Count - recordCount);
        }

        return new SyntheticDataset(records, _relations);
    }

    private int RecordsFor()
    {
        var r = _rng.NextDouble();
        return r < 0.35 ? 1 : r < 0.65 ? 2 : r < 0.82 ? 3 : r < 0.93 ? 4 : r < 0.98 ? 5 : 7;
    }

    private Person NewPerson(char? sex = null, string? family = null)
    {
        var p = new Person { Id = _people.Count + 1 };
        _people.Add(p);
        var e = _rng.NextDouble();
        p.Ethnicity = e < 0.6 ? 0 : e < 0.85 ? 1 : e < 0.95 ? 2 : 0;
        p.Sex = sex ?? (_rng.NextDouble() < 0.5 ? 'M' : 'F');
        p.First = FirstName(p.Ethnicity, p.Sex);
        if (_rng.NextDouble() < (p.Ethnicity == 1 ? 0.7 : p.Ethnicity == 2 ? 0.2 : 0.6))
        {
            p.Middle = FirstName(p.Ethnicity == 2 ? 0 : p.Ethnicity, p.Sex);
            if (p.Middle == p.First)
            {
                p.Middle = null;
            }
        }

        p.GoesByMiddle = p.Middle is not null && _rng.NextDouble() < 0.05;
        p.Family = family ?? FamilyName(p.Ethnicity);
        if (p.Sex == 'F' && _rng.NextDouble() < 0.06)
        {
            p.OtherFamily = FamilyName(_rng.NextDouble() < 0.7 ? 0 : p.Ethnicity);
        }

        p.BirthDate = new DateOnly(1935, 1, 1).AddDays(_rng.Next(0, 365 * 88));
        p.Addresses.Add(NewAddress());
        if (_rng.NextDouble() < 0.25)
        {
            p.Addresses.Add(NewAddress());
        }

        p.Phones.Add(NewPhone(p.Addresses[0].Area));
        if (_rng.NextDouble() < 0.35)
        {
            p.Phones.Add(NewPhone(p.Addresses[0].Area));
        }

        if (_rng.NextDouble() < 0.65)
        {
            p.Emails.Add(NewEmail(p));
            if (_rng.NextDouble() < 0.2)
            {
                p.Emails.Add(NewEmail(p));
            }
        }

        p.Ssn4 = _rng.Next(1, 10000).ToString("D4", CultureInfo.InvariantCulture);
        return p;
    }

    private void AddTwin(Person p)
    {
        var t = NewPerson(_rng.NextDouble() < 0.5 ? p.Sex : null, p.Family);
        t.Ethnicity = p.Ethnicity;
        while (t.First == p.First)
        {
            t.First = FirstName(p.Ethnicity, t.Sex);
        }

        t.BirthDate = p.BirthDate;
        t.Addresses.Clear();
        t.Addresses.AddRange(p.Addresses);
        t.Phones.Clear();
        t.Phones.Add(p.Phones[0]);
        t.OtherFamily = null;
        Relate(p, t, HardNegativeKind.Twins);
    }

    private void AddJunior(Person father)
    {
        var son = NewPerson('M', father.Family);
        son.Ethnicity = father.Ethnicity;
        son.First = father.First;
        son.Middle = father.Middle;
        son.GoesByMiddle = father.GoesByMiddle;
        son.BirthDate = father.BirthDate.AddDays(_rng.Next(365 * 19, 365 * 40));
        if (son.BirthDate.Year > 2023)
        {
            son.BirthDate = new DateOnly(2023, son.BirthDate.Month, Math.Min(son.BirthDate.Day, 28));
        }

        father.Suffix = "SR";
        son.Suffix = _rng.NextDouble() < 0.8 ? "JR" : "II";
        if (_rng.NextDouble() < 0.6)
        {
            son.Addresses.Clear();
            son.Addresses.AddRange(father.Addresses);
            son.Phones.Insert(0, father.Phones[0]);
        }

        Relate(father, son, HardNegativeKind.JuniorSenior);
    }

    private void AddSameNameAndBirthDate(Person p)
    {
        var other = NewPerson(p.Sex);
        other.First = p.First;
        other.Family = p.Family;
        other.Middle = _rng.NextDouble() < 0.5 ? null : other.Middle;
        other.BirthDate = p.BirthDate;
        Relate(p, other, HardNegativeKind.SameNameAndBirthDate);
    }

    private void AddHousehold(Person p)
    {
        var members = new List<Person> { p };
        var count = _rng.Next(1, 4);
        for (var i = 0; i < count; i++)
        {
            var m = NewPerson(null, _rng.NextDouble() < 0.8 ? p.Family : null);
            m.Ethnicity = p.Ethnicity;
            m.BirthDate = i == 0
                ? p.BirthDate.AddDays(_rng.Next(-365 * 6, 365 * 6))
                : p.BirthDate.AddDays(_rng.Next(365 * 20, 365 * 38));
            if (m.BirthDate.Year > 2023)
            {
                m.BirthDate = new DateOnly(2023, 6, 1).AddDays(-_rng.Next(0, 1000));
            }

            m.Addresses.Clear();
            m.Addresses.Add(p.Addresses[0]);
            m.Phones.Insert(0, p.Phones[0]);
            if (p.Emails.Count > 0 && _rng.NextDouble() < 0.3)
            {
                m.Emails.Insert(0, p.Emails[0]);
            }

            foreach (var other in members)
            {
                Relate(other, m, HardNegativeKind.Household);
            }

            members.Add(m);
        }
    }

    private void Relate(Person a, Person b, HardNegativeKind kind)
    {
        var key = a.Id < b.Id ? (a.Id, b.Id) : (b.Id, a.Id);
        _relations.TryAdd(key, kind);
    }

    private PatientRegistration Render(Person p, int recordNo)
    {
        var sourceIndex = _rng.Next(Sources.Length);
        var source = Sources[sourceIndex];
        var typo = source.Typo;
        var mrn = Mrn(p.Id, sourceIndex);

        // Names.
        var first = p.First;
        var middle = p.Middle;
        if (p.GoesByMiddle && middle is not null && _rng.NextDouble() < 0.6)
        {
            (first, middle) = (middle, _rng.NextDouble() < 0.5 ? null : first);
        }

        var r = _rng.NextDouble();
        if (r < 0.10)
        {
            first = Nickname(first);
        }
        else if (r < 0.10 + (0.04 * typo))
        {
            first = Typo(first);
        }
        else if (r < 0.17 && first.Length > 1)
        {
            first = first[..1];
        }

        if (middle is not null)
        {
            var m = _rng.NextDouble();
            middle = m < 0.35 ? null : m < 0.55 ? middle[..1] : middle;
        }

        var family = p.OtherFamily is not null && _rng.NextDouble() < 0.5 ? MarriedVariant(p) : p.Family;
        family = SurnameVariant(family);
        if (_rng.NextDouble() < 0.04 * typo)
        {
            family = Typo(family);
        }

        var given = new List<string> { first };
        if (middle is not null)
        {
            if (_rng.NextDouble() < 0.15)
            {
                given[0] = first + " " + middle;
            }
            else
            {
                given.Add(middle);
            }
        }

        string? suffix = null;
        if (p.Suffix is not null)
        {
            var s = _rng.NextDouble();
            var shown = _rng.NextDouble() < 0.5 ? p.Suffix : p.Suffix == "JR" ? "Jr." : p.Suffix == "SR" ? "Sr." : p.Suffix;
            if (s < 0.35)
            {
                suffix = shown;
            }
            else if (s < 0.5)
            {
                given.Add(shown);
            }
            else if (s < 0.65)
            {
                family += " " + shown;
            }
        }

        if (_rng.NextDouble() < (p.Ethnicity == 2 ? 0.08 : 0.015))
        {
            (given, family) = ([family], given[0]);
        }

        if (p.BirthDate.Year >= 2022 && _rng.NextDouble() < 0.2)
        {
            given = [p.Sex == 'M' ? "BABY BOY" : "BABY GIRL"];
        }

        // Birth date.
        string? dob = p.BirthDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var d = _rng.NextDouble();
        if (d < 0.02 && p.BirthDate.Day <= 12 && p.BirthDate.Day != p.BirthDate.Month)
        {
            dob = new DateOnly(p.BirthDate.Year, p.BirthDate.Day, p.BirthDate.Month).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }
        else if (d < 0.05)
        {
            dob = DigitError(p.BirthDate);
        }
        else if (d < 0.06)
        {
            dob = "1900-01-01";
        }
        else if (d < 0.07)
        {
            dob = null;
        }

        var sex = _rng.NextDouble() switch
        {
            < 0.04 => null,
            < 0.06 => "unknown",
            < 0.063 => p.Sex == 'M' ? "female" : "male",
            _ => p.Sex == 'M' ? "male" : "female",
        };

        // Address.
        List<string> lines = [];
        string? city = null, state = null, zip = null;
        if (_rng.NextDouble() < source.Address)
        {
            var a = p.Addresses[p.Addresses.Count > 1 && _rng.NextDouble() < 0.5 ? 1 : 0];
            if (_rng.NextDouble() < 0.02)
            {
                lines = [_rng.NextDouble() < 0.5 ? "HOMELESS" : "UNKNOWN"];
            }
            else
            {
                lines = AddressLines(a);
            }

            city = _rng.NextDouble() < 0.04 ? Typo(a.City) : a.City;
            state = a.State;
            zip = _rng.NextDouble() switch
            {
                < 0.2 => a.Zip5 + "-" + a.Zip4,
                < 0.3 => a.Zip5 + a.Zip4,
                < 0.4 when a.Zip5[0] == '0' => a.Zip5.TrimStart('0'),
                < 0.45 => null,
                _ => a.Zip5,
            };
        }

        string? phone = null;
        if (_rng.NextDouble() < source.Phone)
        {
            phone = _rng.NextDouble() < 0.03
                ? (_rng.NextDouble() < 0.5 ? "0000000000" : "555-555-5555")
                : FormatPhone(p.Phones[p.Phones.Count > 1 && _rng.NextDouble() < 0.4 ? 1 : 0]);
        }

        string? email = null;
        if (_rng.NextDouble() < source.Email)
        {
            email = _rng.NextDouble() < 0.05 || p.Emails.Count == 0
                ? (_rng.NextDouble() < 0.3 ? "noemail@example.com" : null)
                : p.Emails[p.Emails.Count > 1 && _rng.NextDouble() < 0.4 ? 1 : 0];
            if (email is not null && _rng.NextDouble() < 0.3)
            {
                email = email.ToUpperInvariant();
            }
        }

        string? ssn = null;
        if (_rng.NextDouble() < source.Ssn)
        {
            ssn = _rng.NextDouble() < 0.04 ? (_rng.Next(3) switch { 0 => "0000", 1 => "9999", _ => "1234" }) : p.Ssn4;
        }

        return new PatientRegistration(
            "R" + recordNo.ToString("D7", CultureInfo.InvariantCulture),
            source.Name,
            mrn,
            given.Select(Case).ToArray(),
            Case(family),
            suffix,
            sex,
            dob,
            lines.Select(Case).ToArray(),
            city is null ? null : Case(city),
            state,
            zip,
            phone,
            email,
            ssn);
    }

    private string Mrn(int person, int source)
    {
        if (!_mrns.TryGetValue((person, source), out var list))
        {
            _mrns[(person, source)] = list = [];
        }

        if (list.Count == 0 || _rng.NextDouble() < 0.06)
        {
            list.Add("M" + (_nextMrn++).ToString(CultureInfo.InvariantCulture));
        }

        return list[_rng.Next(list.Count)];
    }

    private string FirstName(int ethnicity, char sex) => ethnicity switch
    {
        1 => Pick(sex == 'M' ? NamePools.HispanicMaleFirst : NamePools.HispanicFemaleFirst),
        2 => Pick(NamePools.AsianFirst),
        _ => Pick(sex == 'M' ? NamePools.MaleFirst : NamePools.FemaleFirst),
    };

    private string FamilyName(int ethnicity)
    {
        if (ethnicity == 1)
        {
            var first = PickWeighted(NamePools.HispanicSurnames);
            return _rng.NextDouble() < 0.45 ? first + " " + PickWeighted(NamePools.HispanicSurnames) : first;
        }

        return PickWeighted(ethnicity == 2 ? NamePools.AsianSurnames : NamePools.Surnames);
    }

    private string MarriedVariant(Person p) => _rng.NextDouble() < 0.3 ? p.Family + "-" + p.OtherFamily : p.OtherFamily!;

    private string SurnameVariant(string family)
    {
        var r = _rng.NextDouble();
        if (family.Contains(' ', StringComparison.Ordinal) && !family.StartsWith("De", StringComparison.Ordinal)
            && !family.StartsWith("St", StringComparison.Ordinal) && !family.StartsWith("Van", StringComparison.Ordinal))
        {
            // Two-part Hispanic surname written several ways.
            return r switch
            {
                < 0.25 => family.Replace(' ', '-'),
                < 0.4 => family[..family.IndexOf(' ', StringComparison.Ordinal)],
                < 0.5 => family.Replace(" ", string.Empty, StringComparison.Ordinal),
                _ => family,
            };
        }

        if (r < 0.3 && family.Contains('\'', StringComparison.Ordinal))
        {
            return family.Replace("'", string.Empty, StringComparison.Ordinal);
        }

        if (r < 0.3 && family.StartsWith("Mc", StringComparison.Ordinal))
        {
            return "Mc " + family[2..];
        }

        return family;
    }

    private string Nickname(string first)
    {
        var groups = Normalization.NicknameTable.Default.GroupsOf(Normalization.TextFolding.Fold(first));
        if (groups.Length == 0)
        {
            return first;
        }

        var folded = Normalization.TextFolding.Fold(first);
        var candidates = NicknameCandidates(groups[0]).Where(n => n != folded).ToList();
        return candidates.Count == 0 ? first : candidates[_rng.Next(candidates.Count)];
    }

    private static List<string> NicknameCandidates(int group)
    {
        if (NicknameCache.Count == 0)
        {
            lock (NicknameCache)
            {
                if (NicknameCache.Count == 0)
                {
                    using var stream = typeof(Normalization.NicknameTable).Assembly.GetManifestResourceStream("Switchboard.Identity.Nicknames.txt")!;
                    using var reader = new StreamReader(stream);
                    var g = 0;
                    while (reader.ReadLine() is { } line)
                    {
                        if (line.Length == 0 || line[0] == '#')
                        {
                            continue;
                        }

                        NicknameCache[++g] = [.. line.Split(' ', StringSplitOptions.RemoveEmptyEntries)];
                    }
                }
            }
        }

        return NicknameCache.TryGetValue(group, out var list) ? list : [];
    }

    private static readonly Dictionary<int, List<string>> NicknameCache = [];

    private string Typo(string value)
    {
        if (value.Length < 4)
        {
            return value;
        }

        var chars = new StringBuilder(value);
        var i = _rng.Next(1, value.Length - 1);
        switch (_rng.Next(4))
        {
            case 0:
                chars[i] = (char)('a' + _rng.Next(26));
                break;
            case 1:
                chars.Remove(i, 1);
                break;
            case 2:
                chars.Insert(i, (char)('a' + _rng.Next(26)));
                break;
            default:
                (chars[i], chars[i - 1]) = (chars[i - 1], chars[i]);
                break;
        }

        return chars.ToString();
    }

    private string DigitError(DateOnly date)
    {
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var s = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture).ToCharArray();
            var pos = _rng.Next(2, 8);
            s[pos] = (char)('0' + _rng.Next(10));
            var text = new string(s);
            if (DateOnly.TryParseExact(text, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) && d != date
                && d.Year is > 1900 and < 2025)
            {
                return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            }
        }

        return date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private List<string> AddressLines(Address a)
    {
        if (a.PoBox is not null)
        {
            return [_rng.NextDouble() < 0.5 ? "PO Box " + a.PoBox : "P.O. Box " + a.PoBox];
        }

        var type = _rng.NextDouble() switch
        {
            < 0.5 => a.Type.Usps,
            < 0.8 => a.Type.Full,
            _ => a.Type.Usps + ".",
        };
        var dir = a.Direction is null ? string.Empty : (_rng.NextDouble() < 0.5 ? a.Direction[..1] : a.Direction) + " ";
        var line = a.Number + " " + dir + a.Street + " " + type;
        if (a.Unit is null)
        {
            return [line];
        }

        return _rng.NextDouble() switch
        {
            < 0.4 => [line + " Apt " + a.Unit],
            < 0.6 => [line + " #" + a.Unit],
            < 0.7 => [line],
            _ => [line, "Apt " + a.Unit],
        };
    }

    private Address NewAddress()
    {
        var place = NamePools.Places[_rng.Next(NamePools.Places.Length)];
        return new Address
        {
            Number = _rng.Next(1, 9999).ToString(CultureInfo.InvariantCulture),
            Direction = _rng.NextDouble() < 0.15 ? Pick(["North", "South", "East", "West"]) : null,
            Street = Pick(NamePools.Streets),
            Type = NamePools.StreetTypes[_rng.Next(NamePools.StreetTypes.Length)],
            Unit = _rng.NextDouble() < 0.25 ? _rng.Next(1, 40).ToString(CultureInfo.InvariantCulture) + (char)('A' + _rng.Next(4)) : null,
            PoBox = _rng.NextDouble() < 0.03 ? _rng.Next(10, 9999).ToString(CultureInfo.InvariantCulture) : null,
            City = place.City,
            State = place.State,
            Zip5 = place.ZipPrefix + _rng.Next(0, 100).ToString("D2", CultureInfo.InvariantCulture),
            Zip4 = _rng.Next(1, 9999).ToString("D4", CultureInfo.InvariantCulture),
            Area = place.Area,
        };
    }

    private string NewPhone(string area) =>
        area + _rng.Next(200, 999).ToString(CultureInfo.InvariantCulture) + _rng.Next(0, 10000).ToString("D4", CultureInfo.InvariantCulture);

    private string NewEmail(Person p)
    {
        var f = Normalization.TextFolding.Fold(p.First).ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        var l = Normalization.TextFolding.Fold(p.Family).ToLowerInvariant().Replace(" ", string.Empty, StringComparison.Ordinal);
        var n = _rng.Next(1, 999);
        var local = _rng.Next(3) switch
        {
            0 => f + "." + l + n.ToString(CultureInfo.InvariantCulture),
            1 => f[..1] + l + n.ToString(CultureInfo.InvariantCulture),
            _ => l + f + n.ToString(CultureInfo.InvariantCulture),
        };
        return local + "@" + Pick(NamePools.EmailDomains);
    }

    private string FormatPhone(string p) => _rng.Next(5) switch
    {
        0 => $"({p[..3]}){p[3..6]}-{p[6..]}",
        1 => $"{p[..3]}.{p[3..6]}.{p[6..]}",
        2 => $"+1 {p[..3]}-{p[3..6]}-{p[6..]}",
        3 => "1" + p,
        _ => p,
    };

    private string Case(string value) => _rng.Next(4) switch
    {
        0 => value.ToUpperInvariant(),
        1 => StripAccents(value.ToUpperInvariant()),
        _ => value,
    };

    private static string StripAccents(string value)
    {
        var sb = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            sb.Append(c < 128 ? c.ToString() : Normalization.TextFolding.Fold(c.ToString()));
        }

        return sb.ToString();
    }

    private string Pick(string[] values) => values[_rng.Next(values.Length)];

    private string PickWeighted((string Name, int Weight)[] values)
    {
        var total = 0;
        foreach (var v in values)
        {
            total += v.Weight;
        }

        var x = _rng.Next(total);
        foreach (var v in values)
        {
            x -= v.Weight;
            if (x < 0)
            {
                return v.Name;
            }
        }

        return values[^1].Name;
    }

    private sealed class Person
    {
        public int Id { get; init; }
        public int Ethnicity { get; set; }
        public char Sex { get; set; }
        public string First { get; set; } = string.Empty;
        public string? Middle { get; set; }
        public bool GoesByMiddle { get; set; }
        public string Family { get; set; } = string.Empty;
        public string? OtherFamily { get; set; }
        public string? Suffix { get; set; }
        public DateOnly BirthDate { get; set; }
        public List<Address> Addresses { get; } = [];
        public List<string> Phones { get; } = [];
        public List<string> Emails { get; } = [];
        public string Ssn4 { get; set; } = string.Empty;
    }

    private sealed class Address
    {
        public required string Number { get; init; }
        public string? Direction { get; init; }
        public required string Street { get; init; }
        public required (string Full, string Usps) Type { get; init; }
        public string? Unit { get; init; }
        public string? PoBox { get; init; }
        public required string City { get; init; }
        public required string State { get; init; }
        public required string Zip5 { get; init; }
        public required string Zip4 { get; init; }
        public required string Area { get; init; }
    }
}
