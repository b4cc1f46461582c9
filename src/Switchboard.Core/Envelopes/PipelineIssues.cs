namespace Switchboard.Core.Envelopes;

/// <summary>Stable issue codes of the pipeline (PIPExxx); codes, never free text, go into dead-letter metadata.</summary>
public static class PipelineIssues
{
    public const string MalformedEnvelope = "PIPE001";
    public const string PayloadMissing = "PIPE002";
    public const string ConflictingDuplicate = "PIPE003";
    public const string RetriesExhausted = "PIPE004";
    public const string Unreadable = "PIPE005";
    public const string PayloadTooLarge = "PIPE006";
    public const string UnsupportedMediaType = "PIPE007";
    public const string UnknownSource = "PIPE008";
    public const string EmptyBody = "PIPE009";
    public const string TranslationFailed = "PIPE010";
    public const string InvalidRequest = "PIPE011";
    public const string DeliveryRejected = "PIPE020";
    public const string DestinationNotConfigured = "PIPE021";
    public const string WebhookDeliveryFailed = "PIPE022";
    public const string UnknownDestination = "PIPE023";
}
