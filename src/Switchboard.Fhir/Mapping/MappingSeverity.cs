namespace Switchboard.Fhir.Mapping;

/// <summary>How much a mapping issue matters.</summary>
public enum MappingSeverity
{
    Information,
    Warning,
    Error,
}
