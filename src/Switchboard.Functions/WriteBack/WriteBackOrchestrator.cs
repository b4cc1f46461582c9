using Microsoft.Azure.Functions.Worker;
using Microsoft.DurableTask;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// One write-back, from authorization to Provenance (state machine in docs/writeback.md). The instance id is
/// derived from the proposer's idempotency key, and every activity is idempotent, so a duplicate request or a
/// replay never writes twice. Replay-safe: no I/O, clock or configuration here; limits come from the plan.
/// </summary>
public static class WriteBackOrchestrator
{
    [Function(nameof(WriteBackOrchestrator))]
    public static async Task<WriteBackResult> RunAsync([OrchestrationTrigger] TaskOrchestrationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var id = context.InstanceId;
        var run = new Run(context, id);

        var plan = await context.CallActivityAsync<WriteBackPlan>(nameof(AuthorizeWriteBackActivity), id, WriteBackRetryPolicies.Transient);
        if (plan.Decision == nameof(AuthorizationDecision.Rejected))
        {
            return await run.EndAsync("rejected", plan.Code, null);
        }

        var changes = WriteBackIds.RequestDocument(id);
        if (plan.Decision == nameof(AuthorizationDecision.NeedsReview))
        {
            var decision = await run.ReviewAsync(plan, ReviewReason.Suggestion, null, plan.Paths);
            if (decision is null)
            {
                return await run.EndAsync("escalated", WriteBackCodes.ReviewEscalated, null);
            }

            if (decision.Verdict == ReviewVerdict.Reject)
            {
                return await run.EndAsync("rejected", WriteBackCodes.ReviewRejected, null);
            }

            changes = decision.ChangesDocument ?? changes;
        }

        return plan.IsCreate
            ? await CreateAsync(run, plan, changes)
            : await UpdateAsync(run, plan, changes);
    }

    /// <summary>Read, merge, validate, write with If-Match; on 412 again (bounded); on 429/503/time-out wait and again (bounded).</summary>
    private static async Task<WriteBackResult> UpdateAsync(Run run, WriteBackPlan plan, string changes)
    {
        var context = run.Context;
        int stale = 0, transient = 0, attempt = 0;
        var force = false;
        var maybeLanded = false;
        while (true)
        {
            attempt++;
            context.SetCustomStatus(new WriteBackStatus("writing", attempt, run.ReviewId, null));
            var outcome = await context.CallActivityAsync<WriteOutcome>(
                nameof(ApplyWriteBackActivity), new ApplyInput(run.Id, changes, force, attempt), WriteBackRetryPolicies.Transient);
            switch (outcome.Status)
            {
                case WriteStatus.Written:
                case WriteStatus.NothingToWrite:
                {
                    // Nothing left to write after a write whose response was lost: that write landed (our values are
                    // there), so it is ours to attribute. Provenance targets the version in which they were found.
                    var written = outcome.Status == WriteStatus.Written || maybeLanded;
                    if (outcome.Location is not null && written)
                    {
                        await context.CallActivityAsync(nameof(RecordProvenanceActivity), new ProvenanceInput(run.Id, outcome.Location, outcome.Rules), WriteBackRetryPolicies.Transient);
                    }

                    return await run.EndAsync(written ? "written" : "unchanged", null, outcome.Location);
                }

                case WriteStatus.Stale:
                    if (++stale >= plan.MaxPreconditionAttempts)
                    {
                        return await run.EndAsync("failed", WriteBackCodes.PreconditionExhausted, null);
                    }

                    break;

                case WriteStatus.Transient:
                    maybeLanded |= outcome.MaybeLanded;
                    if (++transient >= plan.MaxTransientAttempts)
                    {
                        return await run.EndAsync("failed", WriteBackCodes.TransientExhausted, null);
                    }

                    await run.WaitAsync(plan, outcome.RetryAfter, transient);
                    break;

                case WriteStatus.Conflict:
                case WriteStatus.Invalid:
                {
                    var reason = outcome.Status == WriteStatus.Conflict ? ReviewReason.Conflict : ReviewReason.ValidationFailure;
                    var decision = await run.ReviewAsync(plan, reason, outcome.DiffDocument, outcome.Paths);
                    if (decision is null)
                    {
                        return await run.EndAsync("escalated", WriteBackCodes.ReviewEscalated, null);
                    }

                    if (decision.Verdict == ReviewVerdict.Reject)
                    {
                        return await run.EndAsync("rejected", WriteBackCodes.ReviewRejected, null);
                    }

                    // Approve: our values win the fields the reviewer saw in conflict. Edit: the edited set, likewise.
                    changes = decision.ChangesDocument ?? changes;
                    force = reason == ReviewReason.Conflict || decision.ChangesDocument is not null;
                    break;
                }

                case WriteStatus.ConflictRejected:
                    return await run.EndAsync("rejected", WriteBackCodes.ConflictRejected, null);

                default:
                    return await run.EndAsync("failed", outcome.Code ?? WriteBackCodes.NotFound, null);
            }
        }
    }

