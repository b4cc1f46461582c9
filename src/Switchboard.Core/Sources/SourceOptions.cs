namespace Switchboard.Core.Sources;

/// <summary>
/// The systems allowed to send to Switchboard, keyed by the name in the intake route
/// (<c>Switchboard__Sources__epic-adt__Kind=hl7v2</c>). A source that is not configured gets 404.
/// </summary>
public sealed class SourcesOptions
{
    /// <summary>Bound from <c>Switchboard</c> so that <see cref="Sources"/> reads <c>Switchboard:Sources:{name}</c>.</summary>
    public const string SectionName = "Switchboard";

    public Dictionary<string, SourceOptions> Sources { get; } = new(StringComparer.OrdinalIgnoreCase);

    public SourceOptions? Find(string name) => Sources.GetValueOrDefault(name);
}

public sealed class SourceOptions
{
    /// <summary>What the source sends: <c>hl7v2</c>, <c>fhir</c> or <c>events</c>.</summary>
    public string Kind { get; set; } = "hl7v2";

    /// <summary>IANA time zone for v2 timestamps without an offset; UTC when unset.</summary>
    public string? TimeZone { get; set; }
}
