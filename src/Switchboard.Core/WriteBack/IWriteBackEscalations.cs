namespace Switchboard.Core.WriteBack;

/// <summary>
/// Announces escalated review items to whoever watches them (a queue in Azure). Messages carry ids, the reason
/// and the time only, never values. Delivery is at least once: consumers de-duplicate on <see cref="WriteBackEscalation.ReviewId"/>.
/// </summary>
public interface IWriteBackEscalations
{
    Task PublishAsync(WriteBackEscalation escalation, CancellationToken cancellationToken);
}

/// <summary>A review item nobody decided within the review time-out.</summary>
public sealed record WriteBackEscalation(string InstanceId, string ReviewId, string TargetSystem, string ResourceType, ReviewReason Reason, string Code, DateTimeOffset EscalatedAt);
