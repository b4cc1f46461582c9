namespace Switchboard.Core.Ordering;

/// <summary>
/// The newest event applied for one patient at one destination. An older event arriving later must not overwrite
/// newer state; the version is the destination's version of the patient resource when this event claimed it.
/// </summary>
/// <param name="PatientKey">Keyed hash of source + patient identifier (never the identifier).</param>
/// <param name="ETag">Storage concurrency token; null for a state not yet stored.</param>
public sealed record PatientOrderState(
    string PatientKey,
    string Destination,
    DateTimeOffset EventTime,
    string EnvelopeId,
    string? ETag);
