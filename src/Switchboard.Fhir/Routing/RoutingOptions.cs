namespace Switchboard.Fhir.Routing;

/// <summary>
/// Routing rules as configuration (<c>Switchboard:Routing</c>): one entry per destination, keyed by its name
/// (<c>Switchboard__Routing__Destinations__reminders__Type=webhook</c>). Validated at start: unknown types, bad
/// FHIRPath and missing endpoints stop the host. With no destinations configured the built-in default applies:
/// translated HL7 v2 goes to the FHIR server (destination <c>fhir</c>).
/// </summary>
public sealed class RoutingOptions
{
    public const string SectionName = "Switchboard:Routing";

    public Dictionary<string, DestinationOptions> Destinations { get; } = new(StringComparer.OrdinalIgnoreCase);
}
