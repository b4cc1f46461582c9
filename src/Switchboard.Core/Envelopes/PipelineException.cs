namespace Switchboard.Core.Envelopes;

/// <summary>
/// A permanent pipeline failure with a stable code: retrying cannot help, so the stage dead-letters at once.
/// Messages must never quote payload content.
/// </summary>
public sealed class PipelineException(string code, string message) : Exception(message)
{
    public string Code { get; } = code;
}
