using Switchboard.Core.Subscriptions;

namespace Switchboard.Core.Ports;

public interface ISubscriptionStateStore
{
    Task<SubscriptionState?> GetAsync(string source, string subscriptionKey, CancellationToken cancellationToken);

    /// <summary>Stores the state if its ETag still matches (null: only if absent); false when another writer won.</summary>
    Task<bool> TrySaveAsync(SubscriptionState state, CancellationToken cancellationToken);

    /// <summary>Marks the source's recorded gaps as closed (after a reconciliation that started at <paramref name="reconciledAt"/>).</summary>
    Task ClearGapsAsync(string source, DateTimeOffset reconciledAt, CancellationToken cancellationToken);
}
