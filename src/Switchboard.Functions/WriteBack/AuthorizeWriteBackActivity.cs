using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// Checks the target's profile against its CapabilityStatement, then the request against field ownership and the
/// profile, and returns the run's plan. A profile the server does not back is a configuration error (WB008, logged
/// as an error): the write is refused rather than sent some other way.
/// </summary>
public sealed class AuthorizeWriteBackActivity(WriteBackWork work, TargetCapabilities capabilities, ILogger<AuthorizeWriteBackActivity> logger)
{
    [Function(nameof(AuthorizeWriteBackActivity))]
    public async Task<WriteBackPlan> RunAsync([ActivityTrigger] string instanceId, CancellationToken cancellationToken)
    {
        var request = await work.LoadRequestAsync(instanceId, cancellationToken);
        var target = work.Targets.Find(request.TargetSystem);
        var mismatches = target is null ? [] : await capabilities.VerifyAsync(target, request.ResourceType, cancellationToken);
        if (mismatches.Count > 0)
        {
            WriteBackLog.ProfileMismatch(logger, instanceId, request.TargetSystem, request.ResourceType, string.Join(" ", mismatches));
        }

        var result = target switch
        {
            null => new AuthorizationResult(AuthorizationDecision.Rejected, WriteBackCodes.UnknownTarget, null, []),
            _ when mismatches.Count > 0 => new AuthorizationResult(AuthorizationDecision.Rejected, WriteBackCodes.ProfileMismatch, null, []),
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
