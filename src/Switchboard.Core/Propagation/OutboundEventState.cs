namespace Switchboard.Core.Propagation;

public enum OutboundEventState
{
    /// <summary>Waiting for (re)delivery by webhook; feed readers see it already.</summary>
    Pending,

    /// <summary>The subscriber answered 2xx.</summary>
    Delivered,

    /// <summary>Delivery gave up after the configured attempts; still in the feed; can be redelivered.</summary>
    DeadLettered,

    /// <summary>A feed-only subscriber: nothing is pushed.</summary>
    FeedOnly,
}
