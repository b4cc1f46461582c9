using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>Opens a review item (replay-safe: the id is the run's review id, so a retry finds the same item).</summary>
public sealed class OpenReviewActivity(WriteBackWork work, IReviewStore reviews, ILogger<OpenReviewActivity> logger)
{
    [Function(nameof(OpenReviewActivity))]
    public async Task RunAsync([ActivityTrigger] OpenReviewInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var request = await work.LoadRequestAsync(input.InstanceId, cancellationToken);
        var item = new ReviewItem(
            input.ReviewId, input.InstanceId, request.TargetSystem, request.ResourceType, request.ResourceId, input.Reason, ReviewStatus.Pending,
            input.DiffDocument, input.Paths, work.Time.GetUtcNow(), null, null, null);
        await reviews.GetOrAddAsync(item, cancellationToken);
        await work.AuditAsync(input.InstanceId, "awaiting-review", input.Reason.ToString(), null, WriteBackWork.Actor, input.ReviewId, cancellationToken);
        WriteBackLog.ReviewOpened(logger, input.ReviewId, input.InstanceId, input.Reason.ToString());
    }
}
