namespace Switchboard.Core.Envelopes;

public enum PayloadKind
{
    Hl7v2,
    FhirNotification,
    Event,

    /// <summary>One version of one FHIR resource (<c>{type}/{id}/_history/{version}</c>), from a notification or reconciliation.</summary>
    FhirResource,
}
