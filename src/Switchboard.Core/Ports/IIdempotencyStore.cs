namespace Switchboard.Core.Ports;

/// <summary>Remembers every accepted idempotency key with the answer given, so a resend gets the same answer.</summary>
public interface IIdempotencyStore
{
    /// <summary>
    /// Inserts <paramref name="record"/> if its key is new. Returns the stored record when the key was already present
    /// (the caller compares hashes), or <c>null</c> when this call inserted it.
    /// </summary>
    Task<IdempotencyRecord?> TryInsertAsync(IdempotencyRecord record, CancellationToken cancellationToken);

    /// <summary>Marks the record as handed to the pipeline; called after the queue message is sent.</summary>
    Task MarkEnqueuedAsync(string source, string envelopeId, CancellationToken cancellationToken);
}

/// <param name="Response">The exact response given at acceptance (an HL7 ACK or JSON), replayed for duplicates.</param>
/// <param name="Enqueued">False while acceptance is between "recorded" and "queued"; a resend then re-queues.</param>
public sealed record IdempotencyRecord(
    string Source,
    string EnvelopeId,
    string PayloadHash,
    string BlobName,
    string Response,
    bool Enqueued);
