using System.Text.Json;
using Microsoft.DurableTask.Client;
using Microsoft.Extensions.Logging;
using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// Records a reviewer's decision with optimistic concurrency (the version they saw) and raises it to the
/// waiting orchestration. Only the decision that wins the conditional update is raised.
/// </summary>
public sealed class ReviewDecisions(IReviewStore reviews, IWriteBackDocumentStore documents, TimeProvider time, ILogger<ReviewDecisions> logger)
{
    public async Task<ReviewDecisionResult> DecideAsync(DurableTaskClient durable, string reviewId, ReviewDecisionRequest decision, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(durable);
        ArgumentNullException.ThrowIfNull(decision);
        var item = await reviews.GetAsync(reviewId, cancellationToken);
        if (item is null)
        {
            return ReviewDecisionResult.NotFound;
        }

        string? edited = null;
        if (decision.Verdict == ReviewVerdict.EditAndApprove)
        {
            edited = WriteBackIds.EditedChangesDocument(item.InstanceId, reviewId);
            // Written before the decision is recorded; if the decision then loses, the document is never read.
            await documents.TryPutAsync(edited, JsonSerializer.Serialize(decision.Changes ?? [], WriteBackJson.Options), cancellationToken);
        }

        var status = decision.Verdict == ReviewVerdict.Reject ? ReviewStatus.Rejected : ReviewStatus.Approved;
        var result = await reviews.TryDecideAsync(reviewId, decision.Version, status, decision.Reviewer, time.GetUtcNow(), cancellationToken);
        if (result != ReviewDecisionResult.Recorded)
        {
            WriteBackLog.StaleDecision(logger, reviewId);
            return result;
        }

        await durable.RaiseEventAsync(item.InstanceId, WriteBackEvents.ReviewDecided, new ReviewDecisionEvent(reviewId, decision.Verdict, decision.Reviewer, edited), cancellationToken);
        WriteBackLog.ReviewDecided(logger, reviewId, decision.Verdict.ToString());
        return result;
    }
}
