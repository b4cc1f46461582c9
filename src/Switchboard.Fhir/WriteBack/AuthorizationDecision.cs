namespace Switchboard.Fhir.WriteBack;

public enum AuthorizationDecision
{
    Allowed = 0,

    /// <summary>Allowed only after a person approves (the proposer is a suggester for at least one field).</summary>
    NeedsReview = 1,

    Rejected = 2,
}
