namespace Switchboard.Hl7v2;

/// <summary>Which characters end a segment. The standard says CR; real feeds use LF and CRLF too.</summary>
[Flags]
public enum SegmentTerminators
{
    /// <summary>Carriage return (0x0D), the standard terminator.</summary>
    Cr = 1,

    /// <summary>Line feed (0x0A) alone.</summary>
    Lf = 2,

    /// <summary>CR followed by LF, counted as one terminator.</summary>
    CrLf = 4,

    /// <summary>Any of the three, mixed within one message.</summary>
    Any = Cr | Lf | CrLf,
}

/// <summary>
/// Parser and validator behaviour. Use the presets <see cref="Lenient"/> (default: read what real feeds send,
/// report problems as warnings) or <see cref="Strict"/> (report every deviation from the standard as an error).
/// </summary>
public sealed record Hl7ParseOptions
{
    /// <summary>Read everything readable; only unusable input is an error.</summary>
    public static Hl7ParseOptions Lenient { get; } = new();

    /// <summary>Deviations from the standard are errors; LF terminators and non-segment lines are reported.</summary>
    public static Hl7ParseOptions Strict { get; } = new()
    {
        IsStrict = true,
    };

    /// <summary>Segment terminators accepted. Default: CR, LF and CRLF, mixed.</summary>
    public SegmentTerminators SegmentTerminators { get; init; } = SegmentTerminators.Any;

    /// <summary>Strict mode raises deviations (unknown version, wrapped lines, structure, data types) to errors.</summary>
    public bool IsStrict { get; init; }

    /// <summary>Severity for deviations that lenient mode tolerates.</summary>
    internal Hl7Severity DeviationSeverity => IsStrict ? Hl7Severity.Error : Hl7Severity.Warning;
}
