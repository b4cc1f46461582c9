namespace Switchboard.Identity.Matching;

/// <summary>Comparison levels per field (0 = missing everywhere).</summary>
public static class Levels
{
    public const byte Missing = 0;

    // First name
    public const byte FirstExact = 1;
    public const byte FirstNickname = 2;
    public const byte FirstTypo = 3;
    public const byte FirstInitial = 4;
    /// <summary>One record's first name is the other's middle name, or first+middle written together.</summary>
    public const byte FirstMiddleCross = 5;
    public const byte FirstDifferent = 6;

    // Middle name
    public const byte MiddleExact = 1;
    public const byte MiddleInitial = 2;
    public const byte MiddleDifferent = 3;

    // Family name
    public const byte FamilyExact = 1;
    /// <summary>A shared part of a compound surname (GARCIA vs GARCIA LOPEZ).</summary>
    public const byte FamilyPartial = 2;
    public const byte FamilyTypo = 3;
    public const byte FamilyDifferent = 4;

    // Birth date
    public const byte DateExact = 1;
    public const byte DateSwap = 2;
    public const byte DateOneDigit = 3;
    public const byte DateSameMonthDay = 4;
    public const byte DateDifferent = 5;

    // Sex, phone, e-mail, SSN-4
    public const byte Agree = 1;
    public const byte Disagree = 2;

    // Address
    public const byte AddressExact = 1;
    public const byte AddressFuzzy = 2;
    public const byte AddressZip = 3;
    public const byte AddressCity = 4;
    public const byte AddressDifferent = 5;

    /// <summary>Number of levels (including missing) per field, indexed by <see cref="ComparisonField"/>.</summary>
    public static readonly int[] Count = [7, 4, 5, 6, 3, 6, 3, 3, 3];
}
