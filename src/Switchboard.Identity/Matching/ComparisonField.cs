namespace Switchboard.Identity.Matching;

/// <summary>The compared fields; each has levels, level 0 always meaning "missing on either side" (weight 0).</summary>
public enum ComparisonField
{
    First,
    Middle,
    Family,
    BirthDate,
    Sex,
    Address,
    Phone,
    Email,
    Ssn,
}
