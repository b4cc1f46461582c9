using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Functions.Propagation;

namespace Switchboard.Functions.Triggers;

/// <summary><c>GET /api/feed/{subscriber}?after={cursor}&amp;limit=N</c>: the subscriber's events in order, the webhook fallback.</summary>
public sealed class FeedFunction(FeedService feed)
{
    [Function(nameof(FeedFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "feed/{subscriber}")] HttpRequest request,
        string subscriber,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var after = long.TryParse(request.Query["after"], NumberStyles.None, CultureInfo.InvariantCulture, out var a) ? a : 0;
        var limit = int.TryParse(request.Query["limit"], NumberStyles.None, CultureInfo.InvariantCulture, out var l) ? l : 100;
        var page = await feed.ReadAsync(subscriber, after, limit, cancellationToken);
        return page is null ? new NotFoundResult() : new ContentResult { Content = page.ToJsonString(), ContentType = "application/json", StatusCode = 200 };
    }
}
