namespace Switchboard.Identity.Matching;

/// <summary>What the matcher decided for a pair of records.</summary>
public enum PairDecisionKind
{
    /// <summary>Linked automatically (or by the same source chart).</summary>
    Match,

    /// <summary>Queued for a human: a possible match that was not linked.</summary>
    Review,
}

/// <param name="A">Index of the earlier record.</param>
/// <param name="B">Index of the later (incoming) record.</param>
/// <param name="Rule">Why: <see cref="LinkRules"/>.</param>
public readonly record struct PairDecision(int A, int B, PairDecisionKind Kind, float Score, string Rule, GuardFlags Guards);
