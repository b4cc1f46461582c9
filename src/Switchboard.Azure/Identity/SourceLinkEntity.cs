using Azure;
using Azure.Data.Tables;

namespace Switchboard.Azure.Identity;

/// <summary>
/// PartitionKey = source system (<see cref="TableKeys.Escape">escaped</see>), RowKey = keyed hash of the MRN (keys
/// appear in request URLs and so in telemetry; an MRN must not): the hot lookup "which enterprise is this chart" is
/// a point read, and one system's charts sit together. Writers race on the ETag.
/// </summary>
internal sealed class SourceLinkEntity : ITableEntity
{
    public string PartitionKey { get; set; } = string.Empty;

    public string RowKey { get; set; } = string.Empty;

    public DateTimeOffset? Timestamp { get; set; }

    public ETag ETag { get; set; }

    /// <summary>The unescaped source system and MRN (keys are escaped; these are returned as sent).</summary>
    public string SourceSystem { get; set; } = string.Empty;

    public string Mrn { get; set; } = string.Empty;

    public string EnterpriseId { get; set; } = string.Empty;

    /// <summary>The matcher's score; null for a manual link (its score is +∞, which Table JSON cannot hold).</summary>
    public double? Score { get; set; }

    /// <summary><c>Auto</c> or <c>Manual</c>.</summary>
    public string Origin { get; set; } = string.Empty;

    public string Rule { get; set; } = string.Empty;

    public DateTimeOffset UpdatedAt { get; set; }
}
