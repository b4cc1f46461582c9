using Switchboard.Core.WriteBack;

namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// Checks a request against field ownership: mirror and derived fields are rejected, history is add-only,
/// creators only add, suggestions go to review, the system of record and co-editors write.
/// </summary>
public static class WriteBackAuthorizer
{
    public static AuthorizationResult Authorize(OwnershipRegistry registry, WriteBackRequest request)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(request);
        if (request.Changes.Count == 0)
        {
            return Reject(WriteBackCodes.BadChange, "The request has no changes.");
        }

        var allowed = new List<AuthorizedChange>();
        var review = false;
        foreach (var change in request.Changes)
        {
            if (!ElementPath.TryParse(change.Path, out var path) || path.Steps.Count == 0
                || !string.Equals(path.ResourceType, request.ResourceType, StringComparison.Ordinal))
            {
                return Reject(WriteBackCodes.BadChange, $"'{change.Path}' is not an element path of {request.ResourceType}.");
            }

            if (change.Op != ChangeOperation.Remove && change.Value is null)
            {
                return Reject(WriteBackCodes.BadChange, $"{change.Op} at {path.Shape} needs a value.");
            }

            var rule = registry.Find(path);
            if (rule is null)
            {
                return Reject(WriteBackCodes.NoRule, $"No ownership rule covers {path.Shape}.");
            }

            if (rule.DataClass == DataClass.DerivedDisplay)
            {
                return Reject(WriteBackCodes.Derived, $"{path.Shape} is derived display data (rule {rule.Path}) and is never written back.");
            }

            if (rule.DataClass == DataClass.History && change.Op != ChangeOperation.Add)
            {
                return Reject(WriteBackCodes.HistoryAppendOnly, $"{path.Shape} is history (rule {rule.Path}): only add is allowed.");
            }

            var role = rule.RoleOf(request.ProposerSystem);
            switch (role)
            {
                case FieldRole.Mirror:
                    return Reject(WriteBackCodes.Mirror, $"{request.ProposerSystem} only mirrors {path.Shape} (rule {rule.Path}; system of record {rule.SystemOfRecord}).");
                case FieldRole.Creator when change.Op != ChangeOperation.Add && !request.IsCreate:
                    return Reject(WriteBackCodes.CreatorAddOnly, $"{request.ProposerSystem} may only add to {path.Shape} (rule {rule.Path}).");
                case FieldRole.Suggester:
                    review = true;
                    break;
            }

            allowed.Add(new AuthorizedChange(change, path, rule.Path, rule.ConflictPolicy, role is null));
        }

        return new AuthorizationResult(review ? AuthorizationDecision.NeedsReview : AuthorizationDecision.Allowed, null, null, allowed);
    }

    private static AuthorizationResult Reject(string code, string reason) => new(AuthorizationDecision.Rejected, code, reason, []);
}
