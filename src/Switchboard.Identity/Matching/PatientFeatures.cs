namespace Switchboard.Identity.Matching;

/// <summary>
/// A registration's normalized comparison features, computed once. Strings are interned to ids by
/// <see cref="FeatureExtractor"/> so most comparisons are integer compares; 0 always means "missing".
/// Placeholder values found in the data (<see cref="MatchModel.Scrub"/>) are cleared to 0 in place.
/// </summary>
public sealed class PatientFeatures
{
    public required string RecordId { get; init; }
    public required SourceRecordKey Key { get; init; }

    public string First { get; set; } = string.Empty;
    public int FirstId { get; set; }
    public int[] FirstGroups { get; set; } = [];
    public bool FirstIsKnownName { get; set; }
    public string Middle { get; set; } = string.Empty;
    public int MiddleId { get; set; }
    /// <summary>First middle token's id: a person who goes by the middle name registers it as first.</summary>
    public int MiddleFirstTokenId { get; set; }
    /// <summary>First and middle written together (MARY ANN → MARYANN).</summary>
    public int FirstMiddleJoinedId { get; set; }
    public string Family { get; set; } = string.Empty;
    public int FamilyId { get; set; }
    public int[] FamilyTokenIds { get; set; } = [];
    public int Generation { get; set; }
    public char Sex { get; set; }
    public int BirthDate { get; set; }
    public string HouseNumber { get; set; } = string.Empty;
    public string Street { get; set; } = string.Empty;
    /// <summary>Interned house number + street (+ PO box): equal ids mean the same street address.</summary>
    public int StreetId { get; set; }
    public int Zip5 { get; set; }
    public int CityId { get; set; }
    public long Phone { get; set; }
    public int EmailId { get; set; }
    public int SsnLast4 { get; set; }

    /// <summary>Soundex codes packed as integers for blocking (0 when the name is missing).</summary>
    public int FirstSoundex { get; set; }
    public int FamilySoundex { get; set; }
    public int MiddleSoundex { get; set; }
}
