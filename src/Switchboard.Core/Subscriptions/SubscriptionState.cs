namespace Switchboard.Core.Subscriptions;

/// <summary>
/// What we know of one FHIR subscription feeding a source: the highest event number received and the last
/// heartbeat. A jump in event numbers (or missing heartbeats) means notifications were lost; the gap is kept until
/// reconciliation has searched the server for what was missed.
/// </summary>
/// <param name="SubscriptionKey">Hash of the subscription reference (key-safe).</param>
/// <param name="GapFrom">First missing event number of an unreconciled gap, if any.</param>
public sealed record SubscriptionState(
    string Source,
    string SubscriptionKey,
    string Subscription,
    long LastEventNumber,
    DateTimeOffset? LastHeartbeatAt,
    long? GapFrom,
    long? GapTo,
    string? ETag);
