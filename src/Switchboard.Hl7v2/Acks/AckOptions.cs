namespace Switchboard.Hl7v2.Acks;

/// <summary>What to put into an acknowledgement beyond the code.</summary>
public sealed record AckOptions
{
    /// <summary>MSH-10 of the ACK; default <c>ACK</c> + the original MSH-10 (deterministic, so resends get the same ACK).</summary>
    public string? ControlId { get; init; }

    /// <summary>MSA-3 text (escaped when written). Never put field values here: ACKs are logged.</summary>
    public string? Text { get; init; }

    /// <summary>Issues to report as ERR segments, with their location and an HL7 table 0357 code.</summary>
    public IReadOnlyList<Hl7Issue> Errors { get; init; } = [];

    /// <summary>Original or enhanced mode; <see cref="AckMode.Auto"/> decides from MSH-15/16.</summary>
    public AckMode Mode { get; init; }
}
