namespace Switchboard.Core.Security;

/// <summary>Stable codes for refused webhook requests (SECxxx).</summary>
public static class SecurityIssues
{
    public const string SignatureMissing = "SEC001";
    public const string TimestampOutsideWindow = "SEC002";
    public const string SignatureInvalid = "SEC003";
    public const string NonceReplayed = "SEC004";
}
