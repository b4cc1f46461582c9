namespace Switchboard.Hl7v2;

/// <summary>How bad an issue is. Validation fails when any issue is an <see cref="Error"/>.</summary>
public enum Hl7Severity
{
    Information = 0,
    Warning = 1,
    Error = 2,
}
