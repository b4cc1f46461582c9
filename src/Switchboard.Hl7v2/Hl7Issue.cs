namespace Switchboard.Hl7v2;

/// <summary>
/// One finding about the input: a stable code (<see cref="Hl7IssueCodes"/>), a severity, a position and a message
/// that names the position but never quotes field values (they may be PHI), so issues can be logged.
/// </summary>
public sealed record Hl7Issue(string Code, Hl7Severity Severity, Hl7Location Location, string Message)
{
    /// <summary><c>error V2050 at message 1, segment 3 PID-7 (offset 88): ...</c></summary>
    public override string ToString() =>
        $"{Severity.ToString().ToUpperInvariant()} {Code} at {Location}: {Message}";
}
