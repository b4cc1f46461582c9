namespace Switchboard.Identity.Matching;

/// <summary>The level reached on each field for one pair (see <see cref="Levels"/>).</summary>
public struct ComparisonVector : IEquatable<ComparisonVector>
{
    public byte First { get; set; }
    public byte Middle { get; set; }
    public byte Family { get; set; }
    public byte BirthDate { get; set; }
    public byte Sex { get; set; }
    public byte Address { get; set; }
    public byte Phone { get; set; }
    public byte Email { get; set; }
    public byte Ssn { get; set; }

    /// <summary>First and family names matched only after swapping them.</summary>
    public bool Swapped { get; set; }

    public readonly byte this[ComparisonField field] => field switch
    {
        ComparisonField.First => First,
        ComparisonField.Middle => Middle,
        ComparisonField.Family => Family,
        ComparisonField.BirthDate => BirthDate,
        ComparisonField.Sex => Sex,
        ComparisonField.Address => Address,
        ComparisonField.Phone => Phone,
        ComparisonField.Email => Email,
        _ => Ssn,
    };

    public readonly bool Equals(ComparisonVector other) =>
        First == other.First && Middle == other.Middle && Family == other.Family && BirthDate == other.BirthDate
        && Sex == other.Sex && Address == other.Address && Phone == other.Phone && Email == other.Email && Ssn == other.Ssn
        && Swapped == other.Swapped;

    public override readonly bool Equals(object? obj) => obj is ComparisonVector other && Equals(other);

    public override readonly int GetHashCode() =>
        HashCode.Combine(First, Middle, Family, BirthDate, Sex, Address, HashCode.Combine(Phone, Email, Ssn, Swapped));

    public static bool operator ==(ComparisonVector left, ComparisonVector right) => left.Equals(right);

    public static bool operator !=(ComparisonVector left, ComparisonVector right) => !left.Equals(right);
}