    /// <summary>Create through the ledger: a lost response is resolved by search, never by a blind second POST.</summary>
    private static async Task<WriteBackResult> CreateAsync(Run run, WriteBackPlan plan, string changes)
    {
        var context = run.Context;
        int transient = 0, attempt = 0;
        var resend = false;
        while (true)
        {
            attempt++;
            context.SetCustomStatus(new WriteBackStatus("creating", attempt, run.ReviewId, null));
            var outcome = await context.CallActivityAsync<WriteOutcome>(
                nameof(SendCreateActivity), new CreateInput(run.Id, changes, resend), WriteBackRetryPolicies.Transient);
            resend = false;
            if (outcome.Status == WriteStatus.Transient)
            {
                if (++transient >= plan.MaxTransientAttempts)
                {
                    return await run.EndAsync("failed", WriteBackCodes.TransientExhausted, null);
                }

                await run.WaitAsync(plan, outcome.RetryAfter, transient);
                continue;
            }

            for (var resolve = 0; outcome.Status == WriteStatus.OutcomeUnknown && resolve < plan.MaxResolveAttempts; resolve++)
            {
                context.SetCustomStatus(new WriteBackStatus("resolving", attempt, run.ReviewId, null));
                if (resolve > 0)
                {
                    // New items may sit in a reconcile queue that search cannot see yet.
                    await context.CreateTimer(plan.ResolveDelay, CancellationToken.None);
                }

                outcome = await context.CallActivityAsync<WriteOutcome>(nameof(ResolveCreateActivity), run.Id, WriteBackRetryPolicies.Transient);
            }

            switch (outcome.Status)
            {
                case WriteStatus.Written:
                    await context.CallActivityAsync(nameof(RecordProvenanceActivity), new ProvenanceInput(run.Id, outcome.Location!, outcome.Rules), WriteBackRetryPolicies.Transient);
                    return await run.EndAsync("written", null, outcome.Location);

                case WriteStatus.OutcomeUnknown or WriteStatus.Ambiguous or WriteStatus.Invalid:
                {
                    var reason = outcome.Status == WriteStatus.Invalid ? ReviewReason.ValidationFailure : ReviewReason.OutcomeUnknown;
                    var decision = await run.ReviewAsync(plan, reason, outcome.DiffDocument, outcome.Paths);
                    if (decision is null)
                    {
                        return await run.EndAsync("escalated", WriteBackCodes.ReviewEscalated, null);
                    }

                    if (decision.Verdict == ReviewVerdict.Reject)
                    {
                        return await run.EndAsync("rejected", WriteBackCodes.ReviewRejected, null);
                    }

                    // Approve of an unknown outcome: a person checked the target and the create is not there.
                    changes = decision.ChangesDocument ?? changes;
                    resend = reason == ReviewReason.OutcomeUnknown;
                    break;
                }

                default:
                    return await run.EndAsync("failed", outcome.Code, null);
            }
        }
    }

    /// <summary>Per-run helpers; holds no state that is not rebuilt identically on replay.</summary>
    private sealed class Run(TaskOrchestrationContext context, string id)
    {
        private int _reviews;

        public TaskOrchestrationContext Context { get; } = context;

        public string Id { get; } = id;

        public string? ReviewId { get; private set; }

        public async Task<ReviewDecisionEvent?> ReviewAsync(WriteBackPlan plan, ReviewReason reason, string? diff, IReadOnlyList<string> paths)
        {
            ReviewId = $"{Id}-r{++_reviews}";
            await Context.CallActivityAsync(nameof(OpenReviewActivity), new OpenReviewInput(Id, ReviewId, reason, diff, paths), WriteBackRetryPolicies.Transient);
            Context.SetCustomStatus(new WriteBackStatus("awaiting-review", 0, ReviewId, null));
            var deadline = Context.CurrentUtcDateTime + plan.ReviewTimeout;
            while (true)
            {
                ReviewDecisionEvent decision;
                try
                {
                    var remaining = deadline - Context.CurrentUtcDateTime;
                    decision = await Context.WaitForExternalEvent<ReviewDecisionEvent>(WriteBackEvents.ReviewDecided, remaining > TimeSpan.Zero ? remaining : TimeSpan.FromSeconds(1));
                }
                catch (TaskCanceledException)
                {
                    // Time-out: escalate unless a decision was recorded in the meantime (then its event is on its way).
                    var escalated = await Context.CallActivityAsync<bool>(nameof(EscalateReviewActivity), ReviewId, WriteBackRetryPolicies.Transient);
                    if (escalated)
                    {
                        return null;
                    }

                    deadline = Context.CurrentUtcDateTime + TimeSpan.FromMinutes(5);
                    continue;
                }

                // Decisions for earlier review items of this run are stale: keep waiting for this one.
                if (decision.ReviewId == ReviewId)
                {
                    await RecordAsync($"review-{decision.Verdict.ToString().ToLowerInvariant()}", null, null);
                    return decision;
                }
            }
        }

        public Task WaitAsync(WriteBackPlan plan, TimeSpan? retryAfter, int attempt)
        {
            // Honour the server's Retry-After; without one, back off exponentially. Both are capped.
            var backoff = TimeSpan.FromTicks(Math.Min(plan.MaxRetryDelay.Ticks, plan.FirstRetryDelay.Ticks * (1L << Math.Min(attempt - 1, 20))));
            var delay = retryAfter is { } r && r > TimeSpan.Zero ? (r < plan.MaxRetryDelay ? r : plan.MaxRetryDelay) : backoff;
            Context.SetCustomStatus(new WriteBackStatus("waiting-to-retry", attempt, ReviewId, null));
            return Context.CreateTimer(delay, CancellationToken.None);
        }

        public async Task<WriteBackResult> EndAsync(string outcome, string? code, string? location)
        {
            await RecordAsync(outcome, code, location);
            Context.SetCustomStatus(new WriteBackStatus(outcome, 0, ReviewId, code));
            return new WriteBackResult(outcome, code, location);
        }

        private Task RecordAsync(string state, string? code, string? target) =>
            Context.CallActivityAsync(nameof(RecordWriteBackStateActivity), new StateInput(Id, state, code, null, target), WriteBackRetryPolicies.Transient);
    }
}
