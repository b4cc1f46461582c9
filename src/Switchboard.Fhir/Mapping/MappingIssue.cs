namespace Switchboard.Fhir.Mapping;

/// <summary>
/// One finding of a translation: a stable code (<see cref="MappingIssueCodes"/>), severity, the HL7 position
/// (<c>PV1-19</c>, <c>OBX[3]-6.3</c>, a segment id) and a message that quotes no value, so it is safe to log.
/// </summary>
public sealed record MappingIssue(string Code, MappingSeverity Severity, string Position, string Message);
