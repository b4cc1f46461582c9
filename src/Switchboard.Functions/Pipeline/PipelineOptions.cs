using System.ComponentModel.DataAnnotations;

namespace Switchboard.Functions.Pipeline;

/// <summary>Limits, secrets and retention of the message pipeline.</summary>
public sealed class PipelineOptions
{
    public const string SectionName = "Switchboard:Pipeline";

    /// <summary>Largest accepted request body; larger ones get 413 (the body is not stored: it is not read).</summary>
    [Range(1024, 100 * 1024 * 1024)]
    public int MaxPayloadBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Secret for patient keys (HMAC of source + identifier). At least 32 characters; keep it in Key Vault.</summary>
    [Required]
    [MinLength(32)]
    public string PatientKeySecret { get; set; } = string.Empty;

    /// <summary>How long raw payloads are kept; the storage lifecycle policy enforces it.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan RawPayloadRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How long envelope and audit rows are kept before the retention timer deletes them.</summary>
    [Range(typeof(TimeSpan), "1.00:00:00", "3650.00:00:00")]
    public TimeSpan AuditRetention { get; set; } = TimeSpan.FromDays(365);
}
