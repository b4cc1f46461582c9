using Switchboard.Core.Subscriptions;

namespace Switchboard.Core.Ports;

public interface ISubscriptionStateStore
{
    Task<SubscriptionState?> GetAsync(string source, string subscriptionKey, CancellationToken cancellationToken);

    /// <summary>Stores the state if its ETag still matches (null: only if absent); false when another writer won.</summary>
    Task<bool> TrySaveAsync(SubscriptionState state, CancellationToken cancellationToken);
}
