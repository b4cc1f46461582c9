using Microsoft.Extensions.Logging;

namespace Switchboard.Functions.Propagation;

/// <summary>Log lines of propagation (event ids 1600–1649): subscriber names, sequence numbers, counts and codes only.</summary>
internal static partial class PropagationLog
{
    [LoggerMessage(1600, LogLevel.Information, "Event {Sequence} delivered to {Subscriber} on attempt {Attempt}")]
    public static partial void Delivered(ILogger logger, string subscriber, long sequence, int attempt);

    [LoggerMessage(1601, LogLevel.Warning, "Event {Sequence} to {Subscriber} failed attempt {Attempt} with status {Status}; will retry")]
    public static partial void AttemptFailed(ILogger logger, string subscriber, long sequence, int attempt, int status);

    [LoggerMessage(1602, LogLevel.Error, "Event {Sequence} to {Subscriber} dead-lettered after {Attempt} attempts (last status {Status})")]
    public static partial void DeadLettered(ILogger logger, string subscriber, long sequence, int attempt, int status);

    [LoggerMessage(1603, LogLevel.Information, "Redelivery of {Count} dead-lettered events to {Subscriber} requested")]
    public static partial void Redeliver(ILogger logger, string subscriber, int count);

    [LoggerMessage(1610, LogLevel.Information, "Reconciliation of {Source} {ResourceType}: {Found} versions found, {Accepted} new, watermark {Watermark}")]
    public static partial void Reconciled(ILogger logger, string source, string resourceType, int found, int accepted, DateTimeOffset watermark);

    [LoggerMessage(1611, LogLevel.Warning, "Reconciliation of {Source} {ResourceType} failed with {ExceptionType}; the watermark stays")]
    public static partial void ReconcileFailed(ILogger logger, string source, string resourceType, string exceptionType);

    [LoggerMessage(1612, LogLevel.Information, "Subscription gap {GapFrom}–{GapTo} of {Source} closed by reconciliation")]
    public static partial void GapClosed(ILogger logger, string source, long gapFrom, long gapTo);

    [LoggerMessage(1604, LogLevel.Warning, "Delivery request for {Subscriber} abandoned after the queue's retries; its events stay pending")]
    public static partial void DeliveryRequestAbandoned(ILogger logger, string subscriber);
}
