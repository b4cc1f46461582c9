namespace Switchboard.Identity.Matching;

/// <param name="Index">The candidate's position in the matcher (arrival order).</param>
public readonly record struct ScoredCandidate(int Index, float Score, GuardFlags Guards, ComparisonVector Vector);
