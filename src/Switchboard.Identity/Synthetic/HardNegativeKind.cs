namespace Switchboard.Identity.Synthetic;

/// <summary>Why two different people look alike; false merges are reported by these kinds.</summary>
public enum HardNegativeKind
{
    None,
    Twins,
    JuniorSenior,
    SameNameAndBirthDate,
    Household,
    CommonName,
    Placeholder,

    /// <summary>None of the above: an ordinary false merge.</summary>
    Other,
}
