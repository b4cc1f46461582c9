using Switchboard.Core.WriteBack;

namespace Switchboard.Functions.WriteBack;

/// <summary>Body of <c>POST /api/reviews/{id}/decision</c>.</summary>
/// <param name="Version">The review item's version as listed: a decision on a stale version gets 409.</param>
/// <param name="Changes">For edit-and-approve: the edited change set.</param>
public sealed record ReviewDecisionRequest(ReviewVerdict Verdict, string Version, string Reviewer, IReadOnlyList<FieldChange>? Changes);
