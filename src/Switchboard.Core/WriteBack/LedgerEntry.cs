namespace Switchboard.Core.WriteBack;

/// <summary>One create on a create-only target.</summary>
/// <param name="InstanceId">The write-back instance (one create per instance).</param>
/// <param name="Location">Where the target filed it (<c>Type/id</c>) once confirmed.</param>
/// <param name="Attempts">How many times the create was sent.</param>
/// <param name="Version">The table ETag for conditional updates.</param>
public sealed record LedgerEntry(
    string InstanceId,
    string TargetSystem,
    string ResourceType,
    LedgerState State,
    string? Location,
    int Attempts,
    DateTimeOffset UpdatedAt,
    string? Version);
