using Microsoft.Extensions.Logging;

namespace Switchboard.Functions;

/// <summary>
/// Every log line of the Functions app (event ids 1000–1999). Only ids, codes and counts: never field values,
/// payloads or exception messages that could quote input (CONVENTIONS.md section 8).
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Accepted {MessageType} from {Source} as envelope {EnvelopeId}")]
    public static partial void Accepted(ILogger logger, string source, string envelopeId, string messageType);

    [LoggerMessage(1002, LogLevel.Information, "Duplicate from {Source}: envelope {EnvelopeId} answered with its original ACK")]
    public static partial void Duplicate(ILogger logger, string source, string envelopeId);

    [LoggerMessage(1003, LogLevel.Warning, "Control id reused with different content from {Source}: envelope {EnvelopeId}")]
    public static partial void ConflictingDuplicate(ILogger logger, string source, string envelopeId);

    [LoggerMessage(1004, LogLevel.Warning, "Rejected unreadable message from {Source}: {IssueCode}")]
    public static partial void RejectedUnreadable(ILogger logger, string source, string issueCode);

    [LoggerMessage(1010, LogLevel.Warning, "Envelope {EnvelopeId} has no patient identifier; nothing delivered")]
    public static partial void NoPatientIdentifier(ILogger logger, string envelopeId);

    [LoggerMessage(1011, LogLevel.Information, "Envelope {EnvelopeId} delivered {ResourceType} with status {Status}")]
    public static partial void Delivered(ILogger logger, string envelopeId, string resourceType, int status);
}
