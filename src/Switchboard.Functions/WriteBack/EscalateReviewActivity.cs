using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// Moves a review item nobody decided in time to escalated and emits the escalation (audit row and warning
/// event 1522, which alerting watches). Returns false when a decision got there first.
/// </summary>
public sealed class EscalateReviewActivity(WriteBackWork work, IReviewStore reviews, ILogger<EscalateReviewActivity> logger)
{
    [Function(nameof(EscalateReviewActivity))]
    public async Task<bool> RunAsync([ActivityTrigger] string reviewId, CancellationToken cancellationToken)
    {
        var item = await reviews.GetAsync(reviewId, cancellationToken);
        if (item is null || item.Status == ReviewStatus.Escalated)
        {
            return true;
        }

        if (item.Status != ReviewStatus.Pending
            || await reviews.TryDecideAsync(reviewId, item.Version!, ReviewStatus.Escalated, WriteBackWork.Actor, work.Time.GetUtcNow(), cancellationToken) != ReviewDecisionResult.Recorded)
        {
            return false;
        }

        await work.AuditAsync(item.InstanceId, "review-escalated", WriteBackCodes.ReviewEscalated, null, WriteBackWork.Actor, reviewId, cancellationToken);
        WriteBackLog.ReviewEscalated(logger, reviewId);
        return true;
    }
}
