namespace Switchboard.Identity.Matching;

/// <summary>One existing identity (cluster) a registration may belong to: its best-matching chart and score.</summary>
/// <param name="Key">The best-matching chart in the cluster.</param>
/// <param name="ClusterKeys">Every chart of the cluster, best first.</param>
/// <param name="Score">Fellegi–Sunter score of the best pair (log2 Bayes factor).</param>
public sealed record IdentityCandidate(SourceRecordKey Key, IReadOnlyList<SourceRecordKey> ClusterKeys, double Score, MatchGrade Grade, GuardFlags Guards);
