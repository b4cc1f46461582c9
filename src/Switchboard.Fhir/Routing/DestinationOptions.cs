namespace Switchboard.Fhir.Routing;

/// <summary>One destination and the rule that selects envelopes for it. Empty filter lists match everything.</summary>
public sealed class DestinationOptions
{
    /// <summary>fhir, servicebus, webhook or feed (see <see cref="DestinationTypes"/>).</summary>
    public string Type { get; set; } = string.Empty;

    /// <summary>Rule id written to the route log; defaults to <c>route:{destination}</c>.</summary>
    public string? RuleId { get; set; }

    /// <summary>Set false to keep the rule but route nothing to it (recorded as rejected: <c>disabled</c>).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Source names (as in <c>Switchboard:Sources</c>) whose envelopes may go here.</summary>
    public List<string> Sources { get; } = [];

    /// <summary>Payload kinds: Hl7v2, FhirNotification, Event, FhirResource.</summary>
    public List<string> Kinds { get; } = [];

    /// <summary>Message types, exact or with a trailing <c>*</c>: <c>ADT^A0*</c>, <c>SIU^S12</c>, <c>Appointment</c>.</summary>
    public List<string> MessageTypes { get; } = [];

    /// <summary>FHIRPath evaluated on the translated Bundle; the envelope is selected only when it is true.</summary>
    public string? Condition { get; set; }

    /// <summary>
    /// Elements the consumer may receive, as <c>ResourceType.element</c> (top-level element), <c>ResourceType</c>
    /// (whole resource) or <c>*</c> (everything). Everything else is removed before it leaves. Empty = ids only.
    /// </summary>
    public List<string> Allow { get; } = [];

    /// <summary>webhook: the subscriber's URL.</summary>
    public Uri? Url { get; set; }

    /// <summary>webhook: HMAC signing secret shared with the subscriber (Key Vault reference in Azure).</summary>
    public string? Secret { get; set; }

    /// <summary>servicebus: topic name.</summary>
    public string? Topic { get; set; }

    /// <summary>webhook/feed: add the patient's current telecom, read from FHIR at send time (appointment reminders).</summary>
    public bool IncludeCurrentPatientTelecom { get; set; }
}

public static class DestinationTypes
{
    public const string Fhir = "fhir";
    public const string ServiceBus = "servicebus";
    public const string Webhook = "webhook";
    public const string Feed = "feed";

    public static IReadOnlyList<string> All { get; } = [Fhir, ServiceBus, Webhook, Feed];
}
