using Switchboard.Core.Audit;
using Switchboard.Core.Envelopes;

namespace Switchboard.Core.Ports;

/// <summary>
/// Envelopes and their audit chain. The envelope row is the idempotency record: its id is derived from the
/// idempotency key, so "insert if absent" is the duplicate check.
/// </summary>
public interface IEnvelopeStore
{
    /// <summary>
    /// Inserts the envelope together with its first audit entry, atomically, if the id is new and returns null;
    /// when the id exists returns the stored record unchanged (the caller compares payload hashes).
    /// </summary>
    Task<EnvelopeRecord?> TryAcceptAsync(EnvelopeRecord record, AuditEntry accepted, CancellationToken cancellationToken);

    Task<EnvelopeRecord?> GetAsync(string envelopeId, CancellationToken cancellationToken);

    /// <summary>Moves the envelope to <paramref name="state"/> and appends <paramref name="entry"/> to its chain, atomically.</summary>
    Task<AuditRecord> TransitionAsync(string envelopeId, EnvelopeState state, string? issueCode, AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>Appends an audit entry, chained to the previous one by hash.</summary>
    Task<AuditRecord> AppendAuditAsync(AuditEntry entry, CancellationToken cancellationToken);

    /// <summary>The envelope's audit chain in order.</summary>
    Task<IReadOnlyList<AuditRecord>> ReadAuditAsync(string envelopeId, CancellationToken cancellationToken);

    /// <summary>Envelopes received in [from, to), in one state or (null) any.</summary>
    IAsyncEnumerable<EnvelopeRecord> QueryAsync(EnvelopeState? state, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken);

    /// <summary>Envelopes accepted within the given W3C trace (32 hex characters).</summary>
    IAsyncEnumerable<EnvelopeRecord> FindByTraceAsync(string traceId, CancellationToken cancellationToken);

    /// <summary>Deletes envelopes received before <paramref name="cutoff"/> with their audit chains (retention); returns how many.</summary>
    Task<int> PurgeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
