namespace Switchboard.Core.WriteBack;

/// <summary>Why a write-back waits for a person.</summary>
public enum ReviewReason
{
    Conflict = 0,
    Suggestion = 1,
    ValidationFailure = 2,
    OutcomeUnknown = 3,
}
