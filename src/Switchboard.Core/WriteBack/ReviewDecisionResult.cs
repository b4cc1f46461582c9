namespace Switchboard.Core.WriteBack;

/// <summary>Outcome of recording a decision.</summary>
public enum ReviewDecisionResult
{
    Recorded = 0,

    /// <summary>The item changed since the reviewer read it (another decision, or an escalation): HTTP 409.</summary>
    Stale = 1,

    NotFound = 2,
}
