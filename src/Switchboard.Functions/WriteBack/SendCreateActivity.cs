using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.Rest;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// Sends a create through the write ledger (pending → sent → confirmed | outcome-unknown). A create found
/// <c>sent</c> by a replayed attempt, or whose response was lost, becomes outcome-unknown and is never sent again
/// here: <see cref="ResolveCreateActivity"/> searches for it by our business identifier. Only a reviewer's
/// approval (<see cref="CreateInput.Resend"/>) sends an outcome-unknown create again.
/// </summary>
public sealed class SendCreateActivity(WriteBackWork work, IWriteLedger ledger, ILogger<SendCreateActivity> logger)
{
    [Function(nameof(SendCreateActivity))]
    public async Task<WriteOutcome> RunAsync([ActivityTrigger] CreateInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = input.InstanceId;
        var request = await work.LoadAsync(id, input.ChangesDocument, cancellationToken);
        var auth = work.Authorize(request);
        if (auth.Decision == AuthorizationDecision.Rejected)
        {
            return Outcome("forbidden", auth.Code, null);
        }

        var rules = auth.Changes.Select(c => c.RulePath).Distinct().ToList();
        var target = work.Targets.Find(request.TargetSystem)!;
        var entry = await ledger.GetOrAddPendingAsync(id, request.TargetSystem, request.ResourceType, cancellationToken);
        switch (entry.State)
        {
            case LedgerState.Confirmed:
                return new WriteOutcome(WriteStatus.Written, null, entry.Location, null, null, [], rules);
            case LedgerState.Sent when !input.Resend:
                // A previous attempt sent it and never recorded the answer (the worker died, or the activity is replayed).
                await ledger.TryUpdateAsync(entry, LedgerState.OutcomeUnknown, null, entry.Attempts, cancellationToken);
                WriteBackLog.OutcomeUnknown(logger, id, entry.Attempts);
                return Outcome(WriteStatus.OutcomeUnknown, null, rules);
            case LedgerState.OutcomeUnknown when !input.Resend:
                return Outcome(WriteStatus.OutcomeUnknown, null, rules);
            case LedgerState.Abandoned:
                return Outcome("abandoned", WriteBackCodes.ReviewRejected, rules);
        }

        var resource = ThreeWayMerge.Apply(new JsonObject { ["resourceType"] = request.ResourceType }, auth.Changes);
        var identifier = new JsonObject { ["system"] = WriteBackIds.IdentifierSystem, ["value"] = id };
        if (resource["identifier"] is not JsonArray identifiers)
        {
            resource["identifier"] = new JsonArray(identifier);
        }
        else if (!identifiers.Any(i => JsonNode.DeepEquals(i, identifier)))
        {
            identifiers.Add(identifier);
        }

        var issues = WriteBackValidator.Validate(resource, work.Options.Rules.GetValueOrDefault(request.ResourceType));
        if (issues.Count > 0)
        {
            await work.AuditAsync(id, "validation-failed", WriteBackCodes.ValidationFailed, string.Join(',', rules), WriteBackWork.Actor, null, cancellationToken);
            return Outcome(WriteStatus.Invalid, WriteBackCodes.ValidationFailed, rules);
        }

        var attempts = entry.Attempts + 1;
        if (!await ledger.TryUpdateAsync(entry, LedgerState.Sent, null, attempts, cancellationToken))
        {
            // Another execution of this activity moved the entry: do not race it with a second POST.
            return Outcome(WriteStatus.OutcomeUnknown, null, rules);
        }

        var sent = (await ledger.GetAsync(id, cancellationToken))!;
        await work.AuditAsync(id, "sent", null, string.Join(',', rules), WriteBackWork.Actor, request.ResourceType, cancellationToken);
        try
        {
            var ifNoneExist = target.Options.SupportsConditionalCreate ? $"identifier={WriteBackIds.IdentifierSystem}|{id}" : null;
            var result = await target.CreateAsync(request.ResourceType, resource, ifNoneExist, cancellationToken);
            var location = result.Location ?? $"{request.ResourceType}/{result.Id}";
            await ledger.TryUpdateAsync(sent, LedgerState.Confirmed, location, attempts, cancellationToken);
            await work.AuditAsync(id, "confirmed", null, string.Join(',', rules), $"{WriteBackWork.Actor} for {request.ProposerSystem}", location, cancellationToken);
            return new WriteOutcome(WriteStatus.Written, null, location, null, null, [], rules);
        }
        catch (FhirServerException ex) when (ex.IsTransient)
        {
            // 429/503: the server refused before processing, so the create was not filed and may be sent again.
            await ledger.TryUpdateAsync(sent, LedgerState.Pending, null, attempts, cancellationToken);
            WriteBackLog.TargetRefused(logger, id, (int)ex.Status, ex.RetryAfter);
            return new WriteOutcome(WriteStatus.Transient, null, null, ex.RetryAfter, null, [], rules);
        }
        catch (TargetUnreachableException)
        {
            await ledger.TryUpdateAsync(sent, LedgerState.OutcomeUnknown, null, attempts, cancellationToken);
            await work.AuditAsync(id, "outcome-unknown", null, null, WriteBackWork.Actor, request.ResourceType, cancellationToken);
            WriteBackLog.OutcomeUnknown(logger, id, attempts);
            return Outcome(WriteStatus.OutcomeUnknown, null, rules);
        }
        catch (FhirServerException ex)
        {
            await ledger.TryUpdateAsync(sent, LedgerState.Pending, null, attempts, cancellationToken);
            WriteBackLog.TargetRefused(logger, id, (int)ex.Status, null);
            await work.AuditAsync(id, "target-refused", WriteBackCodes.ValidationFailed, null, WriteBackWork.Actor, null, cancellationToken);
            return Outcome(WriteStatus.Invalid, WriteBackCodes.ValidationFailed, rules);
        }
    }

    private static WriteOutcome Outcome(string status, string? code, IReadOnlyList<string>? rules) => new(status, code, null, null, null, [], rules ?? []);
}
