namespace Switchboard.Identity.Matching;

/// <summary>How an incoming registration was resolved.</summary>
public enum LinkOutcomeKind
{
    /// <summary>Linked to an existing identity (automatically, or because the chart was already known).</summary>
    Auto,

    /// <summary>A new identity, with a possible match queued for review.</summary>
    Review,

    /// <summary>A new identity: nothing matched.</summary>
    New,
}

/// <param name="MatchedKey">The existing chart linked to (Auto) or to review against (Review); null for New.</param>
/// <param name="Rule">The rule behind the outcome (<see cref="LinkRules"/>).</param>
public sealed record LinkOutcome(LinkOutcomeKind Kind, SourceRecordKey? MatchedKey, double Score, string Rule);
