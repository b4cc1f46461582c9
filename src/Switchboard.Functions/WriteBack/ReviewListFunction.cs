using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary><c>GET /api/reviews?status=pending</c>: review items with their version (needed to decide) and diff document name.</summary>
public sealed class ReviewListFunction(IReviewStore reviews)
{
    [Function(nameof(ReviewListFunction))]
    public async Task<IActionResult> RunAsync(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "reviews")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var text = request.Query["status"].ToString();
        if (!Enum.TryParse<ReviewStatus>(text.Length == 0 ? nameof(ReviewStatus.Pending) : text, ignoreCase: true, out var status))
        {
            return new BadRequestObjectResult(new { error = "status must be pending, approved, rejected or escalated." });
        }

        return new OkObjectResult(await reviews.ListAsync(status, 200, cancellationToken));
    }
}
