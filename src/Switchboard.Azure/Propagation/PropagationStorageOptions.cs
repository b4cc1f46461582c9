using System.ComponentModel.DataAnnotations;

namespace Switchboard.Azure.Propagation;

/// <summary>Tables and queue of one-way propagation (same storage account as the pipeline).</summary>
public sealed class PropagationStorageOptions
{
    public const string SectionName = "Switchboard:Propagation:Storage";

    /// <summary>The queue of webhook delivery requests (one message per event and subscriber).</summary>
    public const string WebhookQueue = "switchboard-webhook";

    /// <summary>Per-subscriber event logs: sequence numbers, delivery state, the feed.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string EventLogTable { get; set; } = "OutboundEvents";

    /// <summary>Reconciliation watermarks per source and resource type.</summary>
    [Required]
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,62}$")]
    public string WatermarkTable { get; set; } = "ReconcileWatermarks";
}
