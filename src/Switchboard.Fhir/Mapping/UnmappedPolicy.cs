namespace Switchboard.Fhir.Mapping;

/// <summary>What a source wants done when a message carries data no mapping consumed (the lossless-conversion report).</summary>
public enum UnmappedPolicy
{
    /// <summary>Report nothing about unmapped data; the translation succeeds.</summary>
    Ignore,

    /// <summary>Report unmapped data as warnings; the translation succeeds (the default).</summary>
    Warn,

    /// <summary>Report unmapped data as errors; the translation fails and the message is not delivered.</summary>
    Fail,
}
