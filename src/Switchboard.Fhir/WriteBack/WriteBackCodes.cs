namespace Switchboard.Fhir.WriteBack;

/// <summary>Stable write-back outcome codes (<c>WBxxx</c>), shown in status, audit and review items.</summary>
public static class WriteBackCodes
{
    /// <summary>No ownership rule covers the path: write-back is default-deny.</summary>
    public const string NoRule = "WB001";

    /// <summary>The proposer only mirrors the field (read-only copy).</summary>
    public const string Mirror = "WB002";

    /// <summary>The field is derived display data, never written back.</summary>
    public const string Derived = "WB003";

    /// <summary>The field is history (append-only): only add is allowed.</summary>
    public const string HistoryAppendOnly = "WB004";

    /// <summary>The proposer is a creator of the field: it may add items, not change or remove them.</summary>
    public const string CreatorAddOnly = "WB005";

    /// <summary>The path or value is malformed, or names another resource type.</summary>
    public const string BadChange = "WB006";

    /// <summary>The target system is not configured, or cannot do what the request needs.</summary>
    public const string UnknownTarget = "WB007";

    /// <summary>The target's configured profile claims what its CapabilityStatement does not declare (configuration error).</summary>
    public const string ProfileMismatch = "WB008";

    /// <summary>The target changed the same field and the policy rejects the write.</summary>
    public const string ConflictRejected = "WB010";

    /// <summary>The merged resource fails FHIR or rule validation.</summary>
    public const string ValidationFailed = "WB011";

    /// <summary>The resource does not exist in the target.</summary>
    public const string NotFound = "WB012";

    /// <summary>Stale writes (412) kept coming past the bound.</summary>
    public const string PreconditionExhausted = "WB013";

    /// <summary>The target stayed throttled or unavailable past the bound.</summary>
    public const string TransientExhausted = "WB014";

    /// <summary>A reviewer rejected the write.</summary>
    public const string ReviewRejected = "WB020";

    /// <summary>Nobody decided in time: the review item is escalated.</summary>
    public const string ReviewEscalated = "WB021";

    /// <summary>The base version the proposer saw cannot be read.</summary>
    public const string BaseVersionMissing = "WB022";
}
