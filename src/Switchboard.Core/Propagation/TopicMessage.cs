namespace Switchboard.Core.Propagation;

/// <summary>
/// A message for a publish/subscribe topic. Everything outside <see cref="Body"/> is visible in portal tools, so it
/// carries ids and codes only.
/// </summary>
/// <param name="MessageId">The idempotency key: the broker drops a second copy inside its duplicate-detection window.</param>
/// <param name="SessionId">The patient key: one session per patient keeps that patient's messages in order.</param>
/// <param name="CorrelationId">The W3C trace id of the accepting request.</param>
/// <param name="Subject">Message type code (e.g. <c>ADT^A08</c>, <c>Appointment</c>).</param>
public sealed record TopicMessage(
    string Topic,
    string MessageId,
    string? SessionId,
    string? CorrelationId,
    string Subject,
    ReadOnlyMemory<byte> Body,
    string ContentType,
    IReadOnlyDictionary<string, string> Properties);
