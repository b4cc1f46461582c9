namespace Switchboard.Hl7v2;

/// <summary>
/// Stable issue codes of the HL7 v2 engine. Codes never change meaning; new ones get new numbers.
/// V20xx structure and framing, V21xx header, V22xx character sets, V23xx segment groups, V24xx data types,
/// V25xx batches and MLLP, V26xx paths and acknowledgements.
/// </summary>
public static class Hl7IssueCodes
{
    /// <summary>No MSH segment: the input is empty or does not start with MSH.</summary>
    public const string MissingMsh = "V2001";

    /// <summary>The header segment (MSH, FHS, BHS) is too short or has no MSH-2.</summary>
    public const string GarbledHeader = "V2002";

    /// <summary>Delimiters in MSH-1/MSH-2 are not usable (letters, duplicates, wrong count).</summary>
    public const string BadDelimiters = "V2003";

    /// <summary>Lines before the first MSH (or between messages) that are not batch envelope segments; skipped.</summary>
    public const string ContentOutsideMessage = "V2004";

    /// <summary>A line does not start with a segment id (three upper-case letters or digits): wrapped or damaged.</summary>
    public const string InvalidSegmentId = "V2005";

    /// <summary>Segments end with LF or CRLF instead of CR.</summary>
    public const string NonStandardTerminator = "V2006";

    /// <summary>The last segment has no terminator.</summary>
    public const string MissingFinalTerminator = "V2007";

    /// <summary>An escape sequence is unterminated or unknown.</summary>
    public const string BadEscape = "V2009";

    /// <summary>MSH-10 (message control id) is empty.</summary>
    public const string MissingControlId = "V2010";

    /// <summary>MSH-9 (message type) is empty or has no message code.</summary>
    public const string MissingMessageType = "V2011";

    /// <summary>MSH-12 (version id) is empty.</summary>
    public const string MissingVersion = "V2012";

    /// <summary>MSH-12 is not a known HL7 v2 version.</summary>
    public const string UnknownVersion = "V2013";

    /// <summary>MSH-7 (date/time of message) is empty.</summary>
    public const string MissingMessageDateTime = "V2014";

    /// <summary>MSH-11 (processing id) is empty or not P, D or T.</summary>
    public const string BadProcessingId = "V2015";

    /// <summary>MSH-9 has no trigger event (MSH-9.2), so no structure can be derived.</summary>
    public const string MissingTriggerEvent = "V2016";

    /// <summary>MSH-18 names a character set this engine cannot decode.</summary>
    public const string UnknownCharacterSet = "V2201";

    /// <summary>Bytes are invalid in the declared character set.</summary>
    public const string InvalidBytes = "V2202";

    /// <summary>Non-ASCII bytes without MSH-18: decoded as UTF-8 (or ISO-8859-1 when not valid UTF-8).</summary>
    public const string UndeclaredCharacterSet = "V2203";

    /// <summary>A segment required by the message structure is missing.</summary>
    public const string MissingRequiredSegment = "V2301";

    /// <summary>A segment of the structure appears where the structure does not allow it.</summary>
    public const string UnexpectedSegment = "V2302";

    /// <summary>No segment-group definition for this message structure; segments stay flat.</summary>
    public const string UnknownStructure = "V2303";

    /// <summary>A TS/DTM value is not a valid HL7 date/time.</summary>
    public const string InvalidDateTime = "V2401";

    /// <summary>An NM value is not a number.</summary>
    public const string InvalidNumber = "V2402";

    /// <summary>An SI value is not a non-negative integer.</summary>
    public const string InvalidSequenceId = "V2403";

    /// <summary>An ID value is not in its HL7 table.</summary>
    public const string InvalidCodedValue = "V2404";

    /// <summary>An IS/ID value contains separators or is too long.</summary>
    public const string MalformedCodedValue = "V2405";

    /// <summary>A batch or file header has no trailer, or a trailer has no header.</summary>
    public const string UnbalancedBatch = "V2501";

    /// <summary>BTS-1 / FTS-1 count differs from the messages or batches present.</summary>
    public const string BatchCountMismatch = "V2502";

    /// <summary>MLLP: bytes outside a frame or a frame not closed by 0x1C 0x0D.</summary>
    public const string MllpFraming = "V2503";

    /// <summary>The requested message number does not exist in the input.</summary>
    public const string MessageNotFound = "V2504";

    /// <summary>A path is not in the notation SEG[occurrence]-field[repetition].component.subcomponent.</summary>
    public const string InvalidPath = "V2601";
}
