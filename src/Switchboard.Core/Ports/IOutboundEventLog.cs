using Switchboard.Core.Propagation;

namespace Switchboard.Core.Ports;

/// <summary>Per-subscriber event logs: sequence numbers, delivery state and the delivery lease.</summary>
public interface IOutboundEventLog
{
    /// <summary>
    /// Appends the event with the next sequence number, atomically with the counter; when the envelope was already
    /// appended for this subscriber, returns that event unchanged (retries never take a second number).
    /// </summary>
    Task<OutboundEvent> AppendAsync(OutboundEvent template, CancellationToken cancellationToken);

    /// <summary>Events with a sequence greater than <paramref name="after"/>, ascending, at most <paramref name="limit"/>.</summary>
    Task<IReadOnlyList<OutboundEvent>> ReadAsync(string subscriber, long after, int limit, CancellationToken cancellationToken);

    /// <summary>Events in one state, ascending by sequence.</summary>
    Task<IReadOnlyList<OutboundEvent>> ReadByStateAsync(string subscriber, OutboundEventState state, int limit, CancellationToken cancellationToken);

    /// <summary>Saves state and attempts under the event's ETag; false when another writer changed it.</summary>
    Task<bool> TryUpdateAsync(OutboundEvent outboundEvent, CancellationToken cancellationToken);

    /// <summary>Takes the subscriber's delivery lease until <paramref name="until"/>, unless another holder's lease is still running.</summary>
    Task<bool> TryAcquireLeaseAsync(string subscriber, string holder, DateTimeOffset now, DateTimeOffset until, CancellationToken cancellationToken);

    Task ReleaseLeaseAsync(string subscriber, string holder, CancellationToken cancellationToken);
}
