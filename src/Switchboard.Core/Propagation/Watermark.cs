namespace Switchboard.Core.Propagation;

/// <summary>How far reconciliation has searched a source: everything last updated up to <see cref="LastUpdated"/> is in the pipeline.</summary>
public sealed record Watermark(string Source, string ResourceType, DateTimeOffset LastUpdated, DateTimeOffset CheckedAt, string? ETag);
