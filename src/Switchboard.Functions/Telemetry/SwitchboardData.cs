using Microsoft.Extensions.Compliance.Classification;

namespace Switchboard.Functions.Telemetry;

/// <summary>
/// Data classes for redaction. Values of <see cref="PatientLinked"/> (e.g. MSH-10, which some senders build from an
/// MRN) are only ever logged through the HMAC redactor: operators can correlate, nobody can read them back.
/// </summary>
public static class SwitchboardData
{
    public const string Taxonomy = "Switchboard";

    public static DataClassification PatientLinked { get; } = new(Taxonomy, nameof(PatientLinked));
}
