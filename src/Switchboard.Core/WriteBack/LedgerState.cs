namespace Switchboard.Core.WriteBack;

/// <summary>
/// State of a create on a create-only target: pending → sent → confirmed | outcome-unknown. An outcome-unknown
/// create is resolved by searching the target for our business identifier, never by sending it again blindly.
/// </summary>
public enum LedgerState
{
    Pending = 0,
    Sent = 1,
    Confirmed = 2,
    OutcomeUnknown = 3,
    Abandoned = 4,
}
