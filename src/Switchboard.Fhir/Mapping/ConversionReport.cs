namespace Switchboard.Fhir.Mapping;

/// <summary>
/// The lossless-conversion report of one message: every populated field/component no mapping consumed, every
/// unknown or unmapped segment, and the other mapping issues; with the outcome under the source's policy. Holds
/// positions and codes only, never values, so it can be logged and stored with the envelope.
/// </summary>
public sealed record ConversionReport
{
    /// <summary>The source the message came from.</summary>
    public required string Source { get; init; }

    /// <summary>MSH-10.</summary>
    public required string MessageControlId { get; init; }

    /// <summary>MSH-9 as <c>ADT^A01</c>.</summary>
    public required string MessageType { get; init; }

    /// <summary>The mapping version that produced the Bundle (also in the Provenance).</summary>
    public required string MappingVersion { get; init; }

    /// <summary>The policy applied.</summary>
    public required UnmappedPolicy Policy { get; init; }

    /// <summary>True when the policy fails the message (or the output is invalid): deliver nothing.</summary>
    public required bool Failed { get; init; }

    /// <summary>Populated positions no mapping consumed, e.g. <c>PV1-19</c>, <c>PID-11.9</c>, <c>OBX[2]-18</c>.</summary>
    public required IReadOnlyList<string> UnmappedFields { get; init; }

    /// <summary>Segments whose content is not in the Bundle, e.g. <c>ZPI</c> (unknown) or <c>ROL</c> (not mapped).</summary>
    public required IReadOnlyList<string> UnmappedSegments { get; init; }

    /// <summary>Every issue, in message order, unmapped data included.</summary>
    public required IReadOnlyList<MappingIssue> Issues { get; init; }
}
