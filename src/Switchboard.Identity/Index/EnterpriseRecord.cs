namespace Switchboard.Identity.Index;

/// <summary>An enterprise identity (golden record id). A merged identity points at its survivor (ADT^A40, Patient.link replaced-by).</summary>
public sealed record EnterpriseRecord(string Id, string? MergedInto, DateTimeOffset UpdatedAt, string? ETag = null);
