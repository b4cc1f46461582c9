using Hl7.Fhir.Model;

namespace Switchboard.Fhir.Subscriptions;

/// <summary>
/// The parts of an R4 Subscriptions Backport notification (a <c>history</c> Bundle whose first entry is the
/// SubscriptionStatus <c>Parameters</c>) that intake needs: ids and numbers only.
/// </summary>
/// <param name="Type">handshake, heartbeat, event-notification, query-status or query-event.</param>
/// <param name="EventsSinceStart">The server's running event count, for gap detection on heartbeats.</param>
/// <param name="EventNumbers">The event numbers this notification carries, ascending.</param>
public sealed record SubscriptionNotification(string Type, string Subscription, long? EventsSinceStart, IReadOnlyList<long> EventNumbers)
{
    public const string EventNotification = "event-notification";

    /// <summary>Reads the notification, or returns null with a reason when the bundle is not one.</summary>
    public static (SubscriptionNotification? Notification, string? Problem) Read(Bundle bundle)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (bundle.Type != Bundle.BundleType.History || bundle.Entry.FirstOrDefault()?.Resource is not Parameters status)
        {
            return (null, "Expected a history Bundle whose first entry is the SubscriptionStatus Parameters.");
        }

        var type = (status.Parameter.FirstOrDefault(p => p.Name == "type")?.Value as Code)?.Value;
        var subscription = (status.Parameter.FirstOrDefault(p => p.Name == "subscription")?.Value as ResourceReference)?.Reference;
        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(subscription))
        {
            return (null, "The SubscriptionStatus has no type or no subscription reference.");
        }

        var numbers = new List<long>();
        foreach (var notificationEvent in status.Parameter.Where(p => p.Name == "notification-event"))
        {
            if (Number(notificationEvent.Part.FirstOrDefault(p => p.Name == "event-number")?.Value) is not { } number)
            {
                return (null, "A notification-event has no event-number.");
            }

            numbers.Add(number);
        }

        if (type == EventNotification && numbers.Count == 0)
        {
            return (null, "An event-notification carries no notification-event.");
        }

        numbers.Sort();
        var sinceStart = Number(status.Parameter.FirstOrDefault(p => p.Name == "events-since-subscription-start")?.Value);
        return (new SubscriptionNotification(type, subscription, sinceStart, numbers), null);
    }

    // The backport IG carries 64-bit counters as strings (R4 has no integer64); accept integers too.
    private static long? Number(DataType? value) => value switch
    {
        FhirString s when long.TryParse(s.Value, System.Globalization.CultureInfo.InvariantCulture, out var n) => n,
        Integer i => i.Value,
        UnsignedInt u => u.Value,
        PositiveInt p => p.Value,
        _ => null,
    };
}
