namespace Switchboard.Fhir.Mapping;

/// <summary>Stable issue codes of the v2 → FHIR translation (prefix MAP).</summary>
public static class MappingIssueCodes
{
    /// <summary>A segment the message structure does not know (Z-segments, misplaced segments): its content is not in the Bundle.</summary>
    public const string UnknownSegment = "MAP001";

    /// <summary>A known segment no mapping reads for this message type: its content is not in the Bundle.</summary>
    public const string UnmappedSegment = "MAP002";

    /// <summary>A populated field or component no mapping consumed.</summary>
    public const string UnmappedField = "MAP003";

    /// <summary>A message type or trigger with no mapping: only MessageHeader, Provenance and the patient are produced.</summary>
    public const string UnsupportedMessage = "MAP004";

    /// <summary>A code not in the vocabulary map: kept as a coding with the source's system.</summary>
    public const string UnmappedCode = "MAP010";

    /// <summary>An identifier system that neither HD OIDs nor configuration resolve: a source-scoped URN is used.</summary>
    public const string UnresolvedIdentifierSystem = "MAP011";

    /// <summary>A coding-system name (CWE.3) with no URI: a source-scoped URN is used.</summary>
    public const string UnresolvedCodingSystem = "MAP012";

    /// <summary>A date/time that is not a valid HL7 DTM: the element is left out.</summary>
    public const string InvalidDateTime = "MAP020";

    /// <summary>A number that is not a valid NM: the value is kept as a string.</summary>
    public const string InvalidNumber = "MAP021";

    /// <summary>A required v2 value is missing (e.g. OBR-25, OBX-11): a documented default is used.</summary>
    public const string MissingRequired = "MAP030";

    /// <summary>No patient identifier (PID-3) to write the Patient conditionally: it is written by a scoped id.</summary>
    public const string NoPatientIdentifier = "MAP031";

    /// <summary>Structural validation of the produced Bundle failed (cardinality, required element, unresolved reference).</summary>
    public const string InvalidOutput = "MAP040";

    /// <summary>The source policy turns unmapped data into a failure.</summary>
    public const string PolicyFailure = "MAP050";
}
