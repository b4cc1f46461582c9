using Switchboard.Core.Envelopes;

namespace Switchboard.Functions.Pipeline;

/// <summary>One payload to accept durably: what intake parsed from it, nothing more.</summary>
/// <param name="IdempotencyKey">MSH-10, the notification's event id, or the event id.</param>
/// <param name="Respond">Builds the acceptance response for the envelope id (e.g. the AA ACK), stored for duplicates.</param>
public sealed record AcceptRequest(
    string Source,
    PayloadKind Kind,
    string IdempotencyKey,
    string MessageType,
    ReadOnlyMemory<byte> Payload,
    DateTimeOffset? EventTime,
    string? PatientKey,
    Func<string, string> Respond);

/// <summary>How acceptance ended: the response to give and whether this call created the envelope.</summary>
public sealed record AcceptOutcome(string EnvelopeId, AcceptStatus Status, string Response);

public enum AcceptStatus
{
    Accepted,
    Duplicate,
    ConflictingDuplicate,
}
