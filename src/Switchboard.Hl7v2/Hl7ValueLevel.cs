namespace Switchboard.Hl7v2;

/// <summary>The level of a value in the HL7 hierarchy.</summary>
public enum Hl7ValueLevel
{
    Field = 0,
    Repetition = 1,
    Component = 2,
    SubComponent = 3,
}
