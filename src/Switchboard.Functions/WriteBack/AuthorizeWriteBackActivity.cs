using Microsoft.Azure.Functions.Worker;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>Checks the request against field ownership and the target's profile, and returns the run's plan.</summary>
public sealed class AuthorizeWriteBackActivity(WriteBackWork work)
{
    [Function(nameof(AuthorizeWriteBackActivity))]
    public async Task<WriteBackPlan> RunAsync([ActivityTrigger] string instanceId, CancellationToken cancellationToken)
    {
        var request = await work.LoadRequestAsync(instanceId, cancellationToken);
        var target = work.Targets.Find(request.TargetSystem);
        var result = target switch
        {
            null => new AuthorizationResult(AuthorizationDecision.Rejected, WriteBackCodes.UnknownTarget, null, []),
            { Options.CreateOnly: true } when !request.IsCreate =>
                new AuthorizationResult(AuthorizationDecision.Rejected, WriteBackCodes.UnknownTarget, null, []),
            _ => work.Authorize(request),
        };

        var rules = string.Join(',', result.Changes.Select(c => c.RulePath).Distinct());
        var state = result.Decision switch
        {
            AuthorizationDecision.Allowed => "authorized",
            AuthorizationDecision.NeedsReview => "needs-review",
            _ => "authorization-rejected",
        };
        await work.AuditAsync(instanceId, state, result.Code, rules.Length == 0 ? null : rules, request.ProposerSystem, request.IsCreate ? request.ResourceType : $"{request.ResourceType}/{request.ResourceId}", cancellationToken);

        var o = work.Options;
        return new WriteBackPlan(
            result.Decision.ToString(),
            result.Code,
            request.IsCreate,
            target?.Options.CreateOnly ?? false,
            [.. result.Changes.Select(c => c.Path.ToString())],
            o.ReviewTimeout,
            o.MaxPreconditionAttempts,
            o.MaxTransientAttempts,
            o.FirstRetryDelay,
            o.MaxRetryDelay,
            o.MaxResolveAttempts,
            o.ResolveDelay);
    }
}
