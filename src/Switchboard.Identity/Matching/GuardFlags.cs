namespace Switchboard.Identity.Matching;

/// <summary>
/// Hard-negative guards raised for a pair. Any guard except <see cref="NoCorroboration"/> forbids an automatic link
/// (the pair can still be queued for review); <see cref="NoCorroboration"/> raises the bar for one.
/// </summary>
[Flags]
public enum GuardFlags
{
    None = 0,

    /// <summary>Generational suffixes both present and different (JR vs SR, II vs III): father and son.</summary>
    SuffixConflict = 1,

    /// <summary>Birth dates both known and not explained by a swap or a one-digit error: household, Jr/Sr.</summary>
    BirthDateConflict = 2,

    /// <summary>First names both known and unrelated (not typo, nickname, initial or middle): twins, household.</summary>
    FirstNameConflict = 4,

    /// <summary>SSN last-4 both known and different.</summary>
    SsnConflict = 8,

    /// <summary>Opposite sexes and first names not identical: boy/girl twins with similar names.</summary>
    SexConflict = 16,

    /// <summary>Nothing but name, sex and birth date agrees (no address, ZIP, phone, e-mail or SSN-4 agreement).</summary>
    NoCorroboration = 32,

    /// <summary>Something beyond the names disagrees: address/ZIP, phone, e-mail or middle name.</summary>
    Contradiction = 64,

    /// <summary>First name missing on a side (newborn placeholders): twins and siblings cannot be told apart.</summary>
    MissingFirstName = 128,

    /// <summary>Birth date missing or a placeholder on a side and no SSN-4 agreement: raises the bar for a link.</summary>
    MissingBirthDate = 256,

    BlocksAutoLink = SuffixConflict | BirthDateConflict | FirstNameConflict | SsnConflict | SexConflict | MissingFirstName,
}
