namespace Switchboard.Core.Envelopes;

/// <summary>
/// What the pipeline knows about one accepted message. Holds ids, hashes and blob names only: never payload or PHI,
/// because envelopes travel through queues, audit rows and orchestration history.
/// </summary>
/// <param name="EnvelopeId">Deterministic id derived from the idempotency key (see <see cref="EnvelopeIds"/>).</param>
/// <param name="Source">Configured source system name from the intake route.</param>
/// <param name="MessageControlId">MSH-10 or the source's own event id; an identifier of the message, not of a person.</param>
/// <param name="MessageType">Message type and trigger event, e.g. <c>ADT^A08</c>.</param>
/// <param name="PayloadHash">Lower-case hex SHA-256 of the raw payload bytes.</param>
/// <param name="BlobName">Claim-check blob holding the raw payload.</param>
/// <param name="TraceParent">W3C traceparent of the request that accepted the message.</param>
public sealed record MessageEnvelope(
    string EnvelopeId,
    string Source,
    string MessageControlId,
    string MessageType,
    string PayloadHash,
    string BlobName,
    DateTimeOffset ReceivedAt,
    string? TraceParent);
