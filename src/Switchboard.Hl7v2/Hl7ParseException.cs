namespace Switchboard.Hl7v2;

/// <summary>The input cannot be read as HL7 v2 at all. The message never quotes input, so it is safe to log.</summary>
public sealed class Hl7ParseException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
