using Microsoft.Extensions.Logging;

namespace Switchboard.Functions;

/// <summary>
/// Every log line of the Functions app (event ids 1000–1499 pipeline). Only ids, codes and counts: never field
/// values, payloads or exception messages that could quote input (CONVENTIONS.md section 8).
/// </summary>
internal static partial class Log
{
    // KeyToken: the idempotency key (MSH-10, event id) as an HMAC token (LogTokens), never the key itself.
    [LoggerMessage(1001, LogLevel.Information, "Accepted {MessageType} from {Source} as envelope {EnvelopeId} (key {KeyToken})")]
    public static partial void Accepted(ILogger logger, string source, string envelopeId, string messageType, string keyToken);

    [LoggerMessage(1002, LogLevel.Information, "Duplicate from {Source}: envelope {EnvelopeId} (key {KeyToken}) answered with its original response")]
    public static partial void Duplicate(ILogger logger, string source, string envelopeId, string keyToken);

    [LoggerMessage(1003, LogLevel.Warning, "Idempotency key {KeyToken} reused with different content from {Source}: envelope {EnvelopeId}")]
    public static partial void ConflictingDuplicate(ILogger logger, string source, string envelopeId, string keyToken);

    [LoggerMessage(1004, LogLevel.Warning, "Rejected unreadable payload from {Source}: {IssueCode}")]
    public static partial void RejectedUnreadable(ILogger logger, string source, string issueCode);

    [LoggerMessage(1010, LogLevel.Information, "Envelope {EnvelopeId} finished {Step}: {Outcome}")]
    public static partial void StageCompleted(ILogger logger, string envelopeId, string step, string outcome);

    [LoggerMessage(1011, LogLevel.Information, "Envelope {EnvelopeId} already finished {Step}; redelivery skipped")]
    public static partial void StageSkipped(ILogger logger, string envelopeId, string step);

    [LoggerMessage(1012, LogLevel.Warning, "Envelope {EnvelopeId} failed {Step} with {ExceptionType}; the queue will retry")]
    public static partial void StageFailed(ILogger logger, string envelopeId, string step, string exceptionType);

    [LoggerMessage(1013, LogLevel.Error, "Envelope {EnvelopeId} dead-lettered at {Step}: {IssueCode}")]
    public static partial void DeadLettered(ILogger logger, string envelopeId, string step, string issueCode);

    [LoggerMessage(1014, LogLevel.Error, "Message at {Stage} cannot be dead-lettered on its envelope ({IssueCode}); kept as {BlobName}")]
    public static partial void UnreadableQueueMessage(ILogger logger, string stage, string issueCode, string blobName);

    [LoggerMessage(1005, LogLevel.Warning, "Subscription {SubscriptionKey} of {Source} lost events {GapFrom}–{GapTo}; reconciliation needed")]
    public static partial void SubscriptionGap(ILogger logger, string source, string subscriptionKey, long gapFrom, long gapTo);

    [LoggerMessage(1030, LogLevel.Information, "Retention removed {Payloads} payloads, {Envelopes} envelopes with their audit, {Nonces} nonces")]
    public static partial void Purged(ILogger logger, int payloads, int envelopes, int nonces);

    [LoggerMessage(1020, LogLevel.Information, "Replay of envelope {EnvelopeId} ({Mode}) by {Actor}")]
    public static partial void Replayed(ILogger logger, string envelopeId, string mode, string actor);
}
