namespace Switchboard.Identity.Matching;

/// <summary>Names of the rules behind a link or a review item, stored with the link.</summary>
public static class LinkRules
{
    /// <summary>Same (source system, MRN): the same chart, hence the same person.</summary>
    public const string SameSourceRecord = "same-source-record";

    /// <summary>Fellegi–Sunter score at or above the auto-link threshold with no guard raised.</summary>
    public const string ProbabilisticAuto = "fs-auto";

    /// <summary>Score in the review band.</summary>
    public const string ProbabilisticReview = "fs-review";

    /// <summary>Score high enough to link, but a hard-negative guard (twins, Jr/Sr, ...) held it back.</summary>
    public const string GuardedReview = "guarded-review";

    /// <summary>The cluster the record would join holds a member the record conflicts with.</summary>
    public const string ClusterConflictReview = "cluster-conflict-review";

    /// <summary>Nothing scored in the review band: a new identity.</summary>
    public const string NoMatch = "no-match";
}
