using System.ComponentModel.DataAnnotations;

namespace Switchboard.Azure.Identity;

/// <summary>Tables of the master patient index (in the same storage account as <see cref="StorageOptions"/>).</summary>
public sealed class IdentityTableOptions
{
    public const string SectionName = "Switchboard:Identity:Tables";

    /// <summary>(source system, MRN) → enterprise id (<see cref="SourceLinkEntity"/>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string LinkTable { get; set; } = "IdentityLinks";

    /// <summary>Enterprise identities and their merges (<see cref="EnterpriseEntity"/>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string EnterpriseTable { get; set; } = "IdentityEnterprises";

    /// <summary>Review items (<see cref="ReviewItemEntity"/>).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string ReviewTable { get; set; } = "IdentityReviews";
}
