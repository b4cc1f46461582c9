using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Functions.Operations;

namespace Switchboard.Functions.Triggers;

/// <summary><c>GET /api/ops/deadletters?from=&amp;to=</c> (admin key): dead-lettered envelopes received in [from, to).</summary>
public sealed class OpsDeadLettersFunction(PipelineOperations operations, TimeProvider time)
{
    [Function(nameof(OpsDeadLettersFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Admin, "get", Route = "ops/deadletters")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var from = Parse(request.Query["from"], time.GetUtcNow().AddDays(-7));
        var to = Parse(request.Query["to"], DateTimeOffset.MaxValue);
        return new OkObjectResult(await operations.DeadLettersAsync(from, to, cancellationToken));
    }

    private static DateTimeOffset Parse(string? value, DateTimeOffset fallback) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed) ? parsed : fallback;
}
