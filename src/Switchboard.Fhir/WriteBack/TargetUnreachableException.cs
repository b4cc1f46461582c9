namespace Switchboard.Fhir.WriteBack;

/// <summary>
/// The target gave no answer (time-out or dropped connection). For a read this is transient; for a write the
/// outcome is unknown: the server may or may not have applied it.
/// </summary>
public sealed class TargetUnreachableException : Exception
{
    public TargetUnreachableException()
    {
    }

    public TargetUnreachableException(string message)
        : base(message)
    {
    }

    public TargetUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
