namespace Switchboard.Identity.Normalization;

public enum DateAgreement
{
    Exact,
    DayMonthSwap,

    /// <summary>One digit differs, or two adjacent digits are transposed.</summary>
    OneDigit,

    /// <summary>Same month and day, year differs by more than one digit.</summary>
    SameMonthDay,
    Different,
}
