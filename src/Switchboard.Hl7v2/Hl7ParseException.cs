namespace Switchboard.Hl7v2;

/// <summary>
/// Thrown only by <see cref="Hl7ParseResult{T}.GetValueOrThrow"/>, for callers that treat unreadable input as a
/// permanent failure. Carries the issue code; the message never quotes input, so it is safe to log.
/// </summary>
public sealed class Hl7ParseException : Exception
{
    public Hl7ParseException()
        : this(Hl7IssueCodes.MissingMsh, "The input cannot be read as HL7 v2.")
    {
    }

    public Hl7ParseException(string message)
        : this(Hl7IssueCodes.MissingMsh, message)
    {
    }

    public Hl7ParseException(string message, Exception innerException)
        : base(message, innerException) => Code = Hl7IssueCodes.MissingMsh;

    public Hl7ParseException(string code, string message)
        : base(message) => Code = code;

    /// <summary>The issue code, e.g. V2001.</summary>
    public string Code { get; }
}
