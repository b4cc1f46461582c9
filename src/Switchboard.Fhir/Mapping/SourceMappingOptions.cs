namespace Switchboard.Fhir.Mapping;

/// <summary>
/// How one source's v2 messages are translated. A plain options class: the CLI reads it from <c>{DIR}/{source}.json</c>;
/// the Functions app can bind it from <c>Switchboard:Sources:{name}:Mapping</c>.
/// </summary>
public sealed class SourceMappingOptions
{
    /// <summary>IANA time zone for v2 date/times written without an offset (values with an offset keep it). UTC when unset.</summary>
    public string? TimeZone { get; set; }

    /// <summary>
    /// Identifier systems by assigning authority (HD.1 namespace id of CX.4, EI.2, XCN.9), e.g. <c>"HOSP" → "urn:oid:1.2.3"</c>
    /// or <c>"MRN" → "https://hosp.org/fhir/sid/mrn"</c>. HD.2 OIDs/UUIDs need no entry.
    /// </summary>
    public Dictionary<string, string> IdentifierSystems { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Coding-system names (CWE.3) to URIs, on top of the built-in <c>CodingSystems</c> ConceptMap (e.g. <c>"99LAB" → "urn:oid:..."</c>).</summary>
    public Dictionary<string, string> CodingSystems { get; set; } = new(StringComparer.Ordinal);

    /// <summary>
    /// ConceptMap overrides: map id (e.g. <c>PatientClass</c>) → v2 code → FHIR code, or <c>system|code</c> to target another system.
    /// Whole ConceptMap files can also be placed in <c>{DIR}/conceptmaps/</c>.
    /// </summary>
    public Dictionary<string, Dictionary<string, string>> Vocabulary { get; set; } = new(StringComparer.Ordinal);

    /// <summary>What to do with unmapped fields, components and segments; <see cref="UnmappedPolicy.Warn"/> by default.</summary>
    public UnmappedPolicy Unmapped { get; set; } = UnmappedPolicy.Warn;

    /// <summary>Segment ids whose content is deliberately dropped for this source (no report entries), e.g. <c>ZPI</c>.</summary>
    public List<string> IgnoredSegments { get; set; } = [];

    /// <summary>Field positions deliberately dropped for this source (no report entries), e.g. <c>PV1-50</c> or <c>PID-3.6</c>.</summary>
    public List<string> IgnoredFields { get; set; } = [];
}
