using Switchboard.Core.Envelopes;

namespace Switchboard.Functions.Operations;

/// <summary>Every hop of one envelope, as the operator API shows it: ids, times, hashes and outcomes, never payload.</summary>
public sealed record TraceView(
    string EnvelopeId,
    string Source,
    string Kind,
    string MessageControlId,
    string MessageType,
    string State,
    string? IssueCode,
    string? TraceParent,
    DateTimeOffset ReceivedAt,
    DateTimeOffset? EventTime,
    string PayloadHash,
    string BlobName,
    bool ChainValid,
    IReadOnlyList<HopView> Hops);

public sealed record HopView(
    int Sequence,
    string Stage,
    DateTimeOffset At,
    string Outcome,
    string? InputHash,
    string? OutputHash,
    string? Rule,
    string Actor,
    string? Target,
    string? TraceId,
    string Hash,
    string PreviousHash);

/// <summary>A dead-lettered envelope in the operator's list.</summary>
public sealed record DeadLetterView(
    string EnvelopeId,
    string Source,
    string MessageType,
    string? Stage,
    string? IssueCode,
    DateTimeOffset ReceivedAt,
    string BlobName)
{
    public static DeadLetterView From(EnvelopeRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var e = record.Envelope;
        return new DeadLetterView(e.EnvelopeId, e.Source, e.MessageType, record.Stage, record.IssueCode, e.ReceivedAt, e.BlobName);
    }
}
