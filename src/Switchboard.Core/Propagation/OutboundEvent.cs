namespace Switchboard.Core.Propagation;

/// <summary>
/// One event in a subscriber's log: what webhooks deliver and the feed lists, in <see cref="Sequence"/> order.
/// Ids, codes and a blob name only; the allowed fields live in the content-addressed blob.
/// </summary>
/// <param name="Sequence">Per-subscriber, gap-free, assigned once per envelope: receivers detect gaps with it.</param>
/// <param name="EventId">The envelope id: stable across retries and redeliveries, for receiver-side de-duplication.</param>
/// <param name="DataBlob">Blob with the allowlisted resources (JSON array).</param>
/// <param name="PatientKey">Keyed hash of the patient (never an identifier), for per-patient order.</param>
/// <param name="Patient">FHIR reference of the patient (<c>Patient/123</c>), to read current contact data at send time.</param>
public sealed record OutboundEvent(
    string Subscriber,
    long Sequence,
    string EventId,
    string Source,
    string MessageType,
    DateTimeOffset OccurredAt,
    string? PatientKey,
    string? Patient,
    string DataBlob,
    string? TraceParent,
    OutboundEventState State,
    int Attempts,
    string? IssueCode,
    string? ETag = null);
