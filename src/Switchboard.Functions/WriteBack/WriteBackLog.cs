using Microsoft.Extensions.Logging;

namespace Switchboard.Functions.WriteBack;

/// <summary>Write-back log lines (event ids 1500–1599): instance ids, states, codes, paths and counts only.</summary>
internal static partial class WriteBackLog
{
    [LoggerMessage(1500, LogLevel.Information, "Write-back {InstanceId} accepted for target {TargetSystem} ({ResourceType})")]
    public static partial void Accepted(ILogger logger, string instanceId, string targetSystem, string resourceType);

    [LoggerMessage(1501, LogLevel.Information, "Write-back {InstanceId} is a duplicate request; the existing instance answers")]
    public static partial void Duplicate(ILogger logger, string instanceId);

    [LoggerMessage(1502, LogLevel.Warning, "Write-back {InstanceId}: idempotency key reused with a different request")]
    public static partial void KeyReused(ILogger logger, string instanceId);

    [LoggerMessage(1510, LogLevel.Information, "Write-back {InstanceId} entered {State} ({Code})")]
    public static partial void State(ILogger logger, string instanceId, string state, string? code);

    [LoggerMessage(1511, LogLevel.Information, "Write-back {InstanceId} attempt {Attempt}: {Status} on {Paths}")]
    public static partial void Attempt(ILogger logger, string instanceId, int attempt, string status, string paths);

    [LoggerMessage(1512, LogLevel.Warning, "Write-back {InstanceId}: target answered {StatusCode}; retry after {RetryAfter}")]
    public static partial void TargetRefused(ILogger logger, string instanceId, int statusCode, TimeSpan? retryAfter);

    [LoggerMessage(1513, LogLevel.Warning, "Write-back {InstanceId}: create outcome unknown (ledger attempt {Attempts}); resolving by identifier search")]
    public static partial void OutcomeUnknown(ILogger logger, string instanceId, int attempts);

    [LoggerMessage(1514, LogLevel.Information, "Write-back {InstanceId}: create resolved as {Outcome} ({Matches} matches)")]
    public static partial void Resolved(ILogger logger, string instanceId, string outcome, int matches);

    [LoggerMessage(1515, LogLevel.Error, "Write-back {InstanceId} refused: target {TargetSystem} profile disagrees with its CapabilityStatement for {ResourceType} (configuration error): {Mismatches}")]
    public static partial void ProfileMismatch(ILogger logger, string instanceId, string targetSystem, string resourceType, string mismatches);

    [LoggerMessage(1520, LogLevel.Information, "Review {ReviewId} opened for write-back {InstanceId}: {Reason}")]
    public static partial void ReviewOpened(ILogger logger, string reviewId, string instanceId, string reason);

    [LoggerMessage(1521, LogLevel.Information, "Review {ReviewId} decided: {Verdict}")]
    public static partial void ReviewDecided(ILogger logger, string reviewId, string verdict);

    [LoggerMessage(1522, LogLevel.Warning, "Review {ReviewId} escalated: no decision within the review time-out")]
    public static partial void ReviewEscalated(ILogger logger, string reviewId);

    [LoggerMessage(1523, LogLevel.Information, "Review {ReviewId}: stale decision refused")]
    public static partial void StaleDecision(ILogger logger, string reviewId);
}
