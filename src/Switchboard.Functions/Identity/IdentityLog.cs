using Microsoft.Extensions.Logging;
using Switchboard.Identity.Matching;

namespace Switchboard.Functions.Identity;

/// <summary>Identity log lines (event ids 4000–4499). Ids, outcomes and counts only: never names, dates or identifiers.</summary>
internal static partial class IdentityLog
{
    [LoggerMessage(4001, LogLevel.Information, "Identity resolved to {EnterpriseId}: {Outcome} by {Rule}")]
    public static partial void Resolved(ILogger logger, string enterpriseId, LinkOutcomeKind outcome, string rule);

    [LoggerMessage(4002, LogLevel.Information, "Identity match request answered with {Count} candidates")]
    public static partial void Matched(ILogger logger, int count);

    [LoggerMessage(4003, LogLevel.Warning, "Identity match request rejected: {IssueCode}")]
    public static partial void MatchRejected(ILogger logger, string issueCode);
}
