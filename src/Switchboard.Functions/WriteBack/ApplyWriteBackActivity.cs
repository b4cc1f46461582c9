using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;
using Switchboard.Core.WriteBack;
using Switchboard.Fhir.Rest;
using Switchboard.Fhir.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>
/// One write attempt on an updatable target: read the base version and the current one, three-way merge,
/// validate, then PATCH (JSON Patch from current to merged, where the profile says SupportsPatch) or PUT, with
/// If-Match on the version just read. Idempotent: if an earlier attempt landed (its response
/// lost), the merge finds our values already there and nothing is written again.
/// </summary>
public sealed class ApplyWriteBackActivity(WriteBackWork work, ILogger<ApplyWriteBackActivity> logger)
{
    [Function(nameof(ApplyWriteBackActivity))]
    public async Task<WriteOutcome> RunAsync([ActivityTrigger] ApplyInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var id = input.InstanceId;
        var request = await work.LoadAsync(id, input.ChangesDocument, cancellationToken);
        var auth = work.Authorize(request);
        if (auth.Decision == AuthorizationDecision.Rejected)
        {
            return Outcome("forbidden", auth.Code);
        }

        var rules = auth.Changes.Select(c => c.RulePath).Distinct().ToList();
        var target = work.Targets.Find(request.TargetSystem)!;
        var type = request.ResourceType;
        var resourceId = request.ResourceId!;
        JsonVersioned? current;
        JsonVersioned? baseVersion;
        try
        {
            current = await target.ReadAsync(type, resourceId, null, cancellationToken);
            baseVersion = request.BaseVersion is null || request.BaseVersion == current?.VersionId
                ? current
                : await target.ReadAsync(type, resourceId, request.BaseVersion, cancellationToken);
        }
        catch (Exception ex) when (ex is TargetUnreachableException || ex is FhirServerException { IsTransient: true })
        {
            return Transient(id, ex);
        }

        if (current is null)
        {
            return Outcome(WriteStatus.NotFound, WriteBackCodes.NotFound);
        }

        if (baseVersion is null)
        {
            return Outcome(WriteStatus.NotFound, WriteBackCodes.BaseVersionMissing);
        }

        var merge = ThreeWayMerge.Merge(baseVersion.Resource, current.Resource, auth.Changes, input.ForceOurs);
        var paths = merge.Fields.Select(f => f.Path).ToList();
        WriteBackLog.Attempt(logger, id, input.Attempt, merge.Rejected ? "conflict-rejected" : merge.NeedsReview ? "conflict" : merge.HasWrites ? "merged" : "already-applied", string.Join(',', paths));
        if (merge.Rejected)
        {
            await work.AuditAsync(id, "conflict-rejected", WriteBackCodes.ConflictRejected, string.Join(',', rules), WriteBackWork.Actor, Versioned(type, resourceId, current.VersionId), cancellationToken);
            return new WriteOutcome(WriteStatus.ConflictRejected, WriteBackCodes.ConflictRejected, null, null, null, [.. merge.ConflictPaths], rules);
        }

        if (merge.NeedsReview)
        {
            var diff = await StoreDiffAsync(id, input.Attempt, baseVersion, current, request, merge, null, cancellationToken);
            await work.AuditAsync(id, "conflict", null, string.Join(',', rules), WriteBackWork.Actor, Versioned(type, resourceId, current.VersionId), cancellationToken);
            return new WriteOutcome(WriteStatus.Conflict, null, null, null, diff, [.. merge.ConflictPaths], rules);
        }

        if (!merge.HasWrites)
        {
            return new WriteOutcome(WriteStatus.NothingToWrite, null, Versioned(type, resourceId, current.VersionId), null, null, paths, rules);
        }

        var issues = WriteBackValidator.Validate(merge.Merged, work.Options.Rules.GetValueOrDefault(type));
        if (issues.Count > 0)
        {
            var diff = await StoreDiffAsync(id, input.Attempt, baseVersion, current, request, merge, issues, cancellationToken);
            await work.AuditAsync(id, "validation-failed", WriteBackCodes.ValidationFailed, string.Join(',', rules), WriteBackWork.Actor, null, cancellationToken);
            return new WriteOutcome(WriteStatus.Invalid, WriteBackCodes.ValidationFailed, null, null, diff, paths, rules);
        }

        try
        {
            var ifMatch = target.Options.SupportsIfMatch ? current.VersionId : null;
            var written = target.Options.SupportsPatch
                ? await target.PatchAsync(type, resourceId, JsonPatch.Diff(current.Resource, merge.Merged), ifMatch, cancellationToken)
                : await target.UpdateAsync(type, resourceId, merge.Merged, ifMatch, cancellationToken);
            var location = Versioned(type, resourceId, written.VersionId);
            await work.AuditAsync(id, "written", null, string.Join(',', rules), $"{WriteBackWork.Actor} for {request.ProposerSystem}", location, cancellationToken);
            return new WriteOutcome(WriteStatus.Written, null, location, null, null, paths, rules);
        }
        catch (FhirServerException ex) when (ex.Status == HttpStatusCode.PreconditionFailed)
        {
            // Someone wrote between our read and our write: re-read and re-merge (the orchestrator bounds the loop).
            await work.AuditAsync(id, "stale", null, null, WriteBackWork.Actor, Versioned(type, resourceId, current.VersionId), cancellationToken);
            return Outcome(WriteStatus.Stale, null);
        }
        catch (Exception ex) when (ex is TargetUnreachableException || ex is FhirServerException { IsTransient: true })
        {
            // Safe to retry even when the write may have landed: the next merge sees our values and writes nothing
            // (and the orchestrator, told the write may have landed, still records its Provenance).
            return Transient(id, ex) with { MaybeLanded = ex is TargetUnreachableException };
        }
        catch (FhirServerException ex) when (target.Options.SupportsPatch
            && ex.Status is HttpStatusCode.MethodNotAllowed or HttpStatusCode.UnsupportedMediaType or HttpStatusCode.NotImplemented)
        {
            // The profile (and the CapabilityStatement) said JSON Patch; the server refuses it. A configuration error,
            // not a reason to send a whole resource instead.
            WriteBackLog.ProfileMismatch(logger, id, target.Name, type, $"SupportsPatch: PATCH answered {(int)ex.Status}.");
            await work.AuditAsync(id, "patch-refused", WriteBackCodes.ProfileMismatch, null, WriteBackWork.Actor, null, cancellationToken);
            return Outcome(WriteStatus.Refused, WriteBackCodes.ProfileMismatch);
        }
        catch (FhirServerException ex)
        {
            WriteBackLog.TargetRefused(logger, id, (int)ex.Status, null);
            await work.AuditAsync(id, "target-refused", WriteBackCodes.ValidationFailed, null, WriteBackWork.Actor, null, cancellationToken);
            return new WriteOutcome(WriteStatus.Invalid, WriteBackCodes.ValidationFailed, null, null, null, paths, rules);
        }
    }

