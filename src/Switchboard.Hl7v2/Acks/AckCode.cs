namespace Switchboard.Hl7v2.Acks;

/// <summary>MSA-1 (HL7 table 0008). Enhanced mode uses the commit codes CA/CE/CR.</summary>
public enum AckCode
{
    /// <summary>Application accept.</summary>
    AA,

    /// <summary>Application error.</summary>
    AE,

    /// <summary>Application reject.</summary>
    AR,

    /// <summary>Commit accept (enhanced mode).</summary>
    CA,

    /// <summary>Commit error (enhanced mode).</summary>
    CE,

    /// <summary>Commit reject (enhanced mode).</summary>
    CR,
}
