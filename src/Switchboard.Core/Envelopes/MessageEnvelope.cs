namespace Switchboard.Core.Envelopes;

/// <summary>
/// What the pipeline knows about one accepted message. Holds ids, hashes, times and blob names only: never payload
/// or PHI, because envelopes travel through queues, audit rows and orchestration history.
/// </summary>
/// <param name="EnvelopeId">Deterministic id derived from the idempotency key (see <see cref="EnvelopeIds"/>).</param>
/// <param name="Source">Configured source system name from the intake route.</param>
/// <param name="Kind">What the payload is.</param>
/// <param name="MessageControlId">MSH-10, the notification id, or the event id: an identifier of the message, not of a person.</param>
/// <param name="MessageType">Message type and trigger event, e.g. <c>ADT^A08</c>.</param>
/// <param name="PayloadHash">Lower-case hex SHA-256 of the raw payload bytes.</param>
/// <param name="BlobName">Claim-check blob holding the raw payload.</param>
/// <param name="EventTime">When the event happened at the source (MSH-7 / EVN-2); orders updates per patient.</param>
/// <param name="PatientKey">Keyed hash of source + patient identifier (never the identifier itself), for per-patient order.</param>
/// <param name="TraceParent">W3C traceparent of the request that accepted the message.</param>
public sealed record MessageEnvelope(
    string EnvelopeId,
    string Source,
    PayloadKind Kind,
    string MessageControlId,
    string MessageType,
    string PayloadHash,
    string BlobName,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? EventTime,
    string? PatientKey,
    string? TraceParent);