    private WriteOutcome Transient(string id, Exception ex)
    {
        var retryAfter = (ex as FhirServerException)?.RetryAfter;
        WriteBackLog.TargetRefused(logger, id, ex is FhirServerException f ? (int)f.Status : 0, retryAfter);
        return new WriteOutcome(WriteStatus.Transient, null, null, retryAfter, null, [], []);
    }

    private static WriteOutcome Outcome(string status, string? code) => new(status, code, null, null, null, [], []);

    private static string Versioned(string type, string id, string? version) => version is null ? $"{type}/{id}" : $"{type}/{id}/_history/{version}";

    /// <summary>The base/theirs/ours diff for the reviewer, as a document (it holds values: never logged or put in history).</summary>
    private async Task<string> StoreDiffAsync(
        string id, int attempt, JsonVersioned baseVersion, JsonVersioned current, WriteBackRequest request, MergeResult merge, IReadOnlyList<string>? issues, CancellationToken cancellationToken)
    {
        var name = WriteBackIds.DiffDocument(id, attempt);
        var fields = new JsonArray();
        foreach (var change in request.Changes)
        {
            var parsed = ElementPath.TryParse(change.Path, out var p) ? p : null;
            var outcome = merge.Fields.FirstOrDefault(f => f.Path == parsed?.ToString());
            fields.Add(new JsonObject
            {
                ["path"] = change.Path,
                ["op"] = change.Op.ToString().ToLowerInvariant(),
                ["status"] = outcome?.Status.ToString(),
                ["base"] = parsed is null ? null : ThreeWayMerge.Get(baseVersion.Resource, parsed)?.DeepClone(),
                ["theirs"] = parsed is null ? null : ThreeWayMerge.Get(current.Resource, parsed)?.DeepClone(),
                ["ours"] = change.Value is null ? null : JsonNode.Parse(change.Value),
            });
        }

        var diff = new JsonObject
        {
            ["baseVersion"] = baseVersion.VersionId,
            ["theirsVersion"] = current.VersionId,
            ["fields"] = fields,
            ["issues"] = issues is null ? null : new JsonArray([.. issues.Select(i => JsonValue.Create(i))]),
        };
        await work.Documents.TryPutAsync(name, diff.ToJsonString(), cancellationToken);
        return name;
    }
}
