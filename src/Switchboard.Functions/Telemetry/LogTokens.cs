using Microsoft.Extensions.Compliance.Redaction;

namespace Switchboard.Functions.Telemetry;

/// <summary>
/// Turns patient-linked values (idempotency keys such as MSH-10) into HMAC tokens for logs, through the HMAC redactor
/// registered for <see cref="SwitchboardData.PatientLinked"/>: the same value always gives the same token.
/// </summary>
public sealed class LogTokens(IRedactorProvider redactors)
{
    private readonly Redactor _redactor = redactors.GetRedactor(SwitchboardData.PatientLinked);

    public string For(string value) => _redactor.Redact(value);
}
