using Switchboard.Identity.Normalization;

namespace Switchboard.Identity.Matching;

/// <summary>
/// Turns registrations into <see cref="PatientFeatures"/>: normalizes every field once and interns strings.
/// Not thread-safe: one extractor belongs to one matcher.
/// </summary>
public sealed class FeatureExtractor
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal) { [string.Empty] = 0 };
    private readonly List<string> _values = [string.Empty];

    public FeatureExtractor(NicknameTable? nicknames = null)
    {
        Nicknames = nicknames ?? NicknameTable.Default;
    }

    public NicknameTable Nicknames { get; }

    /// <summary>Number of distinct interned values (ids are 1..Count-1).</summary>
    public int InternedCount => _values.Count;

    public string ValueOf(int id) => _values[id];

    public int Intern(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        if (_ids.TryGetValue(value, out var id))
        {
            return id;
        }

        id = _values.Count;
        _ids[value] = id;
        _values.Add(value);
        return id;
    }

    public PatientFeatures Extract(PatientRegistration registration)
    {
        ArgumentNullException.ThrowIfNull(registration);
        var name = NameNormalizer.Normalize(registration.Given, registration.Family, registration.Suffix);
        var address = AddressNormalizer.Normalize(registration.AddressLines, registration.City, registration.State, registration.PostalCode);
        var middleTokens = name.Middle.Length == 0 ? [] : name.Middle.Split(' ');
        var groups = Nicknames.GroupsOf(name.First);

        var f = new PatientFeatures
        {
            RecordId = registration.RecordId,
            Key = registration.Key,
            First = name.First,
            FirstId = Intern(name.First),
            FirstGroups = groups,
            FirstIsKnownName = groups.Length > 0,
            Middle = name.Middle,
            MiddleId = Intern(name.Middle),
            MiddleFirstTokenId = middleTokens.Length > 0 && middleTokens[0].Length > 1 ? Intern(middleTokens[0]) : 0,
            FirstMiddleJoinedId = middleTokens.Length > 0 ? Intern(name.First + string.Concat(middleTokens)) : 0,
            Family = name.FamilyJoined,
            FamilyId = Intern(name.FamilyJoined),
            FamilyTokenIds = name.FamilyTokens.Length > 1 ? [.. name.FamilyTokens.Select(Intern)] : [],
            Generation = name.Generation,
            Sex = ContactNormalizer.NormalizeSex(registration.Sex),
            BirthDate = DateNormalizer.Normalize(registration.BirthDate),
            HouseNumber = address.Number,
            Street = address.Street,
            StreetId = address.Number.Length > 0 && address.Street.Length > 0 ? Intern(address.Number + " " + address.Street) : 0,
            Zip5 = address.Zip5.Length == 5 ? int.Parse(address.Zip5) : 0,
            CityId = Intern(address.City),
            Phone = ContactNormalizer.NormalizePhone(registration.Phone),
            EmailId = Intern(ContactNormalizer.NormalizeEmail(registration.Email)),
            SsnLast4 = ContactNormalizer.NormalizeSsnLast4(registration.SsnLast4),
            FirstSoundex = StringSimilarity.SoundexCode(name.First),
            FamilySoundex = StringSimilarity.SoundexCode(name.FamilyJoined),
            MiddleSoundex = middleTokens.Length > 0 ? StringSimilarity.SoundexCode(middleTokens[0]) : 0,
        };
        return f;
    }
}
