namespace Switchboard.Core.Envelopes;

public enum PayloadKind
{
    Hl7v2,
    FhirNotification,
    Event,
}
