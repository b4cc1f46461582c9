using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Switchboard.Core.Ports;
using Switchboard.Fhir.Routing;

namespace Switchboard.Functions.Propagation;

/// <summary>
/// The polling feed: a subscriber's events in sequence order after a cursor (the last sequence number seen), in the
/// same form webhooks deliver. The fallback when webhooks are missed: cursors are stable, events never move.
/// </summary>
public sealed class FeedService(IOutboundEventLog events, OutboundEventRenderer renderer, RoutingRules rules, IOptions<PropagationOptions> options)
{
    /// <returns>The page, or null when no webhook or feed destination has that name.</returns>
    public async Task<JsonObject?> ReadAsync(string subscriber, long after, int limit, CancellationToken cancellationToken)
    {
        if (rules.Find(subscriber) is not { Type: DestinationTypes.Webhook or DestinationTypes.Feed } destination)
        {
            return null;
        }

        var page = await events.ReadAsync(subscriber, Math.Max(0, after), Math.Clamp(limit, 1, options.Value.FeedMaxLimit), cancellationToken);
        var items = new JsonArray();
        foreach (var item in page)
        {
            items.Add(await renderer.RenderAsync(item, destination, cancellationToken));
        }

        var next = page.Count > 0 ? page[^1].Sequence : Math.Max(0, after);
        return new JsonObject
        {
            ["subscriber"] = subscriber,
            ["events"] = items,
            ["next"] = next.ToString(CultureInfo.InvariantCulture),
        };
    }
}
