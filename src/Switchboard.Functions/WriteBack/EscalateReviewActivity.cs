using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// Moves a review item nobody decided in time to escalated and emits the escalation: audit row, warning event
/// 1522 and a message (ids only) on the escalation queue. Returns false when a decision got there first.
/// </summary>
public sealed class EscalateReviewActivity(WriteBackWork work, IReviewStore reviews, IWriteBackEscalations escalations, ILogger<EscalateReviewActivity> logger)
{
    [Function(nameof(EscalateReviewActivity))]
    public async Task<bool> RunAsync([ActivityTrigger] string reviewId, CancellationToken cancellationToken)
    {
        var item = await reviews.GetAsync(reviewId, cancellationToken);
        if (item is null)
        {
            return true;
        }

        if (item.Status == ReviewStatus.Escalated)
        {
            // A retry after the item moved: publish again (at least once; consumers de-duplicate on the review id).
            await PublishAsync(item, cancellationToken);
            return true;
        }

        if (item.Status != ReviewStatus.Pending
            || await reviews.TryDecideAsync(reviewId, item.Version!, ReviewStatus.Escalated, WriteBackWork.Actor, work.Time.GetUtcNow(), cancellationToken) != ReviewDecisionResult.Recorded)
        {
            return false;
        }

        await work.AuditAsync(item.InstanceId, "review-escalated", WriteBackCodes.ReviewEscalated, null, WriteBackWork.Actor, reviewId, cancellationToken);
        WriteBackLog.ReviewEscalated(logger, reviewId);
        await PublishAsync(item, cancellationToken);
        return true;
    }

    private Task PublishAsync(ReviewItem item, CancellationToken cancellationToken) =>
        escalations.PublishAsync(new WriteBackEscalation(item.InstanceId, item.ReviewId, item.TargetSystem, item.ResourceType, item.Reason, WriteBackCodes.ReviewEscalated, work.Time.GetUtcNow()), cancellationToken);
}
