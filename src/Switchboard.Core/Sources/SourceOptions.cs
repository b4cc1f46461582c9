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
    /// <summary>What the source sends (see <see cref="SourceKinds"/>); it may only use the endpoint for that kind.</summary>
    public string Kind { get; set; } = SourceKinds.Hl7v2;

    /// <summary>IANA time zone for v2 timestamps without an offset; UTC when unset.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Webhook signing secrets (several while rotating; keep them in Key Vault references). When any is set, every
    /// request from this source must carry a valid signature, a fresh timestamp and an unused nonce.
    /// </summary>
    public List<string> SigningSecrets { get; } = [];
}

public static class SourceKinds
{
    public const string Hl7v2 = "hl7v2";
    public const string Fhir = "fhir";
    public const string Events = "events";
}
