namespace Switchboard.Functions.Propagation;

/// <summary>
/// FHIR sources reconciled on a timer (<c>Switchboard:Reconciliation:Sources:{name}</c>): each resource type is
/// searched by <c>_lastUpdated</c> beyond its watermark, and every version not yet received enters the pipeline.
/// </summary>
public sealed class ReconciliationOptions
{
    public const string SectionName = "Switchboard:Reconciliation";

    public Dictionary<string, ReconciliationSourceOptions> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class ReconciliationSourceOptions
{
    /// <summary>The source's FHIR base URL.</summary>
    public Uri? BaseUrl { get; set; }

    /// <summary>Resource types to search, e.g. <c>Appointment</c>, <c>Patient</c>.</summary>
    public List<string> ResourceTypes { get; } = [];

    /// <summary>Where the first run starts when no watermark is stored (default: one day back).</summary>
    public DateTimeOffset? InitialWatermark { get; set; }

    public int PageSize { get; set; } = 100;
}
