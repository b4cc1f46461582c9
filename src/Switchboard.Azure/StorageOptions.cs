using System.ComponentModel.DataAnnotations;

namespace Switchboard.Azure;

/// <summary>
/// Where Switchboard keeps raw payloads, idempotency, audit and stage queues. The account comes from the same
/// <c>Storage</c> connection the queue triggers use: locally a connection string (<c>UseDevelopmentStorage=true</c>
/// for Azurite), in Azure <c>Storage__accountName</c> + <c>Storage__clientId</c> with a managed identity, no keys.
/// </summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string SectionName = "Switchboard:Storage";

    /// <summary>The <c>Storage</c> connection name shared with the Functions queue triggers.</summary>
    public const string ConnectionName = "Storage";

    public string? ConnectionString { get; set; }

    /// <summary>Storage account name for identity-based access (used when no connection string is set).</summary>
    public string? AccountName { get; set; }

    /// <summary>Client id of the user-assigned managed identity; empty uses the default credential chain.</summary>
    public string? ManagedIdentityClientId { get; set; }

    [Required]
    public string RawContainer { get; set; } = "raw-messages";

    /// <summary>Envelopes (the idempotency records) and their audit chains.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string EnvelopeTable { get; set; } = "Envelopes";

    /// <summary>Per-patient high-water marks of applied event times.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string PatientOrderTable { get; set; } = "PatientOrder";

    /// <summary>Webhook nonces already used (replay protection).</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string NonceTable { get; set; } = "Nonces";

    /// <summary>FHIR subscription event numbers and heartbeats, for gap detection.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string SubscriptionTable { get; set; } = "Subscriptions";

    /// <summary>Create containers, tables and queues at start (local runs); in Azure the infrastructure creates them.</summary>
    public bool CreateIfMissing { get; set; } = true;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(ConnectionString) && string.IsNullOrWhiteSpace(AccountName))
        {
            yield return new ValidationResult(
                "Set the Storage connection: a connection string (local) or Storage__accountName (managed identity).",
                [nameof(ConnectionString), nameof(AccountName)]);
        }
    }
}
