namespace Switchboard.Core.Envelopes;

/// <summary>The stored envelope: the queued envelope plus its state and the exact answer given at acceptance.</summary>
/// <param name="Response">The acceptance response (an HL7 ACK or JSON), replayed verbatim for duplicates.</param>
/// <param name="IssueCode">Why it was dead-lettered or rejected: a stable code (<c>V2xxx</c>, <c>PIPExxx</c>), never free text.</param>
/// <param name="Stage">The stage it reached last (or failed in).</param>
public sealed record EnvelopeRecord(
    MessageEnvelope Envelope,
    EnvelopeState State,
    string Response,
    string? IssueCode = null,
    string? Stage = null);
