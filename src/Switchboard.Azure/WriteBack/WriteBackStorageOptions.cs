using System.ComponentModel.DataAnnotations;

namespace Switchboard.Azure.WriteBack;

/// <summary>Where write-back keeps documents, the create ledger, review items and audit (same storage account as <see cref="StorageOptions"/>).</summary>
public sealed class WriteBackStorageOptions
{
    public const string SectionName = "Switchboard:WriteBack:Storage";

    [Required]
    public string DocumentsContainer { get; set; } = "writeback";

    [Required]
    public string LedgerTable { get; set; } = "WriteLedger";

    [Required]
    public string ReviewTable { get; set; } = "WriteBackReviews";

    [Required]
    public string AuditTable { get; set; } = "WriteBackAudit";

    /// <summary>Storage queue that gets a message (ids only) for every escalated review item.</summary>
    [Required]
    [RegularExpression("^[a-z0-9](?:[a-z0-9]|-(?!-)){1,61}[a-z0-9]$")]
    public string EscalationQueue { get; set; } = "switchboard-writeback-escalations";
}
